package xla4j.cli;

import com.google.gson.GsonBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.io.Images;
import xla4j.io.Npy;
import xla4j.models.vit.ViT;
import xla4j.models.vit.ViTCheckpoint;
import xla4j.models.vit.ViTConfig;
import xla4j.nn.Params;
import xla4j.pjrt.Client;
import xla4j.runtime.Session;

@Command(name = "vit", mixinStandardHelpOptions = true,
    description = {"Run a big_vision ViT (the main job): classify images, write logits, or benchmark.",
        "Without --checkpoint the parameters are random (seeded) and the predictions mean nothing.",
        "Examples:",
        "  xla4j vit --variant B/16 --checkpoint vit_b16.npz --image cat.jpg --labels imagenet.txt --top 5",
        "  xla4j vit --variant Ti/16 --bench",
        "  xla4j vit --variant So400m/14 --pool map --num-classes 0 --input batch.npy --out /tmp/out"})
final class VitCommand implements Callable<Integer> {
  @Mixin VitOptions model;

  @Option(names = "--checkpoint", paramLabel = "FILE[:KEY]",
      description = {"big_vision checkpoint (.npz, or .safetensors) with the model's parameter names: its params/ "
          + "(or opt/target/) sub-tree if it has one; FILE:KEY loads the sub-tree KEY, e.g. siglip.npz:img for the "
          + "image tower of a SigLIP checkpoint"})
  String checkpoint;

  @Option(names = "--flexi", description = "load the checkpoint as FlexiViT does: PI-resize its patch embedding to "
      + "--variant's patch size and resize its position embeddings linearly to the model's grid")
  boolean flexi;

  @Option(names = "--seed", defaultValue = "0", description = "seed of the random parameters (default: 0)")
  long seed;

  @Option(names = "--image", paramLabel = "FILE", arity = "1..*",
      description = "images (JPEG/PNG) to classify; resized to --image-size, scaled to [-1, 1]")
  List<Path> images;

  @Option(names = "--input", paramLabel = "NPY", description = "an input batch (N, S, S, 3) as .npy, values in [-1, 1]")
  Path input;

  @Option(names = "--top", defaultValue = "5", paramLabel = "K", description = "classes to print (default: 5)")
  int top;

  @Option(names = "--labels", paramLabel = "FILE", description = "class names, one per line")
  Path labels;

  @Option(names = "--out", paramLabel = "DIR", description = "write logits.npy, pre_logits.npy there")
  Path out;

  @Option(names = "--plugin", defaultValue = "cpu", description = PluginOption.HELP)
  String plugin;

  @Option(names = "--bench", description = "time compilation and steady-state latency")
  boolean bench;

  @Option(names = "--iterations", defaultValue = "20", paramLabel = "N",
      description = "timed calls with --bench (default: 20, after 3 warm-up calls)")
  int iterations;

  @Option(names = "--json", paramLabel = "FILE", description = "with --bench: also write the results as JSON")
  Path json;

  @Override
  public Integer call() throws Exception {
    checkOutputs();
    if (iterations < 1) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--iterations must be >= 1, got " + iterations);
    }
    if (flexi && checkpoint == null) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--flexi requires --checkpoint (it says how to load one)");
    }
    NdArray batch = inputBatch();
    long n = batch == null ? model.batch : batch.shape()[0];
    model.batch = n;
    ViTConfig config = model.config(checkpoint != null);
    ViT.Model m = ViT.graph(config, n);
    Map<String, NdArray> params;
    if (checkpoint != null) {
      progress("loading " + checkpoint + " ...");
      Map.Entry<Path, String> fileAndKey = ViTCheckpoint.parseFileAndKey(checkpoint);
      ViTCheckpoint.Options options = (flexi ? ViTCheckpoint.Options.flexiVit() : ViTCheckpoint.Options.vit())
          .withKey(fileAndKey.getValue());
      params = ViTCheckpoint.load(fileAndKey.getKey(), m, options);
    } else {
      System.err.println("WARNING: no --checkpoint: " + m.params().size() + " parameters are RANDOM (seed " + seed
          + ", big_vision's initializers, head not zero-initialised); the predictions mean nothing.");
      params = Params.random(m.params(), seed);
    }
    if (batch == null) {
      System.err.println("note: no --image or --input: running a synthetic batch of " + n + " images");
      batch = synthetic(n, config.imageSize());
    }
    batch = batch.astype(config.dtype());
    String mlir = m.graph().toMlir();
    try (Client client = new PluginOption(plugin).client(0)) {
      progress(String.format("compiling %s (%d parameters, %.1f KB of StableHLO) on %s ...", config.describe(),
          m.params().size(), mlir.length() / 1024.0, client.platformName()));
      try (Session session = Session.create(client, mlir, params, m.graph().outputNames(), VitCommand::progress)) {
        long t0 = System.nanoTime();
        Map<String, NdArray> result = session.run(batch);
        double first = (System.nanoTime() - t0) / 1e9;
        report(result, config);
        if (bench) {
          bench(session, config, batch, first);
        }
      }
    }
    return 0;
  }

  /**
   * --labels must be a readable file and --out a directory or creatable as one: checked before the model is
   * loaded and compiled, so a typo fails in a second rather than after the compile.
   */
  private void checkOutputs() {
    if (labels != null && !(Files.isRegularFile(labels) && Files.isReadable(labels))) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--labels " + labels
          + (Files.exists(labels) ? " is not a readable file" : " does not exist"));
    }
    if (out == null) {
      return;
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--out " + out + " is a file, not a directory");
    }
    Path existing = out.toAbsolutePath();
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (!Files.isDirectory(existing) || !Files.isWritable(existing)) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--out " + out
          + (existing.equals(out.toAbsolutePath()) ? " is not writable" : " cannot be created: " + existing
              + (Files.isDirectory(existing) ? " is not writable" : " is a file")));
    }
  }

  private NdArray inputBatch() throws Exception {
    if (images != null && input != null) {
      throw new IllegalArgumentException("give --image or --input, not both");
    }
    if (images != null) {
      return Images.loadBatch(images, Math.toIntExact(model.imageSize));
    }
    if (input != null) {
      NdArray a = Npy.read(input);
      if (a.rank() != 4 || a.shape()[1] != model.imageSize || a.shape()[2] != model.imageSize || a.shape()[3] != 3) {
        throw new IllegalArgumentException("--input " + input + " must be (N, " + model.imageSize + ", "
            + model.imageSize + ", 3), got " + Arrays.toString(a.shape()));
      }
      return a;
    }
    return null;
  }

  /** A smooth deterministic pattern in [-1, 1], different per image. */
  static NdArray synthetic(long n, long size) {
    float[] v = new float[Math.toIntExact(n * size * size * 3)];
    int at = 0;
    for (long b = 0; b < n; b++) {
      for (long y = 0; y < size; y++) {
        for (long x = 0; x < size; x++) {
          for (int c = 0; c < 3; c++) {
            v[at++] = (float) Math.sin(0.05 * (x + 1) * (c + 1) + 0.07 * y * (b + 1));
          }
        }
      }
    }
    return NdArray.of(v, n, size, size, 3);
  }

  private void report(Map<String, NdArray> result, ViTConfig config) throws Exception {
    if (out != null) {
      Files.createDirectories(out);
      for (Map.Entry<String, NdArray> e : result.entrySet()) {
        if (!e.getKey().equals("encoded")) {
          Npy.write(out.resolve(e.getKey() + ".npy"), e.getValue().astype(DType.F32));
          System.out.println("wrote " + out.resolve(e.getKey() + ".npy") + " " + Arrays.toString(e.getValue().shape()));
        }
      }
    }
    NdArray logits = result.get("logits");
    if (logits == null) {
      System.out.println("pre_logits " + Arrays.toString(result.get("pre_logits").shape()) + " (no head)");
      return;
    }
    List<String> names = labels == null ? List.of() : Files.readAllLines(labels);
    long n = logits.shape()[0];
    int classes = (int) logits.shape()[1];
    float[] all = logits.toFloatArray();
    for (int b = 0; b < n; b++) {
      float[] row = Arrays.copyOfRange(all, b * classes, (b + 1) * classes);
      double[] prob = softmax(row);
      Integer[] order = new Integer[classes];
      for (int i = 0; i < classes; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (i, j) -> Float.compare(row[j], row[i]));
      String who = images != null ? images.get(b).getFileName().toString() : "image " + b;
      System.out.println(who + ":");
      for (int k = 0; k < Math.min(top, classes); k++) {
        int c = order[k];
        String label = c < names.size() ? names.get(c) : "class " + c;
        System.out.printf("  %2d. %-32s logit %8.4f  p %.4f%n", k + 1, label, row[c], prob[c]);
      }
    }
  }

  private void bench(Session session, ViTConfig config, NdArray batch, double first) throws Exception {
    for (int i = 0; i < 3; i++) {
      session.run(batch);
    }
    double[] t = new double[iterations];
    for (int i = 0; i < iterations; i++) {
      long t0 = System.nanoTime();
      session.run(batch);
      t[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(t);
    double p50 = t[t.length / 2];
    double p90 = t[Math.min(t.length - 1, (int) Math.ceil(t.length * 0.9) - 1)];
    long n = batch.shape()[0];
    double flops = flops(session);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("model", config.describe());
    r.put("batch", n);
    r.put("compile_s", session.compileSeconds());
    r.put("first_call_s", first);
    r.put("p50_s", p50);
    r.put("p90_s", p90);
    r.put("images_per_s", n / p50);
    r.put("flops_per_call", flops);
    r.put("gflops_per_s", flops > 0 ? flops / p50 / 1e9 : null);
    r.put("iterations", iterations);
    System.out.printf("bench %s batch %d: compile %.2f s, p50 %.1f ms, p90 %.1f ms, %.1f images/s%s%n",
        r.get("model"), n, session.compileSeconds(), p50 * 1e3, p90 * 1e3, n / p50,
        flops > 0 ? String.format(", %.1f GFLOP/s (%.2f GFLOP/call, XLA cost analysis)", flops / p50 / 1e9,
            flops / 1e9) : "");
    if (json != null) {
      Files.writeString(json, new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(r));
    }
  }

  private static double flops(Session session) {
    try {
      Object f = session.executable().executable().costAnalysis().get("flops");
      return f instanceof Number ? ((Number) f).doubleValue() : -1;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  static double[] softmax(float[] row) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : row) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[row.length];
    for (int i = 0; i < row.length; i++) {
      p[i] = Math.exp(row[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  static void progress(String line) {
    System.err.println("[xla4j] " + line);
  }
}
