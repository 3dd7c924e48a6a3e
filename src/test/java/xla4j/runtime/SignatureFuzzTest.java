package xla4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.Forked;
import xla4j.Mutator;
import xla4j.array.NdArray;
import xla4j.dsl.Signature;
import xla4j.pjrt.Client;
import xla4j.pjrt.CompileOptions;
import xla4j.pjrt.LoadedExecutable;
import xla4j.pjrt.PjrtPlugin;
import xla4j.pjrt.ProgramSignature;
import xla4j.pjrt.TensorSpec;

/**
 * Seeded mutation fuzzing of what xla4j reads besides checkpoints: StableHLO text ({@link MlirSignature#read} and
 * {@link ProgramSignature#parse}; a few mutated modules compiled by the CPU plugin in a child JVM) and artifact
 * directories ({@link CompiledArtifact#load(Path)} of a mutated {@code manifest.json} or {@code executable.bin}, then
 * {@link CompiledArtifact#run} of those that pass the checksum). See {@code xla4j.io.FuzzTest} for the mutations.
 *
 * <p>Oracles: a reader throws IllegalArgumentException (text) or IOException / IllegalArgumentException /
 * IllegalStateException (artifacts) with a message, or returns. Text: the two readers agree on every type; a
 * module the plugin compiles has the output types and partition count {@link ProgramSignature#parse} reads. Artifact:
 * a mutated {@code executable.bin} never loads (its SHA-256 is in the manifest); a manifest that loads runs the
 * program on inputs of the types it declares and gives the known result (2x) or a clear exception. Any other
 * exception or a batch over its time limit fails, naming the seed and case ({@code -Dxla4j.fuzz.case=mlir:12}).
 *
 * <p>Last run (seed 20240611; 2.4 s for the text, 1.0 s for the artifacts, ~3 s for the child JVM, on 2 busy cores):
 * <pre>
 *   StableHLO text 2400: refused (IllegalArgumentException) 585; returned the original signature 1450; returned
 *                        the mutated module's signature, both readers agreeing, 365
 *   compiled        40:  refused by the plugin (PjrtException) 34, by the Java checks (IllegalArgumentException) 3;
 *                        compiled, output types and partitions as parsed, 3
 *   artifacts      600:  executable.bin mutated 120: all refused by load(dir) (IOException, SHA-256);
 *                        manifest.json mutated 480: refused by load(dir) (IOException) 405; loaded and then refused
 *                        by run 50 (35 IllegalArgumentException, 13 IllegalStateException, 2 PjrtException: an input
 *                        shape the executable does not take, caught by the plugin's argument check); inputs of its
 *                        declared types not constructible 1; ran with the right result 24 (8 the same manifest
 *                        after the edit, 16 a changed name or version string)
 * </pre>
 * Found and fixed on the way: a NumberFormatException for a huge or empty tensor dimension (ProgramSignature) and
 * for a pjrtApiVersion major beyond an int (CompiledArtifact.load(client)).
 */
class SignatureFuzzTest {
  static final long SEED = Long.getLong("xla4j.fuzz.seed", 20240611L);
  static final String ONLY = System.getProperty("xla4j.fuzz.case");
  static final int MLIR_CASES = 2400;
  static final int ARTIFACT_CASES = 600;
  static final String[] MODULES = {"hlo/examples/matmul.mlir", "hlo/examples/softmax.mlir",
      "hlo/examples/sharded_matmul.mlir", "hlo/examples/sharded_matmul_2x2.mlir",
      "hlo/examples/sharded_matmul_gspmd.mlir", "hlo/goldens/collectives.mlir", "hlo/goldens/control_flow.mlir",
      "hlo/goldens/mlp_f32.mlir", "hlo/goldens/shard_map_collectives.mlir",
      "hlo/goldens/attention_bf16_sharded_gspmd.mlir", "hlo/goldens/attention_bf16_sharded_shardy.mlir"};

  @TempDir
  Path tmp;

  private volatile String current = "";
  private final Map<String, Integer> counts = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();

  private void count(String what) {
    counts.merge(what, 1, Integer::sum);
  }

  private void fail(String id, Mutator.Mutation m, String what) {
    if (failures.size() < 40) {
      failures.add(id + " (seed " + SEED + ", " + m.what() + "): " + what);
    }
  }

  static SplittableRandom rng(int stream, int i) {
    return new SplittableRandom(SEED ^ (0x9E3779B97F4A7C15L * (stream + 11)) ^ (i * 0xBF58476D1CE4E5B9L));
  }

  /** Where mutations concentrate: the module header and the {@code @main} signature. */
  static int[] hot(byte[] b) {
    String s = new String(b, StandardCharsets.ISO_8859_1);
    int m = s.indexOf("@main(");
    int start = Math.max(0, s.lastIndexOf("module", Math.max(0, m)));
    int end = s.indexOf('\n', m);
    return new int[] {start, end < 0 ? b.length : end};
  }

  @Test
  void mutatedStableHloIsRefusedOrReadConsistently() throws Exception {
    List<String> texts = new ArrayList<>();
    for (String f : MODULES) {
      texts.add(Files.readString(Paths.get(f)));
    }
    long t0 = System.nanoTime();
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int i = 0; i < MLIR_CASES; i++) {
        String id = "mlir:" + i;
        if (ONLY != null && !ONLY.equals(id)) {
          continue;
        }
        current = id;
        SplittableRandom r = rng(0, i);
        byte[] original = texts.get(i % texts.size()).getBytes(StandardCharsets.UTF_8);
        int[] hot = hot(original);
        Mutator.Mutation m = Mutator.mutate(original, r, hot[0], hot[1]);
        String text = new String(m.bytes(), StandardCharsets.UTF_8);
        String outcome = checkText(text, new String(original, StandardCharsets.UTF_8));
        count(outcome.startsWith("BAD") ? "mlir BAD" : "mlir " + outcome.replaceAll(":.*", ""));
        if (ONLY != null) {
          System.out.println(id + " " + m.what() + ": " + outcome);
        }
        if (outcome.startsWith("BAD")) {
          fail(id, m, outcome);
        }
      }
    }, () -> "StableHLO fuzz hung (over 60 s) at case " + current);
    count("mlir ms " + (System.nanoTime() - t0) / 1_000_000);
    report();
  }

  /** What reading a mutated module gives: "refused: ...", "equal", "changed" or "BAD ...". */
  private static final Map<String, Signature> ORIGINALS = new java.util.concurrent.ConcurrentHashMap<>();

  static String checkText(String text, String original) {
    Signature sig;
    ProgramSignature types;
    try {
      types = ProgramSignature.parse(text);
      sig = MlirSignature.read(text);
    } catch (NumberFormatException e) {
      return "BAD escaped " + e + " at " + Arrays.toString(Arrays.copyOf(e.getStackTrace(), 4));
    } catch (IllegalArgumentException e) {
      if (e.getMessage() == null || e.getMessage().isBlank()) {
        return "BAD IllegalArgumentException without a message";
      }
      return "refused: IllegalArgumentException";
    } catch (Throwable e) {
      return "BAD escaped " + e + " at " + Arrays.toString(Arrays.copyOf(e.getStackTrace(), 4));
    }
    List<TensorSpec> in = new ArrayList<>();
    sig.parameters().forEach(a -> in.add(Program.spec(a.shape())));
    List<TensorSpec> out = new ArrayList<>();
    sig.results().forEach(a -> out.add(Program.spec(a.shape())));
    if (!in.equals(types.inputs()) || !out.equals(types.outputs())) {
      return "BAD the readers disagree: MlirSignature " + in + " -> " + out + ", ProgramSignature " + types.inputs()
          + " -> " + types.outputs();
    }
    Signature before = ORIGINALS.computeIfAbsent(original, MlirSignature::read);
    return before.equals(sig) ? "returned the original signature" : "returned the mutated module's signature";
  }

  /** A few mutated modules compiled by the CPU plugin, in a child JVM (a plugin crash would kill this one). */
  @Test
  void compiledMutatedModulesHaveTheTypesTheParserReads() throws Exception {
    needCpu();
    Forked.Result r = Forked.run(120, CompileMutated.class, Long.toString(SEED), "40");
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("BAD 0\n"), r.output());
    System.out.print(r.output());
  }

  /** Compiles mutated small modules; prints the outcomes and "BAD n". */
  public static final class CompileMutated {
    public static void main(String[] args) throws Exception {
      String[] small = {"hlo/examples/matmul.mlir", "hlo/examples/softmax.mlir", "hlo/goldens/mlp_f32.mlir",
          "hlo/goldens/control_flow.mlir"};
      int n = Integer.parseInt(args[1]);
      Map<String, Integer> counts = new TreeMap<>();
      int bad = 0;
      try (Client client = PjrtPlugin.cpu().createClient()) {
        for (int i = 0; i < n; i++) {
          SplittableRandom r = rng(1, i);
          byte[] original = Files.readString(Paths.get(small[i % small.length])).getBytes(StandardCharsets.UTF_8);
          int[] hot = hot(original);
          Mutator.Mutation m = Mutator.mutate(original, r, hot[0], hot[1]);
          String text = new String(m.bytes(), StandardCharsets.UTF_8);
          String outcome;
          try (LoadedExecutable exe = client.compile(text, CompileOptions.singleDevice())) {
            ProgramSignature types = ProgramSignature.parse(text);
            List<TensorSpec> got = exe.executable().outputs();
            outcome = got.equals(types.outputs()) && exe.executable().numPartitions() == types.numPartitions()
                ? "compiled, types agree" : "BAD compiled to " + got + ", parsed " + types.outputs();
          } catch (IllegalArgumentException | IllegalStateException e) {
            outcome = e.getMessage() == null ? "BAD " + e : "refused: " + e.getClass().getSimpleName();
          } catch (RuntimeException e) {
            outcome = e.getMessage() == null ? "BAD " + e : "refused: " + e.getClass().getSimpleName();
          }
          if (outcome.startsWith("BAD")) {
            bad++;
            System.out.println("compile:" + i + " (seed " + args[0] + ", " + m.what() + "): " + outcome);
            outcome = "BAD";
          }
          counts.merge(outcome, 1, Integer::sum);
        }
      }
      System.out.println("compiled mutated modules: " + counts);
      System.out.println("BAD " + bad);
    }
  }

  static void needCpu() {
    Path p = PjrtPlugin.cpuPath();
    Assumptions.assumeTrue(p != null && Files.isRegularFile(p), "xla4j CPU plugin not built at " + p);
  }

  @Test
  void mutatedArtifactsAreRefusedOrRunCorrectly() throws Exception {
    needCpu();
    Path shm = Path.of("/dev/shm");
    Path work = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "xla4j-fuzz") : tmp;
    try (Client client = PjrtPlugin.cpu().createClient()) {
      Path base = tmp.resolve("base");
      ArtifactTest.saveAdd(client, base);
      byte[] manifest = Files.readAllBytes(base.resolve(CompiledArtifact.MANIFEST));
      byte[] exe = Files.readAllBytes(base.resolve(CompiledArtifact.EXECUTABLE));
      CompiledArtifact.Manifest known = CompiledArtifact.load(base).manifest();
      Path dir = work.resolve("a");
      Files.createDirectories(dir);
      long t0 = System.nanoTime();
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        for (int i = 0; i < ARTIFACT_CASES; i++) {
          String id = "artifact:" + i;
          if (ONLY != null && !ONLY.equals(id)) {
            continue;
          }
          current = id;
          SplittableRandom r = rng(2, i);
          boolean onManifest = r.nextInt(10) < 8;
          Mutator.Mutation m = onManifest ? Mutator.mutate(manifest, r, 0, manifest.length)
              : Mutator.mutate(exe, r, 0, Math.min(exe.length, 256));
          Files.write(dir.resolve(CompiledArtifact.MANIFEST), onManifest ? m.bytes() : manifest);
          Files.write(dir.resolve(CompiledArtifact.EXECUTABLE), onManifest ? exe : m.bytes());
          String outcome = checkArtifact(dir, client, known, onManifest);
          if (ONLY != null) {
            System.out.println(id + " " + m.what() + ": " + outcome);
          }
          if (outcome.startsWith("BAD")) {
            fail(id, m, outcome);
            outcome = "BAD";
          }
          count((onManifest ? "manifest " : "executable ") + outcome);
        }
      }, () -> "artifact fuzz hung (over 60 s) at case " + current);
      count("artifact ms " + (System.nanoTime() - t0) / 1_000_000);
    } finally {
      if (!work.equals(tmp)) {
        try (var files = Files.walk(work)) {
          for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
            Files.delete(p);
          }
        }
      }
    }
    report();
  }

  private static String checkArtifact(Path dir, Client client, CompiledArtifact.Manifest known, boolean onManifest) {
    CompiledArtifact a;
    try {
      a = CompiledArtifact.load(dir);
    } catch (NumberFormatException e) {
      return "BAD escaped " + e + " at " + Arrays.toString(Arrays.copyOf(e.getStackTrace(), 4));
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return e.getMessage() == null || e.getMessage().isBlank() ? "BAD " + e + " without a message"
          : "refused by load(dir): " + e.getClass().getSimpleName();
    } catch (Throwable e) {
      return "BAD escaped " + e + " at " + Arrays.toString(Arrays.copyOf(e.getStackTrace(), 4));
    }
    if (!onManifest) {
      return "BAD a mutated executable.bin passed the checksum";
    }
    boolean same = manifestEquals(a.manifest(), known);
    List<NdArray> inputs = new ArrayList<>();
    for (CompiledArtifact.Tensor t : a.manifest().inputs()) {
      long n = NdArray.numElements(t.shape());
      float[] v = new float[(int) Math.min(n, 1 << 20)];
      for (int k = 0; k < v.length; k++) {
        v[k] = k + 1;
      }
      try {
        inputs.add(NdArray.fromFloats(xla4j.array.DType.fromXlaName(t.dtype()), v, t.shape()));
      } catch (RuntimeException e) {
        return "loaded, inputs of its declared types cannot be made (" + e.getClass().getSimpleName() + ")";
      }
    }
    List<NdArray> out;
    try {
      out = a.run(client, inputs);
    } catch (NumberFormatException e) {
      return "BAD escaped from run " + e + " at " + Arrays.toString(Arrays.copyOf(e.getStackTrace(), 4));
    } catch (IllegalArgumentException | IllegalStateException | xla4j.pjrt.PjrtException e) {
      return e.getMessage() == null ? "BAD " + e + " without a message"
          : (same ? "BAD the original manifest failed to run: " + e : "loaded, refused by run: "
              + e.getClass().getSimpleName());
    } catch (Throwable e) {
      return "BAD escaped from run " + e + " at " + Arrays.toString(Arrays.copyOf(e.getStackTrace(), 4));
    }
    boolean right = out.size() == 1 && Arrays.equals(out.get(0).shape(), new long[] {4})
        && Arrays.equals(out.get(0).toFloatArray(), new float[] {2, 4, 6, 8});
    if (!right) {
      return "BAD ran and returned " + out;
    }
    return same ? "loaded the original manifest, ran correctly" : "loaded a changed manifest, ran correctly";
  }

  private static boolean manifestEquals(CompiledArtifact.Manifest a, CompiledArtifact.Manifest b) {
    com.google.gson.Gson gson = new com.google.gson.Gson();
    return gson.toJson(a).equals(gson.toJson(b));
  }

  private void report() {
    StringBuilder sb = new StringBuilder("signature/artifact fuzz, seed " + SEED + ":\n");
    Map<String, Integer> sorted = new LinkedHashMap<>(counts);
    sorted.forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(v).append('\n'));
    System.out.print(sb);
    assertTrue(failures.isEmpty(), sb + String.join("\n", failures));
  }
}
