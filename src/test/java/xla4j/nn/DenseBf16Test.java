package xla4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.dsl.Graph;
import xla4j.dsl.Shape;
import xla4j.dsl.Tensor;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.Program;

/**
 * A bf16 {@code Dense} accumulates in f32 and rounds once: its outputs are the bf16 roundings of the exact sums of
 * products of the bf16 inputs (within one bf16 step of that where the f32 sum lands next to a rounding boundary, plus the rounding of adding the bias).
 */
class DenseBf16Test {
  @Test
  void bf16DenseIsTheRoundedExactSum() {
    int rows = 3;
    int in = 300;
    int out = 7;
    Random r = new Random(3);
    float[] x = new float[rows * in];
    float[] k = new float[in * out];
    float[] b = new float[out];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    for (int i = 0; i < k.length; i++) {
      k[i] = (float) r.nextGaussian();
    }
    for (int i = 0; i < out; i++) {
      b[i] = (float) r.nextGaussian();
    }
    NdArray xb = NdArray.of(x, rows, in).astype(DType.BF16);
    NdArray kb = NdArray.of(k, in, out).astype(DType.BF16);
    NdArray bb = NdArray.of(b, out).astype(DType.BF16);
    float[] xv = xb.astype(DType.F32).toFloatArray();
    float[] kv = kb.astype(DType.F32).toFloatArray();
    float[] bv = bb.astype(DType.F32).toFloatArray();
    Graph g = new Graph("dense_bf16");
    Tensor xt = g.parameter("x", Shape.of(DType.BF16, rows, in), null);
    Scope s = Scope.root(g, DType.BF16);
    g.output("y", Dense.apply(s.child("Dense_0"), xt, out), null);
    try (Client client = PjrtPlugin.cpu().createClient(Map.of());
        Program p = Program.compile(g, client)) {
      NdArray y = p.execute(null, Map.of("x", xb, "Dense_0/kernel", kb, "Dense_0/bias", bb)).get("y");
      assertEquals(DType.BF16, y.dtype());
      float[] got = y.astype(DType.F32).toFloatArray();
      for (int i = 0; i < rows; i++) {
        for (int o = 0; o < out; o++) {
          double sum = 0;
          for (int j = 0; j < in; j++) {
            sum += (double) xv[i * in + j] * kv[j * out + o];
          }
          float dot = NdArray.of(new float[] {(float) sum}, 1).astype(DType.BF16).astype(DType.F32).toFloatArray()[0];
          double want = dot + bv[o];
          double step = Math.ulp((float) want) * 65536.0; // one bf16 step at that magnitude
          assertTrue(Math.abs(got[i * out + o] - want) <= 1.5 * step,
              "row " + i + " output " + o + ": " + got[i * out + o] + " vs " + want);
        }
      }
    }
  }
}
