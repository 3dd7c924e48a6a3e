package xla4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.dsl.Graph;
import xla4j.dsl.Mesh;
import xla4j.dsl.PartitionSpec;
import xla4j.dsl.Shape;
import xla4j.dsl.Tensor;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;
import xla4j.runtime.ShardedArray;

/**
 * Soak: many executes of a small program, watching the process's resident memory for leaks.
 *
 * <p>The program runs over a mesh {@code x=2} of two CPU devices: {@code new_state = state * 0.5 + x * w} with
 * {@code state} donated to {@code new_state} (updated in place), {@code y = state + w}, and {@code w} taken from a
 * {@link ParamStore}. Each iteration is one execute through {@link Program#call} with device-resident arguments (the
 * state handed from call to call, {@code y} closed); every {@code --host-every}-th is a host round trip instead
 * ({@link Program#execute}: host arrays placed, run, copied back, freed), whose result is checked exactly.
 * {@code VmRSS} from {@code /proc/self/status} is read after the warm-up and at every tenth of the run; the growth
 * from the first to the last reading is reported against the target.
 *
 * <pre>
 * usage: Soak [--iterations N] [--warmup N] [--host-every N] [--size N] [--target-percent P]
 * exit:  0 growth below the target, 1 above it, 2 a wrong result or a bad argument
 * </pre>
 */
public final class Soak {
  private Soak() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> opt = new LinkedHashMap<>(Map.of("--iterations", "100000", "--warmup", "10000",
        "--host-every", "100", "--size", "1024", "--target-percent", "2"));
    for (int i = 0; i < args.length; i++) {
      if (!opt.containsKey(args[i]) || i + 1 == args.length) {
        System.err.println("soak: unknown option or missing value: " + args[i] + "; options " + opt.keySet());
        System.exit(2);
      }
      opt.put(args[i], args[++i]);
    }
    long iterations = Long.parseLong(opt.get("--iterations"));
    long warmup = Long.parseLong(opt.get("--warmup"));
    int hostEvery = Integer.parseInt(opt.get("--host-every"));
    int size = Integer.parseInt(opt.get("--size"));
    double target = Double.parseDouble(opt.get("--target-percent"));
    if (iterations < 10 || warmup < 0 || hostEvery < 1 || size < 2 || size % 2 != 0) {
      System.err.println("soak: needs --iterations >= 10, --warmup >= 0, --host-every >= 1, an even --size >= 2");
      System.exit(2);
    }

    Graph g = new Graph("soak", Mesh.of("x", 2), false);
    PartitionSpec split = PartitionSpec.of("x");
    Tensor state = g.parameter("state", Shape.of(DType.F32, size), split);
    Tensor x = g.parameter("x", Shape.of(DType.F32, size), split);
    Tensor w = g.parameter("w", Shape.of(DType.F32, size), split);
    g.output("new_state", state.mul(0.5).add(x.mul(w)), split);
    g.output("y", state.add(w), split);
    g.donate("state", "new_state");

    // Values whose results are exact in f32: state k, x k / 8, w 0.5 -> new_state k / 2 + k / 16, y k + 0.5.
    float[] s0 = new float[size];
    float[] xs = new float[size];
    float[] ws = new float[size];
    float[] wantNew = new float[size];
    float[] wantY = new float[size];
    for (int k = 0; k < size; k++) {
      s0[k] = k;
      xs[k] = k / 8f;
      ws[k] = 0.5f;
      wantNew[k] = k / 2f + k / 16f;
      wantY[k] = k + 0.5f;
    }
    NdArray hostState = NdArray.of(s0, size);
    NdArray hostX = NdArray.of(xs, size);

    try (Client client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 2L));
        Program program = Program.compile(g, client);
        ParamStore params = ParamStore.fromArrays(program, Map.of("w", NdArray.of(ws, size)));
        ShardedArray xDev = program.put("x", hostX)) {
      ShardedArray[] s = {program.put("state", hostState)};
      long hostTrips = 0;
      for (long i = 0; i < warmup; i++) {
        hostTrips += step(program, params, xDev, s, i, hostEvery, hostState, hostX, wantNew, wantY);
      }
      long rss0 = rssKb();
      System.out.printf("soak: %s, %d-element f32 program over %s, %d executes after %d warm-up, a host round trip "
          + "every %d%n", client.platformName(), size, program.devices(), iterations, warmup, hostEvery);
      System.out.printf("%12s %12s %10s%n", "executes", "VmRSS_kB", "growth");
      System.out.printf("%12d %12d %9.2f%%%n", 0, rss0, 0.0);
      long t0 = System.nanoTime();
      long trips0 = hostTrips;
      long tenth = Math.max(1, iterations / 10);
      long rss = rss0;
      for (long i = 0; i < iterations; i++) {
        hostTrips += step(program, params, xDev, s, warmup + i, hostEvery, hostState, hostX, wantNew, wantY);
        if ((i + 1) % tenth == 0 || i + 1 == iterations) {
          rss = rssKb();
          System.out.printf("%12d %12d %9.2f%%%n", i + 1, rss, 100.0 * (rss - rss0) / rss0);
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      // The state has run k -> k / 2 + k / 16 for every device call: it converges to k / 8 (x * w * 2).
      float[] end = s[0].toHost().toFloatArray();
      s[0].close();
      for (int k = 0; k < size; k++) {
        if (Math.abs(end[k] - k / 8f) > 1e-6f * Math.max(1, k)) {
          System.err.printf("soak: wrong state after the run: element %d is %s, want %s%n", k, end[k], k / 8f);
          System.exit(2);
        }
      }
      double growth = 100.0 * (rss - rss0) / rss0;
      System.out.printf("soak: %d executes (%d host round trips) in %.1f s, %.1f us per execute; VmRSS %.1f MB after "
          + "warm-up, %.1f MB at the end: %+.1f MB (%+.2f%%), target < %.1f%%: %s%n", iterations, hostTrips - trips0,
          seconds, seconds * 1e6 / iterations, rss0 / 1024.0, rss / 1024.0, (rss - rss0) / 1024.0, growth, target,
          growth < target ? "ok" : "ABOVE TARGET");
      System.exit(growth < target ? 0 : 1);
    }
  }

  /** One execute: a device-resident call (state handed on, y freed), or a checked host round trip. Returns 1 for the latter. */
  static int step(Program program, ParamStore params, ShardedArray xDev, ShardedArray[] s, long i, int hostEvery,
      NdArray hostState, NdArray hostX, float[] wantNew, float[] wantY) {
    if (i % hostEvery == hostEvery - 1) {
      Map<String, NdArray> r = program.execute(params, Map.of("state", hostState, "x", hostX));
      if (!Arrays.equals(r.get("new_state").toFloatArray(), wantNew) || !Arrays.equals(r.get("y").toFloatArray(), wantY)) {
        System.err.println("soak: wrong result of host round trip " + i + ": " + r);
        System.exit(2);
      }
      return 1;
    }
    Map<String, ShardedArray> r = program.call(params, Map.of("state", s[0], "x", xDev));
    s[0] = r.get("new_state");
    r.get("y").close();
    return 0;
  }

  /** {@code VmRSS} of this process in kB, from {@code /proc/self/status}. */
  static long rssKb() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
    for (String l : lines) {
      if (l.startsWith("VmRSS:")) {
        return Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("/proc/self/status has no VmRSS line");
  }
}
