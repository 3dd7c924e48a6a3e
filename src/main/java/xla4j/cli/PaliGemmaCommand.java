package xla4j.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.dsl.Mesh;
import xla4j.io.Images;
import xla4j.io.Npy;
import xla4j.io.SentencePiece;
import xla4j.models.gemma.Generator;
import xla4j.models.gemma.Sampling;
import xla4j.models.paligemma.PaliGemmaCheckpoint;
import xla4j.models.paligemma.PaliGemmaConfig;
import xla4j.models.paligemma.PaliGemmaDrawing;
import xla4j.models.paligemma.PaliGemmaObjects;
import xla4j.models.paligemma.PaliGemmaVae;
import xla4j.models.paligemma.PaliGemmaPrograms;
import xla4j.pjrt.Client;
import xla4j.runtime.ParamStore;

@Command(name = "paligemma", mixinStandardHelpOptions = true,
    description = {"Image + prompt -> text with a PaliGemma or PaliGemma 2 model (a Hugging Face directory: "
        + "config.json, safetensors, tokenizer.model; or a big_vision .npz with --variant).",
        "IMG: .jpg/.png (resized to the model's resolution, bilinear, then x/127.5 - 1) or .npy float32 [H, W, 3] "
            + "already in [-1, 1] at the model's resolution. Repeat --image and --prompt for a batch (one prompt "
            + "per image).",
        "--prompt TEXT feeds <bos> + encode(TEXT + \"\\n\"), as Hugging Face's processor; --prompt-ids is taken as is.",
        "OUT.json: {\"ids\": [generated ids only], \"text\": \"...\", \"boxes\": [...] (detect), \"masks\": [...] "
            + "(segment)} (for several images, a list of such objects); L.npy: float32 [N, vocab], the logits that "
            + "chose each generated token (one image).",
        "Example: xla4j paligemma --model paligemma-3b-pt-224 --image cat.jpg --prompt 'caption en' "
            + "--max-new-tokens 32"})
final class PaliGemmaCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "Hugging Face model directory (config.json, safetensors, tokenizer.model), or a big_vision .npz "
          + "with --variant")
  Path model;

  @Option(names = "--variant", paramLabel = "NAME", description = "the variant of a big_vision .npz, e.g. "
      + "pali_3b_224 or pali2_3b_448")
  String variant;

  @Option(names = "--image", required = true, paramLabel = "IMG", description = "an image (repeat for a batch)")
  List<Path> images;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Prompt prompt;

  static final class Prompt {
    @Option(names = "--prompt", paramLabel = "TEXT", description = "a prompt, e.g. 'caption en', 'detect cat ; "
        + "dog', 'segment cat' (repeat for a batch)")
    List<String> text;

    @Option(names = "--prompt-ids", paramLabel = "IDS", description = "a prompt as token ids with <bos> and \"\\n\", "
        + "e.g. 2,17,33,108 (repeat for a batch)")
    List<String> ids;
  }

  @CommandLine.Mixin DecodeOptions decoding;

  @Option(names = "--vae", paramLabel = "F", description = "big_vision's VQ-VAE mask decoder (vae-oid.npz): decode "
      + "segmentation tokens to masks")
  Path vae;

  @Option(names = "--draw", paramLabel = "P", description = "write the (first) image with its boxes and masks to "
      + "this PNG")
  Path draw;

  @Option(names = "--bench", description = "time it: image encoder img/s, first token, decode tokens/s, end-to-end "
      + "latency (every step runs: EOS does not stop it; --repeat runs after a warm-up), printed as one JSON line")
  boolean bench;

  @Option(names = "--repeat", defaultValue = "3", paramLabel = "R", description = "with --bench: timed runs "
      + "(default: 3; medians are reported)")
  int repeat;

  @Option(names = "--image-only", description = "with --bench: time the image encoder only")
  boolean imageOnly;

  private double compileSeconds;

  @Override
  public Integer call() throws Exception {
    Sampling sampling = decoding.sampling(spec.commandLine());
    DType dt = decoding.checkedDtype(spec.commandLine());
    if (bench && repeat < 1 || imageOnly && !bench) {
      throw bad(imageOnly && !bench ? "--image-only is an option of --bench" : "--repeat must be >= 1, got " + repeat);
    }
    Optional<Mesh> m = decoding.parsedMesh();
    try (PaliGemmaCheckpoint.Opened opened = open(dt)) {
      PaliGemmaConfig c = opened.config();
      Optional<SentencePiece> sp = opened.tokenizer().isPresent()
          ? Optional.of(SentencePiece.load(opened.tokenizer().get())) : Optional.empty();
      List<int[]> prompts = prompts(c, sp);
      if (prompts.size() != images.size()) {
        throw bad("paligemma takes one prompt per image, got " + images.size() + " images and " + prompts.size()
            + " prompts");
      }
      if (decoding.logitsOut != null && prompts.size() != 1) {
        throw bad("--logits-out takes one image, got " + prompts.size());
      }
      NdArray pixels = loadImages(c.imageSize());
      int longest = prompts.stream().mapToInt(p -> p.length).max().orElse(0);
      PluginOption p = new PluginOption(decoding.plugin);
      int devices = decoding.deviceCount(p, m);
      try (Client client = p.client(devices)) {
        int batch = DecodeOptions.batchFor(prompts.size(), m);
        long t0 = System.nanoTime();
        progress(String.format("compiling image encoder (%d x %dpx), prefill (%d image + %d text tokens) and decode on "
            + "%s%s ...", batch, c.imageSize(), c.imageTokens(), longest, client.platformName(),
            m.map(x -> " over mesh " + x.shape()).orElse("")));
        try (PaliGemmaPrograms programs = PaliGemmaPrograms.compile(c, batch, longest, decoding.maxNewTokens, m, client,
            false)) {
          compileSeconds = (System.nanoTime() - t0) / 1e9;
          progress(String.format("compiled in %.2f s", compileSeconds));
          progress("placing " + model + " ...");
          try (ParamStore params = programs.place(opened.params(), PaliGemmaCommand::progress)) {
            if (bench) {
              bench(c, programs, params, pixels, prompts, sampling);
            } else {
              run(c, programs, params, pixels, prompts, sampling, sp, client);
            }
          }
        }
      }
    }
    return 0;
  }

  private PaliGemmaCheckpoint.Opened open(DType dt) throws IOException {
    if (model.toString().endsWith(".npz")) {
      if (variant == null) {
        throw bad("a big_vision .npz needs --variant NAME (one of " + PaliGemmaConfig.VARIANTS.keySet() + ")");
      }
      return PaliGemmaCheckpoint.openBigVision(model, PaliGemmaConfig.fromVariant(variant).withDtype(dt));
    }
    if (variant != null) {
      throw bad("--variant is for a big_vision .npz; a model directory's config.json gives the model");
    }
    return PaliGemmaCheckpoint.openHuggingFace(model, dt);
  }

  private void run(PaliGemmaConfig c, PaliGemmaPrograms programs, ParamStore params, NdArray pixels,
      List<int[]> prompts, Sampling sampling, Optional<SentencePiece> sp, Client client) throws IOException {
    DecodeOptions.Printer printer = new DecodeOptions.Printer(prompts.size(), sp);
    long t0 = System.nanoTime();
    Generator.Result r = programs.generate(params, pixels, prompts, decoding.maxNewTokens, sampling,
        decoding.logitsOut != null, printer);
    long t1 = System.nanoTime();
    printer.finish(r);
    int total = r.ids().stream().mapToInt(a -> a.length).sum();
    int steps = r.ids().stream().mapToInt(a -> a.length).max().orElse(0);
    progress(String.format("image + prefill + first token %.3f s; %d tokens in %d decode steps, %.2f tokens/s",
        (printer.firstTokenNanos - t0) / 1e9, total, steps - 1,
        steps > 1 ? (total - r.ids().size()) / ((t1 - printer.firstTokenNanos) / 1e9)
            : 0.0));
    List<JsonObject> results = new ArrayList<>();
    try (PaliGemmaVae decoder = vae == null ? null : PaliGemmaVae.load(vae, client)) {
      for (int i = 0; i < r.ids().size(); i++) {
        JsonObject o = new JsonObject();
        o.add("ids", DecodeOptions.ids(r.ids().get(i)));
        String text = DecodeOptions.text(r.ids().get(i), sp);
        o.addProperty("text", text);
        objects(o, text, i, c, pixels, decoder);
        results.add(o);
      }
    }
    if (decoding.out != null) {
      String json;
      if (results.size() == 1) {
        json = new GsonBuilder().disableHtmlEscaping().create().toJson(results.get(0));
      } else {
        JsonArray a = new JsonArray();
        results.forEach(a::add);
        json = new GsonBuilder().disableHtmlEscaping().create().toJson(a);
      }
      Files.writeString(decoding.out, json + "\n");
    }
    if (decoding.logitsOut != null) {
      DecodeOptions.writeLogits(decoding.logitsOut, r.logits().get(0), c.text().vocabSize());
    }
  }

  /** Times the image encoder alone and whole generations (medians of {@code --repeat}); prints one JSON line. */
  private void bench(PaliGemmaConfig c, PaliGemmaPrograms programs, ParamStore params, NdArray pixels,
      List<int[]> prompts, Sampling sampling) {
    double[] image = new double[repeat];
    double[] first = new double[repeat];
    double[] decodeRates = new double[repeat];
    double[] latency = new double[repeat];
    int b = prompts.size();
    int n = decoding.maxNewTokens;
    for (int i = -1; i < repeat; i++) {
      long t0 = System.nanoTime();
      programs.encodeImages(params, pixels);
      if (i >= 0) {
        image[i] = (System.nanoTime() - t0) / 1e9;
      }
    }
    for (int i = imageOnly ? repeat : -1; i < repeat; i++) {
      long t0 = System.nanoTime();
      long[] at = {0};
      programs.generate(params, pixels, prompts, decoding.maxNewTokens, sampling, false, (row, step, id) -> {
        if (step == 0 && row == 0) {
          at[0] = System.nanoTime();
        }
      }, false);
      long t1 = System.nanoTime();
      if (i >= 0) {
        first[i] = (at[0] - t0) / 1e9;
        decodeRates[i] = DecodeOptions.decodeTokensPerSecond(b, n, (t1 - at[0]) / 1e9);
        latency[i] = (t1 - t0) / 1e9;
      }
    }
    JsonObject o = new JsonObject();
    o.addProperty("system", "xla4j");
    o.addProperty("dtype", c.dtype() == DType.BF16 ? "bfloat16" : "float32");
    o.addProperty("batch", b);
    o.addProperty("image_size", c.imageSize());
    o.addProperty("prompt_len", prompts.stream().mapToInt(p -> p.length).max().orElse(0));
    o.addProperty("new_tokens", decoding.maxNewTokens);
    o.addProperty("text_layers", c.text().depth());
    o.addProperty("compile_s", compileSeconds);
    double img = DecodeOptions.median(image);
    o.addProperty("image_s", img);
    o.addProperty("image_per_s", b / img);
    if (!imageOnly) {
      o.addProperty("first_token_s", DecodeOptions.median(first));
      o.addProperty("latency_s", DecodeOptions.median(latency));
      o.addProperty("decode_tokens_per_s", DecodeOptions.median(decodeRates));
    }
    o.addProperty("peak_rss_mb", GenerateCommand.peakRssMb());
    DecodeOptions.write(new GsonBuilder().create().toJson(o) + "\n");
  }

  /**
   * Detection boxes and segmentation masks in the output of image {@code i} ({@code <locNNNN>} tokens, as
   * {@code detect} and {@code segment} prompts produce), in pixels of the image as given (a .npy at the model's
   * resolution), added to {@code o}; masks decoded through the VQ-VAE when there is one; drawn for image 0 with
   * {@code --draw}.
   */
  private void objects(JsonObject o, String text, int i, PaliGemmaConfig c, NdArray pixels, PaliGemmaVae decoder)
      throws IOException {
    Path f = images.get(i);
    boolean npy = isNpy(f);
    int[] hw = npy ? new int[] {c.imageSize(), c.imageSize()} : Images.size(f);
    List<PaliGemmaObjects.Detection> found = text.contains("<loc")
        ? PaliGemmaObjects.parse(text, hw[1], hw[0]).objects() : List.of();
    if (decoder != null) {
      found = PaliGemmaObjects.withMasks(found, decoder);
    }
    if (!found.isEmpty()) {
      JsonObject j = PaliGemmaObjects.toJson(found, hw[1], hw[0]);
      o.add("boxes", j.get("boxes"));
      if (found.stream().anyMatch(PaliGemmaObjects.Detection::hasCodes)) {
        o.add("masks", j.get("masks"));
      }
    }
    if (draw != null && i == 0) {
      if (npy) {
        PaliGemmaDrawing.write(PaliGemmaDrawing.draw(rgb(pixels, c.imageSize()), found), draw);
      } else {
        PaliGemmaDrawing.write(f, found, draw);
      }
    }
  }

  /** Image 0 of (n, S, S, 3) in [-1, 1] as 8-bit RGB. */
  private static java.awt.image.BufferedImage rgb(NdArray pixels, int size) {
    float[] v = pixels.toFloatArray();
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(size, size,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int at = (y * size + x) * 3;
        int rgb = 0;
        for (int ch = 0; ch < 3; ch++) {
          rgb = rgb << 8 | (int) Math.max(0, Math.min(255, Math.round((v[at + ch] + 1) * 127.5)));
        }
        img.setRGB(x, y, rgb);
      }
    }
    return img;
  }

  private static boolean isNpy(Path f) {
    return f.toString().toLowerCase(Locale.ROOT).endsWith(".npy");
  }

  /** The images as (n, S, S, 3) f32 in [-1, 1]. */
  private NdArray loadImages(int size) throws IOException {
    float[] all = new float[images.size() * size * size * 3];
    for (int i = 0; i < images.size(); i++) {
      Path f = images.get(i);
      NdArray a;
      if (isNpy(f)) {
        if (!Files.isReadable(f)) {
          throw new IOException("image " + f + " does not exist or is not readable");
        }
        a = Npy.read(f);
        long[] s = a.shape();
        if (a.dtype() != DType.F32 || s.length != 3 || s[0] != size || s[1] != size || s[2] != 3) {
          throw bad("image " + f + " must be float32 [" + size + ", " + size + ", 3] (the model's resolution, values "
              + "in [-1, 1]), got " + a.dtype().xlaName() + " " + java.util.Arrays.toString(s));
        }
      } else {
        a = Images.load(f, size);
      }
      System.arraycopy(a.toFloatArray(), 0, all, i * size * size * 3, size * size * 3);
    }
    return NdArray.of(all, images.size(), size, size, 3);
  }

  private List<int[]> prompts(PaliGemmaConfig c, Optional<SentencePiece> sp) {
    List<int[]> out = new ArrayList<>();
    if (prompt.text != null) {
      if (sp.isEmpty()) {
        throw bad("--prompt needs a tokenizer.model beside the model; give --prompt-ids instead");
      }
      for (String t : prompt.text) {
        int[] enc = sp.get().encode(t + "\n");
        int[] ids = new int[enc.length + 1];
        ids[0] = c.text().bosId();
        System.arraycopy(enc, 0, ids, 1, enc.length);
        out.add(ids);
      }
    } else {
      for (String s : prompt.ids) {
        out.add(DecodeOptions.parseIds(spec.commandLine(), s));
      }
    }
    DecodeOptions.checkVocab(spec.commandLine(), out, c.text().vocabSize());
    return out;
  }

  private CommandLine.ParameterException bad(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }


  static void progress(String line) {
    System.err.println(line);
  }
}
