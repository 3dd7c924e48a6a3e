package xla4j.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import xla4j.array.DType;
import xla4j.dsl.Graph;
import xla4j.dsl.Ops;
import xla4j.dsl.Shape;
import xla4j.dsl.Tensor;
import xla4j.nn.Init;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.Program;
import xla4j.runtime.ShardedArray;

/**
 * A prefill's projection alone on the CPU plugin: {@code x . w^T}, x (M, K) and w (N, K) in DTYPE (bf16 or f32), the
 * result in f32, as Gemma's prefill has it (benchmarks/prefill-dot; benchmarks/README.md, Gemma). Inputs are placed
 * once; each timed call is one execute on device-resident operands. Prints one JSON line with the kernel that ran (the
 * plugin's oneDNN call or XLA's dot, from the optimized HLO) and the best and median GFLOP/s over REPS runs of CALLS
 * calls each, after one warm-up call: {@code java -cp benchmarks.jar
 * xla4j.bench.PrefillDot DTYPE M K N [REPS [CALLS]]}.
 */
public final class PrefillDot {
  private PrefillDot() {}

  public static void main(String[] args) throws Exception {
    DType dtype = DType.valueOf(args[0].toUpperCase(Locale.ROOT));
    long m = Long.parseLong(args[1]);
    long k = Long.parseLong(args[2]);
    long n = Long.parseLong(args[3]);
    int reps = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    int calls = args.length > 5 ? Integer.parseInt(args[5]) : 3;
    Graph g = new Graph("prefill_dot");
    Tensor x = g.parameter("x", Shape.of(dtype, m, k), null);
    Tensor w = g.parameter("w", Shape.of(dtype, n, k), null);
    g.output("y", Ops.dotGeneral(x, w).contract(new int[] {1}, new int[] {1}).resultType(DType.F32).build(), null);
    Init normal = Init.normal(1.0);
    SplittableRandom r = new SplittableRandom(0);
    try (Client client = PjrtPlugin.cpu().createClient(Map.of());
        Program p = Program.compile(g, client);
        ShardedArray xa = p.put("x", normal.sample(dtype, new long[] {m, k}, k, m, r));
        ShardedArray wa = p.put("w", normal.sample(dtype, new long[] {n, k}, k, n, r))) {
      Map<String, ShardedArray> in = Map.of("x", xa, "w", wa);
      p.call(in).values().forEach(ShardedArray::close);
      double[] gflops = new double[reps];
      for (int i = 0; i < reps; i++) {
        long t0 = System.nanoTime();
        for (int c = 0; c < calls; c++) {
          p.call(in).values().forEach(ShardedArray::close);
        }
        gflops[i] = 2.0 * m * k * n * calls / (System.nanoTime() - t0);
      }
      Arrays.sort(gflops);
      String hlo = p.executable().executable().optimizedHloText();
      String kernel = hlo.contains("\"xla4j_bf16_gemm\"") ? "xla4j_bf16_gemm (oneDNN)"
          : hlo.contains(" dot(") ? "XLA dot" : "other";
      System.out.printf(Locale.ROOT,
          "{\"system\": \"xla4j\", \"kernel\": \"%s\", \"dtype\": \"%s\", \"m\": %d, \"k\": %d, \"n\": %d, "
              + "\"best_gflop_per_s\": %.1f, \"median_gflop_per_s\": %.1f}%n", kernel, args[0], m, k, n,
          gflops[reps - 1], gflops[reps / 2]);
    }
  }
}
