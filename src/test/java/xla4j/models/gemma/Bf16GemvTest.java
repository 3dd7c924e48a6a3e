package xla4j.models.gemma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.dsl.Graph;
import xla4j.dsl.Shape;
import xla4j.dsl.Tensor;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.Program;

/**
 * One row times a bf16 weight ({@link Gemma#matmulTransposed}'s decode form, its contraction cut into chunks of at
 * most 2304) against the same sums in double precision over the bf16 values.
 */
class Bf16GemvTest {
  static Client client;

  @BeforeAll
  static void open() {
    client = PjrtPlugin.cpu().createClient(Map.of());
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @ParameterizedTest(name = "in {0}, out {1}")
  @CsvSource({"2304, 40", "4608, 24", "9216, 16", "2305, 8", "100, 3"})
  void equalsTheSumsOfProducts(int in, int out) {
    Random r = new Random(in);
    float[] x = new float[in];
    float[] w = new float[out * in];
    for (int i = 0; i < in; i++) {
      x[i] = (float) r.nextGaussian();
    }
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) r.nextGaussian();
    }
    NdArray xb = NdArray.of(x, 1, in).astype(DType.BF16);
    NdArray wb = NdArray.of(w, out, in).astype(DType.BF16);
    float[] xv = xb.astype(DType.F32).toFloatArray();
    float[] wv = wb.astype(DType.F32).toFloatArray();
    Graph g = new Graph("gemv");
    Tensor xt = g.parameter("x", Shape.of(DType.BF16, 1, in), null);
    Tensor wt = g.parameter("w", Shape.of(DType.BF16, out, in), null);
    g.output("y", Gemma.matmulTransposed(xt, wt, DType.F32), null);
    try (Program p = Program.compile(g, client)) {
      float[] y = p.execute(null, Map.of("x", xb, "w", wb)).get("y").toFloatArray();
      assertEquals(out, y.length);
      for (int o = 0; o < out; o++) {
        double want = 0;
        for (int i = 0; i < in; i++) {
          want += (double) xv[i] * wv[o * in + i];
        }
        assertTrue(Math.abs(y[o] - want) <= 1e-4 * Math.sqrt(in), "output " + o + ": " + y[o] + " vs " + want);
      }
    }
  }
}
