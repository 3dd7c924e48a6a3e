package xla4j.cli;

import com.google.gson.GsonBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import xla4j.array.NdArray;
import xla4j.dsl.Mesh;
import xla4j.io.Images;
import xla4j.io.Npy;
import xla4j.models.vmoe.VMoE;
import xla4j.models.vmoe.VMoECheckpoint;
import xla4j.models.vmoe.VMoEConfig;
import xla4j.nn.Classification;
import xla4j.nn.MlpMoeBlock;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;

@Command(name = "vmoe", mixinStandardHelpOptions = true,
    description = {"Run a V-MoE (vmoe's sparse Vision Transformer): classify images, write logits, or benchmark.",
        "Examples:",
        "  xla4j vmoe --checkpoint vmoe_s32.npz --config s32_last2.json --image cat.jpg",
        "  xla4j vmoe --checkpoint ckpt.npz --variant B/16 --input batch.npy --capacity-factor 2 --out /tmp/out",
        "  xla4j vmoe --checkpoint ckpt.npz --config cfg.json --cpu-devices 4 --mesh expert=4 --bench",
        "  xla4j --verbose vmoe ...   (also reports the tokens dropped by each MoE layer)"})
final class VmoeCommand implements Callable<Integer> {
  @Option(names = "--checkpoint", required = true, paramLabel = "CKPT.npz",
      description = "flattened .npz with vmoe's parameter names (with or without a params/ prefix); it has a "
          + "pre_logits layer iff it holds pre_logits/kernel")
  Path checkpoint;

  /** The model: a JSON config or a paper variant. */
  static final class ModelChoice {
    @Option(names = "--config", paramLabel = "CFG.json", description = "JSON with exactly the keys patch, "
        + "image_size, width, depth, mlp_dim, num_heads, num_classes, num_experts, k, capacity_factor, moe_layers "
        + "(block indices), batch_priority (bool), group_size (images per routing group), pool (tok|gap)")
    Path config;

    @Option(names = "--variant", paramLabel = "NAME", description = "a V-MoE of the paper: S/32, B/32, B/16, L/16, "
        + "H/14 (E=32, k=2, 224 px, 1000 classes, groups of 8 images, capacity factor 1.05)")
    String variant;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  ModelChoice modelChoice;

  @Option(names = "--image", paramLabel = "FILE", arity = "1..*",
      description = "images (JPEG/PNG) to classify; resized to the image size, scaled to [-1, 1]")
  List<Path> images;

  @Option(names = "--input", paramLabel = "IMAGES.npy", description = "an input batch (N, S, S, 3), values in [-1, 1]")
  Path input;

  @Option(names = "--batch", paramLabel = "N", description = "images of the synthetic batch used without --image or "
      + "--input (default: the group size)")
  Long batch;

  @Option(names = "--capacity-factor", paramLabel = "C", description = "the routers' capacity factor (default: the "
      + "config's)")
  Double capacityFactor;

  @Option(names = "--top", defaultValue = "5", paramLabel = "K", description = "classes to print (default: 5)")
  int top;

  @Option(names = "--out", paramLabel = "DIR", description = "write logits.npy and pre_logits.npy there")
  Path out;

  @Option(names = "--cpu-devices", defaultValue = "0", paramLabel = "N",
      description = "devices of the CPU plugin (default: the mesh's size, else 1)")
  int cpuDevices;

  @Option(names = "--mesh", paramLabel = "AXIS=N,...", description = "lay the model out over a device mesh: 'expert' "
      + "splits the experts (expert parallelism), 'data' the batch, e.g. expert=4 or data=2,expert=2")
  String mesh;

  @Option(names = "--moe-impl", paramLabel = "einsum|indices", description = "how MoE layers dispatch tokens and run "
      + "their experts: einsum (one-hot einsums, batched expert matmuls; what --mesh expert=N needs) or indices "
      + "(gathers, a loop of plain matmuls; faster on one CPU device) (default: einsum with an expert axis, else "
      + "indices)")
  String moeImpl;

  @Option(names = "--bench", description = "time compilation and steady-state latency")
  boolean bench;

  @Option(names = "--iterations", defaultValue = "20", paramLabel = "N",
      description = "timed calls with --bench (default: 20, after 3 warm-up calls)")
  int iterations;

  @Option(names = "--json", paramLabel = "FILE", description = "with --bench: also write the results as JSON")
  Path json;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = new CommandLine(this);
    if (images != null && input != null) {
      throw new CommandLine.ParameterException(cmd, "give --image or --input, not both");
    }
    if (top < 1 || iterations < 1) {
      throw new CommandLine.ParameterException(cmd, "--top and --iterations must be >= 1, got " + top + " and "
          + iterations);
    }
    if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
      throw new CommandLine.ParameterException(cmd, "--out " + out + " is a file, not a directory");
    }
    VMoEConfig config = modelChoice.config != null ? VMoEConfig.fromJson(Files.readString(modelChoice.config))
        : VMoEConfig.fromVariant(modelChoice.variant);
    if (capacityFactor != null) {
      config = config.withCapacityFactor(capacityFactor);
    }
    config = config.withRepresentationSize(VMoECheckpoint.representationSize(checkpoint));
    NdArray x = inputBatch(config);
    Optional<Mesh> m = mesh == null ? Optional.empty() : Optional.of(Mesh.parse(mesh));
    VMoE.Model model = moeImpl == null ? VMoE.graph(config, x.shape()[0], m)
        : VMoE.graph(config, x.shape()[0], m, implementation(cmd));
    int devices = cpuDevices > 0 ? cpuDevices : m.map(q -> Math.toIntExact(q.numDevices())).orElse(1);
    try (Client client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", (long) devices))) {
      progress(String.format("compiling %s (%d parameters, capacity %d per group of %d images) on %d device(s)%s ...",
          config.describe(), model.params().size(), config.capacity(), config.groupSize(), devices,
          mesh == null ? "" : " over mesh " + mesh));
      long t0 = System.nanoTime();
      try (Program program = Program.compile(model.graph(), client)) {
        double compileSeconds = (System.nanoTime() - t0) / 1e9;
        progress(String.format("compiled in %.2f s; loading %s ...", compileSeconds, checkpoint));
        try (VMoECheckpoint.Opened opened = VMoECheckpoint.open(checkpoint, model);
            ParamStore store = ParamStore.place(program, opened.params(), VmoeCommand::progress)) {
          Map<String, NdArray> result = program.execute(store, Map.of(VMoE.IMAGE, x));
          report(result, config);
          if (bench) {
            bench(program, store, config, x, compileSeconds);
          }
        }
      }
    }
    return 0;
  }

  private MlpMoeBlock.Implementation implementation(CommandLine cmd) {
    switch (moeImpl) {
      case "einsum":
        return MlpMoeBlock.Implementation.EINSUM;
      case "indices":
        return MlpMoeBlock.Implementation.INDICES;
      default:
        throw new CommandLine.ParameterException(cmd, "--moe-impl must be einsum or indices, got '" + moeImpl + "'");
    }
  }

  private NdArray inputBatch(VMoEConfig c) throws Exception {
    long size = c.imageSize();
    if (images != null) {
      return Images.loadBatch(images, Math.toIntExact(size));
    }
    if (input != null) {
      NdArray a = Npy.read(input);
      if (a.rank() != 4 || a.shape()[1] != size || a.shape()[2] != size || a.shape()[3] != 3) {
        throw new IllegalArgumentException("--input " + input + " must be (N, " + size + ", " + size + ", 3), got "
            + Arrays.toString(a.shape()));
      }
      return a.astype(c.dtype());
    }
    long n = batch == null ? c.groupSize() : batch;
    System.err.println("note: no --image or --input: running a synthetic batch of " + n + " images");
    return VitCommand.synthetic(n, size).astype(c.dtype());
  }

  private void report(Map<String, NdArray> result, VMoEConfig config) throws Exception {
    if (out != null) {
      Files.createDirectories(out);
      for (String k : List.of("logits", "pre_logits")) {
        Npy.write(out.resolve(k + ".npy"), result.get(k));
        System.out.println("wrote " + out.resolve(k + ".npy") + " " + Arrays.toString(result.get(k).shape()));
      }
    }
    if (Boolean.getBoolean(PjrtPlugin.VERBOSE_PROPERTY) && !config.moeLayers().isEmpty()) {
      int[] choices = result.get(VMoE.DROPPED_CHOICES).toIntArray();
      int[] tokens = result.get(VMoE.DROPPED_TOKENS).toIntArray();
      long n = result.get("logits").shape()[0] * config.seqLength();
      for (int l = 0; l < config.moeLayers().size(); l++) {
        StringBuilder sb = new StringBuilder(String.format("encoderblock_%d: %d of %d tokens dropped (no expert)",
            config.moeLayers().get(l), tokens[l], n));
        for (int r = 0; r < config.k(); r++) {
          sb.append(String.format(", choice %d dropped for %d", r + 1, choices[l * config.k() + r]));
        }
        System.out.println(sb);
      }
    }
    List<List<Classification.Prediction>> tops = Classification.topK(result.get("logits"), top, List.of());
    for (int b = 0; b < tops.size(); b++) {
      System.out.println((images != null ? images.get(b).getFileName().toString() : "image " + b) + ":");
      for (Classification.Prediction p : tops.get(b)) {
        System.out.printf("  %-12s logit %8.4f  p %.4f%n", p.label(), p.logit(), p.probability());
      }
    }
  }

  private void bench(Program program, ParamStore store, VMoEConfig config, NdArray x, double compileSeconds)
      throws Exception {
    Map<String, NdArray> in = Map.of(VMoE.IMAGE, x);
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
    long n = x.shape()[0];
    double flops;
    try {
      Object f = program.executable().executable().costAnalysis().get("flops");
      flops = f instanceof Number ? ((Number) f).doubleValue() * program.devices().size() : -1;
    } catch (RuntimeException e) {
      flops = -1;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("model", config.describe());
    r.put("capacity_factor", config.capacityFactor());
    r.put("capacity", config.capacity());
    r.put("batch", n);
    r.put("devices", program.devices().size());
    r.put("mesh", mesh);
    r.put("moe_impl", moeImpl);
    r.put("compile_s", compileSeconds);
    r.put("p50_s", p50);
    r.put("images_per_s", n / p50);
    r.put("gflops_per_image", flops > 0 ? flops / n / 1e9 : null);
    r.put("iterations", iterations);
    System.out.printf("bench %s batch %d%s: compile %.2f s, p50 %.1f ms, %.1f images/s%s%n", config.describe(), n,
        mesh == null ? "" : " mesh " + mesh, compileSeconds, p50 * 1e3, n / p50,
        flops > 0 ? String.format(", %.3f GFLOP/image (XLA cost analysis)", flops / n / 1e9) : "");
    if (json != null) {
      Files.writeString(json, new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(r));
    }
  }

  static void progress(String line) {
    System.err.println("[xla4j] " + line);
  }
}
