package xla4j.models.paligemma;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import xla4j.array.NdArray;
import xla4j.array.TensorSource;
import xla4j.dsl.Mesh;
import xla4j.models.gemma.Generator;
import xla4j.models.gemma.Sampling;
import xla4j.pjrt.Client;
import xla4j.runtime.DeviceMesh;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;
import xla4j.runtime.ShardedArray;

/**
 * A PaliGemma model's image, prefill and decode programs, compiled together (same batch, prompt length, KV cache
 * and mesh), and generation with them: images through the image program, its tokens as the prefill's embedded
 * prefix, then {@link Generator}'s decoding. Closing closes the three programs.
 */
public record PaliGemmaPrograms(PaliGemmaConfig config, Program image, Program prefill, Program decode)
    implements AutoCloseable {

  /**
   * Compiles the programs for {@code batch} images with prompts of up to {@code textLen} tokens and up to
   * {@code maxNewTokens} generated tokens.
   *
   * @throws IllegalArgumentException if image tokens, prompt and new tokens exceed the decoder's context
   */
  public static PaliGemmaPrograms compile(PaliGemmaConfig c, int batch, int textLen, int maxNewTokens,
      Optional<Mesh> mesh, Client client, boolean allLogits) {
    int cache = cacheSize(c, textLen, maxNewTokens);
    DeviceMesh devices = mesh.isPresent() ? DeviceMesh.of(mesh.get(), client)
        : DeviceMesh.single(client.addressableDevices().get(0));
    Program img = null;
    Program pre = null;
    try {
      img = Program.compile(PaliGemma.image(c, batch, mesh).graph(), devices);
      pre = Program.compile(PaliGemma.prefill(c, batch, textLen, cache, mesh, allLogits).graph(), devices);
      return new PaliGemmaPrograms(c, img, pre, Program.compile(PaliGemma.decode(c, batch, cache, mesh).graph(),
          devices));
    } catch (RuntimeException | Error e) {
      if (pre != null) {
        pre.close();
      }
      if (img != null) {
        img.close();
      }
      throw e;
    }
  }

  /** KV cache slots for image tokens, a prompt of {@code textLen} and {@code maxNewTokens} new tokens. */
  public static int cacheSize(PaliGemmaConfig c, int textLen, int maxNewTokens) {
    if (textLen < 1 || maxNewTokens < 1) {
      throw new IllegalArgumentException("PaliGemma requires a prompt length and new tokens >= 1, got " + textLen
          + " and " + maxNewTokens);
    }
    long cache = (long) c.imageTokens() + textLen + maxNewTokens;
    if (cache > c.text().maxPositionEmbeddings()) {
      throw new IllegalArgumentException(c.imageTokens() + " image tokens plus a prompt of " + textLen + " tokens "
          + "plus " + maxNewTokens + " new tokens is longer than the model's context (max_position_embeddings "
          + c.text().maxPositionEmbeddings() + ")");
    }
    return (int) cache;
  }

  /** The batch size the programs were compiled for. */
  public int batch() {
    return (int) image.signature().parameter(PaliGemma.IMAGE).shape().dims()[0];
  }

  /** The longest prompt (after the image tokens). */
  public int textLen() {
    return (int) prefill.signature().parameter(xla4j.models.gemma.Gemma.TOKENS).shape().dims()[1]
        - config.imageTokens();
  }

  /**
   * Places {@code sources} (every parameter of both towers, e.g. {@link PaliGemmaCheckpoint.Opened#params}) as the
   * programs want them.
   *
   * @throws IllegalArgumentException for a source no program takes, or of another dtype or shape
   */
  public ParamStore place(Map<String, ? extends TensorSource> sources, Consumer<String> progress) {
    return ParamStore.place(List.of(image, decode), sources, progress);
  }

  /**
   * Generates after each (image, prompt) pair.
   *
   * @param images (n, S, S, 3) f32 in [-1, 1], n from 1 to {@link #batch} (a smaller batch is padded with copies of
   *     the last image, whose results are dropped)
   * @param prompts n prompts of token ids ({@code <bos>} ... {@code "\n"}), each 1 to {@link #textLen} long
   * @throws IllegalArgumentException for images of another shape, or a count of prompts that differs
   */
  public Generator.Result generate(ParamStore params, NdArray images, List<int[]> prompts, int maxNewTokens,
      Sampling sampling, boolean keepLogits, Generator.TokenListener listener) {
    return generate(params, images, prompts, maxNewTokens, sampling, keepLogits, listener, true);
  }

  /**
   * As {@link #generate(ParamStore, NdArray, List, int, Sampling, boolean, Generator.TokenListener)};
   * {@code stopAtEos} false runs every step.
   */
  public Generator.Result generate(ParamStore params, NdArray images, List<int[]> prompts, int maxNewTokens,
      Sampling sampling, boolean keepLogits, Generator.TokenListener listener, boolean stopAtEos) {
    long[] d = images.shape();
    int s = config.imageSize();
    if (d.length != 4 || d[1] != s || d[2] != s || d[3] != 3 || d[0] < 1 || d[0] > batch()) {
      throw new IllegalArgumentException("PaliGemma requires 1 to " + batch() + " images of " + s + "x" + s
          + "x3 (the model's resolution), got shape " + java.util.Arrays.toString(d));
    }
    if (images.dtype() != xla4j.array.DType.F32) {
      throw new IllegalArgumentException("PaliGemma requires float32 images, got " + images.dtype());
    }
    if (prompts.size() != d[0]) {
      throw new IllegalArgumentException("PaliGemma requires one prompt per image, got " + prompts.size()
          + " prompts for " + d[0] + " images");
    }
    NdArray batch = padBatch(images, batch());
    Map<String, ShardedArray> out = new LinkedHashMap<>();
    try (ShardedArray img = image.put(PaliGemma.IMAGE, batch)) {
      out = image.call(params, Map.of(PaliGemma.IMAGE, img));
      Generator gen = new Generator(config.text(), prefill, decode, params);
      return gen.generate(prompts, maxNewTokens, sampling, keepLogits, listener, stopAtEos,
          new Generator.Prefix(out.get(PaliGemma.IMAGE_TOKENS)));
    } finally {
      out.values().forEach(ShardedArray::close);
    }
  }

  /**
   * Runs the image program alone (image tokens of a batch of images, freed at once): the image encoder's share of a
   * generation, for timing.
   */
  public void encodeImages(ParamStore params, NdArray images) {
    try (ShardedArray img = image.put(PaliGemma.IMAGE, padBatch(images, batch()))) {
      image.call(params, Map.of(PaliGemma.IMAGE, img)).values().forEach(ShardedArray::close);
    }
  }

  /** Copies of the last image fill the batch up to {@code b}. */
  private static NdArray padBatch(NdArray images, int b) {
    long n = images.shape()[0];
    if (n == b) {
      return images;
    }
    float[] src = images.toFloatArray();
    int per = src.length / (int) n;
    float[] all = new float[per * b];
    for (int i = 0; i < b; i++) {
      System.arraycopy(src, (int) Math.min(i, n - 1) * per, all, i * per, per);
    }
    long[] shape = images.shape();
    shape[0] = b;
    return NdArray.of(all, shape);
  }

  @Override
  public void close() {
    try {
      image.close();
    } finally {
      try {
        prefill.close();
      } finally {
        decode.close();
      }
    }
  }
}
