package xla4j.dsl;

import xla4j.runtime.Program;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;

/**
 * Edge cases where the DSL's ops must give JAX's numbers (NaN and signed-zero ordering, reduced-precision
 * statistics, wide integer constants), run on xla4j's XLA:CPU plugin. Expected values are computed by hand or
 * with JAX 0.10.2; the JAX expression is noted beside each. Skipped when the plugin has not been built.
 */
class DslSemanticsTest {
  static final float NAN = Float.NaN;
  static final float NEG_NAN = Float.intBitsToFloat(0xFFC00000);
  static final float INF = Float.POSITIVE_INFINITY;

  static Client client;

  @BeforeAll
  static void start() {
    Path p = PjrtPlugin.cpuPath();
    Assumptions.assumeTrue(p != null && Files.isRegularFile(p), "xla4j CPU plugin not built at " + p);
    client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 1L));
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
  }

  /** Builds a graph on parameters shaped like {@code inputs}, runs it, returns the outputs. */
  static List<NdArray> run(Function<List<Tensor>, List<Tensor>> f, NdArray... inputs) {
    Graph g = new Graph("semantics");
    List<Tensor> ps = new ArrayList<>();
    for (int i = 0; i < inputs.length; i++) {
      ps.add(g.parameter("x" + i, Shape.of(inputs[i].dtype(), inputs[i].shape())));
    }
    List<Tensor> outs = f.apply(ps);
    for (int i = 0; i < outs.size(); i++) {
      g.output("out" + i, outs.get(i));
    }
    try (Program c = Program.compile(g, client)) {
      return c.execute(inputs);
    }
  }

  static int[] bits(NdArray a) {
    float[] v = a.toFloatArray();
    int[] b = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = Float.floatToRawIntBits(v[i]);
    }
    return b;
  }

  static int[] bits(float... v) {
    int[] b = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = Float.floatToRawIntBits(v[i]);
    }
    return b;
  }

  // x = [0.0, -0.0, 1.0, -nan, nan, -1.0, -inf, inf] (f32)
  static NdArray signedZerosAndNaNs() {
    return NdArray.of(new float[] {0f, -0f, 1f, NEG_NAN, NAN, -1f, -INF, INF}, 8);
  }

  @Test
  void sortTreatsNegativeZeroAsZeroAndEveryNaNAsLargest() {
    List<NdArray> out = run(x -> {
      Tensor idx = x.get(0).graph().iota(Shape.of(DType.S32, 8), 0);
      return List.of(Ops.sort(List.of(x.get(0)), 0, 1, false, true).get(0), Ops.argsort(x.get(0), 0),
          Ops.sort(List.of(x.get(0), idx), 0, 1, true, true).get(1));
    }, signedZerosAndNaNs());
    // lax.sort(x): [-inf, -1., 0., -0., 1., inf, -nan, nan] (the original values, 0.0 and -0.0 kept in order)
    assertArrayEquals(bits(-INF, -1f, 0f, -0f, 1f, INF, NEG_NAN, NAN), bits(out.get(0)));
    // jnp.argsort(x) = [6 5 0 1 2 7 3 4]
    assertArrayEquals(new int[] {6, 5, 0, 1, 2, 7, 3, 4}, out.get(1).toIntArray());
    // jnp.argsort(x, descending=True, stable=True) = [3 4 7 2 0 1 5 6]
    assertArrayEquals(new int[] {3, 4, 7, 2, 0, 1, 5, 6}, out.get(2).toIntArray());
  }

  @Test
  void topKKeepsTheRawTotalOrder() {
    List<NdArray> out = run(x -> Ops.topK(x.get(0), 8), signedZerosAndNaNs());
    // lax.top_k(x, 8) = ([nan, inf, 1., 0., -0., -1., -inf, -nan], [4 7 2 0 1 5 6 3])
    assertArrayEquals(bits(NAN, INF, 1f, 0f, -0f, -1f, -INF, NEG_NAN), bits(out.get(0)));
    assertArrayEquals(new int[] {4, 7, 2, 0, 1, 5, 6, 3}, out.get(1).toIntArray());
  }

  @Test
  void layerNormAndVarianceOfHalfFloatsAreComputedInF32() {
    NdArray x = NdArray.fromFloats(DType.BF16, new float[] {100, 101, 102, 103, 1, -1, 2, 0.5f}, 2, 4);
    NdArray scale = NdArray.fromFloats(DType.BF16, new float[] {1, 1, 1, 1}, 4);
    NdArray bias = NdArray.fromFloats(DType.BF16, new float[] {0, 0, 0, 0}, 4);
    NdArray h = NdArray.fromFloats(DType.F16, new float[] {1000, 1010, 1020, 1030}, 1, 4);
    NdArray hScale = NdArray.fromFloats(DType.F16, new float[] {1, 1, 1, 1}, 4);
    NdArray w = NdArray.fromFloats(DType.BF16, new float[] {128, 129, 130, 131}, 4);
    List<NdArray> out = run(t -> List.of(Composites.layerNorm(t.get(0), t.get(1), t.get(2), 1e-6),
        Composites.layerNorm(t.get(3), t.get(4), null, 1e-6), Composites.variance(t.get(5), 0)), x, scale, bias, h, hScale, w);
    // flax.linen.LayerNorm(epsilon=1e-6, param_dtype=jnp.bfloat16).apply(params, x) (bf16 statistics would give
    // -1504 for the first element: mean(x^2) - mean^2 cancels in bf16)
    assertEquals(NdArray.fromFloats(DType.BF16, new float[] {-1.34375f, -0.447265625f, 0.447265625f, 1.34375f,
        0.345703125f, -1.5f, 1.2734375f, -0.115234375f}, 2, 4), out.get(0));
    // flax.linen.LayerNorm(epsilon=1e-6, use_bias=False, param_dtype=jnp.float16).apply(params, h)
    assertEquals(NdArray.fromFloats(DType.F16, new float[] {-1.341796875f, -0.447265625f, 0.447265625f, 1.341796875f},
        1, 4), out.get(1));
    // jnp.var(w) = 1.25 (mean 129.5 is not a bf16 number; rounded to 130 it gave 1.5)
    assertEquals(1.25, out.get(2).getDouble(0));
  }

  @Test
  void u64ConstantsFrom2To63UpKeepTheirValue() {
    NdArray u = NdArray.of(new long[] {0, 5}, 2).astype(DType.U64);
    List<NdArray> out = run(t -> List.of(t.get(0).add(0x1p63), t.get(0).graph().scalar(0x1p64 - 2048, DType.U64),
        t.get(0).graph().scalar(0.5, DType.PRED)), u);
    // jnp.array([0, 5], jnp.uint64) + 2**63 = [9223372036854775808, 9223372036854775813] (a cast to long saturated
    // at 2**63 - 1); the unsigned values read back as signed longs
    assertArrayEquals(new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 5}, out.get(0).toLongArray());
    assertEquals(Long.parseUnsignedLong("18446744073709549568"), out.get(1).getLong(0));
    // pred is value != 0 (was (long) 0.5 != 0, false)
    assertEquals(1, out.get(2).getLong(0));
  }

  @Test
  void negativeIndicesCountFromTheEndInScatterAndTakeAlongAxis() {
    NdArray m = NdArray.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
    NdArray idx = NdArray.of(new int[] {0, 2, 0, 5, -1}, 5);
    NdArray upd = NdArray.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5, 2);
    NdArray setIdx = NdArray.of(new int[] {-1, 5}, 2);
    NdArray setUpd = NdArray.of(new float[] {9, 9, 8, 8}, 2, 2);
    NdArray along = NdArray.of(new int[] {-1, 0, -2, 1, 7, -9}, 3, 2);
    List<NdArray> out = run(t -> List.of(Ops.scatterRows(t.get(0), t.get(1), t.get(2), Reducer.SUM),
        Ops.scatterRows(t.get(0), t.get(3), t.get(4), null), Ops.takeAlongAxis(t.get(0), t.get(5), 1),
        Ops.take(t.get(0), t.get(1))),
        m, idx, upd, setIdx, setUpd, along);
    // m.at[idx].add(upd) = [[7, 10], [3, 4], [17, 20]]: -1 is row 2, 5 is dropped
    assertArrayEquals(new float[] {7, 10, 3, 4, 17, 20}, out.get(0).toFloatArray());
    // m.at[jnp.array([-1, 5])].set(setUpd) = [[1, 2], [3, 4], [9, 9]]
    assertArrayEquals(new float[] {1, 2, 3, 4, 9, 9}, out.get(1).toFloatArray());
    // jnp.take_along_axis(m, along, axis=1, mode="clip") = [[2, 1], [3, 4], [6, 5]]
    assertArrayEquals(new float[] {2, 1, 3, 4, 6, 5}, out.get(2).toFloatArray());
    // jnp.take(m, idx, axis=0, mode="clip") clamps -1 to row 0: [[1, 2], [5, 6], [1, 2], [5, 6], [1, 2]]
    assertArrayEquals(new float[] {1, 2, 5, 6, 1, 2, 5, 6, 1, 2}, out.get(3).toFloatArray());
  }

  @Test
  void softmaxFamilyOfBf16SumsInF32() {
    // y = jnp.array(((np.arange(300) % 7) * np.float32(0.37) - 1).reshape(1, 300), jnp.bfloat16): these 7 values
    float[] seven = {-1.0f, -0.62890625f, -0.259765625f, 0.10986328125f, 0.48046875f, 0.8515625f, 1.21875f};
    float[] v = new float[300];
    for (int i = 0; i < v.length; i++) {
      v[i] = seven[i % 7];
    }
    NdArray y = NdArray.fromFloats(DType.BF16, v, 1, 300);
    List<NdArray> out = run(t -> List.of(Composites.softmax(t.get(0), 1).slice(1, 0, 7), Composites.logsumexp(t.get(0), 1),
        Composites.logSoftmax(t.get(0), 1).slice(1, 0, 7)), y);
    // jax.nn.softmax(y, 1)[0, :7] (jnp.sum adds the bf16 exponentials in f32; adding in bf16 gave 8.43e-4 first)
    assertEquals(NdArray.fromFloats(DType.BF16, new float[] {0.000850677490234375f, 0.0012359619140625f,
        0.0017852783203125f, 0.0025787353515625f, 0.0037384033203125f, 0.005401611328125f, 0.0078125f}, 1, 7), out.get(0));
    // jax.nn.logsumexp(y, 1) = [6.0625] (was 6.09375)
    assertEquals(NdArray.fromFloats(DType.BF16, new float[] {6.0625f}, 1), out.get(1));
    // jax.nn.log_softmax(y, 1)[0, :7]
    assertEquals(NdArray.fromFloats(DType.BF16, new float[] {-7.0625f, -6.6875f, -6.3125f, -5.9375f, -5.59375f,
        -5.21875f, -4.84375f}, 1, 7), out.get(2));
  }

  @Test
  void meanOfIntegersAndBooleansIsAFloat32Mean() {
    // jnp.mean(jnp.array([1, 2], jnp.int32)) = 1.5 (float32); jnp.mean(jnp.array([True, False, True, True])) = 0.75;
    // jnp.mean(jnp.full(300, 255, jnp.uint8)) = 255.0 (a u8 sum would overflow).
    byte[] u8 = new byte[300];
    java.util.Arrays.fill(u8, (byte) 255);
    List<NdArray> out = run(x -> List.of(x.get(0).mean(), x.get(1).mean(), x.get(2).mean()),
        NdArray.of(new int[] {1, 2}, 2), NdArray.of(new boolean[] {true, false, true, true}, 4),
        NdArray.fromBytes(DType.U8, new long[] {300}, java.nio.ByteBuffer.wrap(u8)));
    assertEquals(DType.F32, out.get(0).dtype());
    assertArrayEquals(new float[] {1.5f}, out.get(0).toFloatArray());
    assertArrayEquals(new float[] {0.75f}, out.get(1).toFloatArray());
    assertArrayEquals(new float[] {255f}, out.get(2).toFloatArray());
  }

  @Test
  void matmulBroadcastsBatchDimensionsAsJnpMatmul() {
    // a (2,1,3,4) @ b (5,4,2) -> (2,5,3,2); v (4,) @ b (5,4,2) -> (5,2): jnp.matmul, checked here by plain loops.
    float[] a = new float[2 * 3 * 4];
    float[] b = new float[5 * 4 * 2];
    float[] v = {1, -2, 3, 0.5f};
    for (int i = 0; i < a.length; i++) {
      a[i] = (i % 7) - 3;
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (i % 5) * 0.5f - 1;
    }
    List<NdArray> out = run(x -> List.of(x.get(0).matmul(x.get(1)), x.get(2).matmul(x.get(1))),
        NdArray.of(a, 2, 1, 3, 4), NdArray.of(b, 5, 4, 2), NdArray.of(v, 4));
    assertArrayEquals(new long[] {2, 5, 3, 2}, out.get(0).shape());
    float[] want = new float[2 * 5 * 3 * 2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 5; j++) {
        for (int r = 0; r < 3; r++) {
          for (int c = 0; c < 2; c++) {
            float acc = 0;
            for (int k = 0; k < 4; k++) {
              acc += a[(i * 3 + r) * 4 + k] * b[(j * 4 + k) * 2 + c];
            }
            want[((i * 5 + j) * 3 + r) * 2 + c] = acc;
          }
        }
      }
    }
    assertArrayEquals(want, out.get(0).toFloatArray(), 1e-5f);
    assertArrayEquals(new long[] {5, 2}, out.get(1).shape());
    float[] wantV = new float[5 * 2];
    for (int j = 0; j < 5; j++) {
      for (int c = 0; c < 2; c++) {
        for (int k = 0; k < 4; k++) {
          wantV[j * 2 + c] += v[k] * b[(j * 4 + k) * 2 + c];
        }
      }
    }
    assertArrayEquals(wantV, out.get(1).toFloatArray(), 1e-5f);
  }
}
