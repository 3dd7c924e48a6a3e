package xla4j.models.paligemma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xla4j.array.DType;
import xla4j.dsl.Graph;
import xla4j.dsl.Mesh;
import xla4j.dsl.PartitionSpec;
import xla4j.dsl.Shape;
import xla4j.dsl.ShardingRules;
import xla4j.dsl.Tensor;
import xla4j.models.gemma.Gemma;
import xla4j.models.vit.ViT;
import xla4j.nn.ParamSpec;
import xla4j.nn.Scope;

/**
 * PaliGemma and PaliGemma 2 at inference (big_vision's {@code models/proj/paligemma/paligemma.py}, Hugging Face's
 * {@code modeling_paligemma}), as three programs over one parameter store:
 *
 * <ol>
 *   <li>{@link #image}: images (B, S, S, 3) in [-1, 1] through SigLIP (pool {@code none}) and the linear projector
 *       (the ViT's {@code head}) to image tokens (B, I, D), big_vision's {@code embed_image};
 *   <li>{@link #prefill}: the Gemma prefill over {@code [image tokens][<bos>][prefix]["\n"]} per row, image tokens
 *       taken as they are and text embeddings scaled by sqrt(D) ({@code embed_image_and_text}), with prefix-LM
 *       attention: full over the image and the prompt, causal over what is generated after it;
 *   <li>{@link #decode}: the Gemma decode step, unchanged.
 * </ol>
 *
 * <p>Parameter names: the image tower under {@code img/} in big_vision's ViT names ({@code img/embedding/kernel},
 * {@code img/Transformer/encoderblock_0/...}, {@code img/head/kernel} the projector), the decoder in {@link Gemma}'s
 * (Hugging Face's {@code model.layers.0...}); {@link PaliGemmaCheckpoint} maps Hugging Face's and big_vision's files
 * onto them.
 */
public final class PaliGemma {
  private PaliGemma() {}

  /** Image-program input: (B, S, S, 3) f32, RGB in [-1, 1]. */
  public static final String IMAGE = "image";
  /** Image-program output and prefill input: the projected image tokens (B, I, D) in the model dtype. */
  public static final String IMAGE_TOKENS = Gemma.PREFIX_EMBEDDINGS;
  /** The scope of the image tower's parameters (big_vision's {@code img}). */
  public static final String IMG = "img";

  /** A program's graph with its parameter specs. */
  public record Model(PaliGemmaConfig config, Graph graph, List<ParamSpec> params) {}

  /**
   * The image program: input {@link #IMAGE}, output {@link #IMAGE_TOKENS}. On a mesh, the batch is split over
   * {@code data} and the encoder's heads and MLP over {@code model} (Megatron-style, as {@link ViT#megatron}).
   */
  public static Model image(PaliGemmaConfig c, long batch, Optional<Mesh> mesh) {
    Graph g = mesh.isPresent() ? new Graph("paligemma_img", mesh.get(), false) : new Graph("paligemma_img");
    boolean data = mesh.isPresent() && mesh.get().hasAxis(Gemma.DATA);
    long s = c.imageSize();
    Tensor image = g.parameter(IMAGE, Shape.of(DType.F32, batch, s, s, 3),
        data ? PartitionSpec.of(Gemma.DATA, null, null, null) : null);
    Scope root = Scope.root(g, c.dtype());
    Map<String, Tensor> out = ViT.apply(root.child(IMG), image.convert(c.dtype()), c.vision(), false);
    g.output(IMAGE_TOKENS, out.get("logits").convert(c.dtype()), data ? PartitionSpec.of(Gemma.DATA, null, null)
        : null);
    if (mesh.isPresent()) {
      ShardingRules rules = imageTensorParallel(c, mesh.get());
      for (ParamSpec p : root.params()) {
        g.parameterSharding(p.name(), rules.spec(p.name(), p.shape(), p.dtype(), mesh.get()));
      }
    }
    return new Model(c, g, root.params());
  }

  /** {@link ViT#megatron} over {@link Gemma#MODEL} when the mesh has that axis; replicated otherwise. */
  static ShardingRules imageTensorParallel(PaliGemmaConfig c, Mesh mesh) {
    if (!mesh.hasAxis(Gemma.MODEL)) {
      return ShardingRules.replicated();
    }
    long m = mesh.axisSize(Gemma.MODEL);
    if (c.vision().numHeads() % m != 0 || c.vision().mlpDim() % m != 0) {
      throw new IllegalArgumentException("PaliGemma tensor parallelism requires the image encoder's heads ("
          + c.vision().numHeads() + ") and MLP width (" + c.vision().mlpDim() + ") divisible by the mesh axis '"
          + Gemma.MODEL + "' (" + m + ")");
    }
    return ViT.megatron(Gemma.MODEL);
  }

  /**
   * The prefill program for prompts of up to {@code textLen} tokens after the image tokens: {@link Gemma#prefill}
   * over {@code imageTokens + textLen} slots with {@link #IMAGE_TOKENS} as its embedded prefix.
   */
  public static Gemma.Model prefill(PaliGemmaConfig c, long batch, long textLen, long cacheSize,
      Optional<Mesh> mesh, boolean allLogits) {
    return Gemma.prefill(c.text(), batch, c.imageTokens() + textLen, cacheSize, mesh, allLogits, c.imageTokens());
  }

  /** The decode-step program ({@link Gemma#decode}). */
  public static Gemma.Model decode(PaliGemmaConfig c, long batch, long cacheSize, Optional<Mesh> mesh) {
    return Gemma.decode(c.text(), batch, cacheSize, mesh);
  }

  /** The image tower's parameters, in program order. */
  public static List<ParamSpec> imageParams(PaliGemmaConfig c) {
    return image(c, 1, Optional.empty()).params();
  }

  /** Every parameter: the image tower's, then the decoder's. */
  public static List<ParamSpec> params(PaliGemmaConfig c) {
    List<ParamSpec> all = new ArrayList<>(imageParams(c));
    all.addAll(Gemma.params(c.text()));
    return all;
  }
}
