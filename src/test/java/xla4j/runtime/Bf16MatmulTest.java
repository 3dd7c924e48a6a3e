package xla4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.dsl.Graph;
import xla4j.dsl.Ops;
import xla4j.dsl.Shape;
import xla4j.dsl.Tensor;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;

/**
 * bf16 products {@code a . b^T} with at most 8 rows on one side, f32 result: the CPU plugin runs them as its
 * {@code xla4j_bf16_matmul} custom call on CPUs with AVX512-BF16 (and as XLA's dot elsewhere). Either way the result
 * equals the sums of products computed in double over the same bf16 values.
 */
class Bf16MatmulTest {
  static Client client;

  @BeforeAll
  static void open() {
    client = PjrtPlugin.cpu().createClient(Map.of());
  }

  @AfterAll
  static void close() {
    client.close();
  }

  static boolean cpuHasAvx512Bf16() throws IOException {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    return Files.isReadable(cpuinfo) && Files.readString(cpuinfo).contains(" avx512_bf16");
  }

  /** Gaussian values rounded to bf16. */
  static NdArray randomBf16(Random r, long rows, long cols) {
    float[] v = new float[(int) (rows * cols)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return NdArray.of(v, rows, cols).astype(DType.BF16);
  }

  /** Runs {@code a . b^T} and checks it against double sums; returns the optimized HLO. */
  static String checkProduct(long p, long k, long q) throws IOException {
    Random r = new Random(p * 1000 + k * 10 + q);
    NdArray a = randomBf16(r, p, k);
    NdArray b = randomBf16(r, q, k);
    Graph g = new Graph("bf16_matmul");
    Tensor at = g.parameter("a", Shape.of(DType.BF16, p, k), null);
    Tensor bt = g.parameter("b", Shape.of(DType.BF16, q, k), null);
    g.output("y", Ops.dotGeneral(at, bt).contract(new int[] {1}, new int[] {1}).resultType(DType.F32).build(), null);
    try (Program prog = Program.compile(g, client)) {
      float[] y = prog.execute(null, Map.of("a", a, "b", b)).get("y").toFloatArray();
      float[] av = a.astype(DType.F32).toFloatArray();
      float[] bv = b.astype(DType.F32).toFloatArray();
      assertEquals(p * q, y.length);
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < q; j++) {
          double want = 0;
          double scale = 0;
          for (int t = 0; t < k; t++) {
            double prod = (double) av[(int) (i * k + t)] * bv[(int) (j * k + t)];
            want += prod;
            scale += Math.abs(prod);
          }
          float got = y[(int) (i * q + j)];
          assertTrue(Math.abs(got - want) <= 1e-6 * scale + 1e-6,
              "(" + p + ", " + k + ") x (" + q + ", " + k + ")^T at [" + i + ", " + j + "]: " + got + " vs " + want);
        }
      }
      return prog.executable().executable().optimizedHloText();
    }
  }

  @ParameterizedTest(name = "({0}, {1}) x ({2}, {1})^T")
  @CsvSource({
      "1, 2304, 40",   // a decode step's projection: one row against a weight
      "8, 2304, 37",   // a batch of 8; weight rows not a multiple of the kernel's tile
      "3, 100, 17",    // a contraction that is not a multiple of 32 (masked tail)
      "5, 33, 1",
      "40, 2304, 1",   // the small side on the right: the result is written transposed
      "24, 31, 6",
      "2, 2, 2"})
  void smallSideProductsEqualTheSums(long p, long k, long q) throws IOException {
    String hlo = checkProduct(p, k, q);
    assertEquals(cpuHasAvx512Bf16(), hlo.contains("custom_call_target=\"xla4j_bf16_matmul\""), hlo);
  }

  @Test
  void largerProductsStayXlaDots() throws IOException {
    String hlo = checkProduct(9, 64, 12);
    assertTrue(!hlo.contains("xla4j_bf16_matmul") && hlo.contains(" dot("), hlo);
  }
}
