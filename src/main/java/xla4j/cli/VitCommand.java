package xla4j.cli;

import com.google.gson.GsonBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
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
import xla4j.array.TensorSource;
import xla4j.io.Images;
import xla4j.io.Npy;
import xla4j.models.vit.ViT;
import xla4j.models.vit.ViTCheckpoint;
import xla4j.models.vit.ViTConfig;
import xla4j.nn.Classification;
import xla4j.nn.Params;
import xla4j.pjrt.Client;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;

@Command(name = "vit", mixinStandardHelpOptions = true,
    description = {"Run a big_vision ViT (the main job): classify images, write logits, or benchmark.",
        "Without --checkpoint the parameters are random (seeded) and the predictions mean nothing.",
        "Examples:",
        "  xla4j vit --variant B/16 --checkpoint vit_b16.npz --image cat.jpg --labels imagenet.txt --top 5",
        "  xla4j vit --variant Ti/16 --bench",
        "  xla4j vit --variant B/16 --cpu-devices 4 --mesh data=2,model=2 --bench",
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

  @Option(names = "--labels", paramLabel = "FILE", description = "class names, one per line, one per class")
  Path labels;

  /** The --labels, read (and counted against the head) before anything is compiled; empty without --labels. */
  private List<String> labelNames = List.of();

  @Option(names = "--out", paramLabel = "DIR", description = "write logits.npy, pre_logits.npy there")
  Path out;

  @Option(names = "--plugin", defaultValue = "cpu", description = PluginOption.HELP)
  String plugin;

  @Option(names = "--cpu-devices", defaultValue = "0", paramLabel = "N",
      description = "devices of the CPU plugin (default: the mesh's size, else 1)")
  int cpuDevices;

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
    ViT.Model m = model.model(checkpoint != null);
    ViTConfig config = m.config();
    if (batch == null) {
      System.err.println("note: no --image or --input: running a synthetic batch of " + n + " images");
      batch = synthetic(n, config.imageSize());
    }
    batch = batch.astype(config.dtype());
    PluginOption p = new PluginOption(plugin);
    try (Client client = p.client(cpuDevices > 0 ? cpuDevices : p.isCpu() ? model.devices() : 0)) {
      progress(String.format("compiling %s (%d parameters) on %s%s ...", config.describe(), m.params().size(),
          client.platformName(), model.mesh == null ? "" : " over mesh " + model.mesh));
      long t0 = System.nanoTime();
      try (Program program = Program.compile(m.graph(), client)) {
        double compileSeconds = (System.nanoTime() - t0) / 1e9;
        progress(String.format("compiled in %.2f s for %s", compileSeconds, program.devices()));
        try (ParamStore store = placeParams(m, program)) {
          long t1 = System.nanoTime();
          Map<String, NdArray> result = program.execute(store, Map.of(ViT.IMAGE, batch));
          double first = (System.nanoTime() - t1) / 1e9;
          report(result, config);
          if (bench) {
            bench(program, store, config, batch, compileSeconds, first);
          }
        }
      }
    }
    return 0;
  }

  /** Places the checkpoint's parameters (each device reading only its shard), or random ones, for {@code program}. */
  private ParamStore placeParams(ViT.Model m, Program program) throws Exception {
    if (checkpoint != null) {
      progress("loading " + checkpoint + " ...");
      Map.Entry<Path, String> fileAndKey = ViTCheckpoint.parseFileAndKey(checkpoint);
      ViTCheckpoint.Options options = (flexi ? ViTCheckpoint.Options.flexiVit() : ViTCheckpoint.Options.vit())
          .withKey(fileAndKey.getValue());
      try (ViTCheckpoint.Opened opened = ViTCheckpoint.open(fileAndKey.getKey(), m, options)) {
        return ParamStore.place(program, opened.params(), VitCommand::progress);
      }
    }
    System.err.println("WARNING: no --checkpoint: " + m.params().size() + " parameters are RANDOM (seed " + seed
        + ", big_vision's initializers, head not zero-initialised); the predictions mean nothing.");
    long bytes = m.params().stream().mapToLong(q -> q.size() * q.dtype().byteSize()).sum();
    progress(String.format("initialising %d random parameters (%.1f MB) ...", m.params().size(), bytes / 1e6));
    Map<String, TensorSource> sources = new LinkedHashMap<>();
    Params.random(m.params(), seed).forEach((k, v) -> sources.put(k, TensorSource.of(v)));
    return ParamStore.place(program, sources, VitCommand::progress);
  }

  /**
   * --top must be >= 1, --labels a readable file with one label per class and --out a directory or creatable as one:
   * checked before the model is loaded and compiled, so a typo fails in a second rather than after the compile.
   */
  private void checkOutputs() {
    if (top < 1) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--top must be >= 1, got " + top);
    }
    if (labels != null && !(Files.isRegularFile(labels) && Files.isReadable(labels))) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--labels " + labels
          + (Files.exists(labels) ? " is not a readable file" : " does not exist"));
    }
    if (labels != null) {
      try {
        labelNames = Classification.readLabels(labels);
      } catch (java.io.IOException e) {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--labels: " + e.getMessage());
      }
      if (model.numClasses > 0 && labelNames.size() != model.numClasses) {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--labels " + labels
            + " has " + labelNames.size() + " labels, the head has " + model.numClasses + " classes (--num-classes)");
      }
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
    List<List<Classification.Prediction>> tops = Classification.topK(logits, top, labelNames);
    for (int b = 0; b < tops.size(); b++) {
      String who = images != null ? images.get(b).getFileName().toString() : "image " + b;
      System.out.println(who + ":");
      List<Classification.Prediction> t = tops.get(b);
      for (int k = 0; k < t.size(); k++) {
        Classification.Prediction c = t.get(k);
        System.out.printf("  %2d. %-32s logit %8.4f  p %.4f%n", k + 1, c.label(), c.logit(), c.probability());
      }
    }
  }

  private void bench(Program program, ParamStore store, ViTConfig config, NdArray batch, double compileSeconds,
      double first) throws Exception {
    Map<String, NdArray> in = Map.of(ViT.IMAGE, batch);
    for (int i = 0; i < 3; i++) {
      program.execute(store, in);
    }
    double[] t = new double[iterations];
    for (int i = 0; i < iterations; i++) {
      long t0 = System.nanoTime();
      program.execute(store, in);
      t[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(t);
    double p50 = t[t.length / 2];
    double p90 = t[Math.min(t.length - 1, (int) Math.ceil(t.length * 0.9) - 1)];
    long n = batch.shape()[0];
    double flops = flops(program);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("model", config.describe());
    r.put("batch", n);
    r.put("devices", program.devices().size());
    r.put("mesh", model.mesh);
    r.put("compile_s", compileSeconds);
    r.put("first_call_s", first);
    r.put("p50_s", p50);
    r.put("p90_s", p90);
    r.put("images_per_s", n / p50);
    r.put("flops_per_call", flops);
    r.put("gflops_per_s", flops > 0 ? flops / p50 / 1e9 : null);
    r.put("iterations", iterations);
    System.out.printf("bench %s batch %d%s: compile %.2f s, p50 %.1f ms, p90 %.1f ms, %.1f images/s%s%n",
        r.get("model"), n, model.mesh == null ? "" : " mesh " + model.mesh, compileSeconds, p50 * 1e3, p90 * 1e3,
        n / p50, flops > 0 ? String.format(", %.1f GFLOP/s (%.2f GFLOP/call, XLA cost analysis)",
            flops / p50 / 1e9, flops / 1e9) : "");
    if (json != null) {
      Files.writeString(json, new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(r));
    }
  }

  /** XLA's flop count of one call (all devices together for an SPMD program: per device times devices). */
  private static double flops(Program program) {
    try {
      Object f = program.executable().executable().costAnalysis().get("flops");
      return f instanceof Number ? ((Number) f).doubleValue() * program.devices().size() : -1;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  static void progress(String line) {
    System.err.println("[xla4j] " + line);
  }
}
