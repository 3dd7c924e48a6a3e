package xla4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.dsl.Graph;
import xla4j.dsl.Shape;
import xla4j.dsl.Tensor;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.Program;

/** RMSNorm, RoPE, the masks and grouped-query attention against hand-computed values. */
class DecoderLayersTest {
  static Client client;

  @BeforeAll
  static void open() {
    client = PjrtPlugin.cpu().createClient();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  /** Builds a graph of the given inputs and one output, runs it. */
  static NdArray run(List<NdArray> inputs, Function<List<Tensor>, Tensor> f) {
    Graph g = new Graph("t");
    List<Tensor> ps = new java.util.ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      ps.add(g.parameter("in" + i, Shape.of(inputs.get(i).dtype(), inputs.get(i).shape())));
    }
    g.output("out", f.apply(ps));
    try (Program p = Program.compile(g, client)) {
      return p.execute(inputs.toArray(new NdArray[0])).get(0);
    }
  }

  @Test
  void rmsNormScalesByOnePlusScale() {
    NdArray out = run(List.of(NdArray.of(new float[] {3, 4}, 1, 2), NdArray.of(new float[] {0.5f, -1f}, 2)),
        t -> RMSNorm.apply(t.get(0), t.get(1), 1e-6));
    double r = 1 / Math.sqrt(12.5 + 1e-6);
    assertArrayEquals(new float[] {(float) (3 * r * 1.5), 0f}, out.toFloatArray(), 1e-6f);
  }

  @Test
  void ropeRotatesHalvesByPositionOverTheBase() {
    float[] x = {1, 2, 3, 4, 1, 2, 3, 4};
    NdArray out = run(List.of(NdArray.of(x, 1, 2, 1, 4), NdArray.of(new int[] {0, 5}, 1, 2)),
        t -> Rope.apply(t.get(0), t.get(1), 100));
    // H = 4: frequencies 1 and 1/100^(2/4) = 0.1; position 0 is the identity
    double a = 5 * 1.0;
    double b = 5 * 0.1;
    float[] want = {1, 2, 3, 4, (float) (1 * Math.cos(a) - 3 * Math.sin(a)), (float) (2 * Math.cos(b) - 4 * Math.sin(b)),
        (float) (3 * Math.cos(a) + 1 * Math.sin(a)), (float) (4 * Math.cos(b) + 2 * Math.sin(b))};
    assertArrayEquals(want, out.toFloatArray(), 1e-5f);
  }

  static boolean[] bools(int... bits) {
    boolean[] b = new boolean[bits.length];
    for (int i = 0; i < bits.length; i++) {
      b[i] = bits[i] == 1;
    }
    return b;
  }

  @Test
  void prefixLmMaskIsFullOverThePrefixAndCausalAfter() {
    NdArray m = run(List.of(NdArray.of(bools(1, 1, 1, 0), 1, 4), NdArray.of(new int[] {0, 0, 1, 1}, 1, 4)),
        t -> AttentionMask.fromMaskAr(t.get(0), t.get(1)));
    assertArrayEquals(bools(1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0), m.toBooleanArray());
    NdArray causal = run(List.of(NdArray.of(bools(1, 1, 1), 1, 3)), t -> AttentionMask.causal(t.get(0)));
    assertArrayEquals(bools(1, 0, 0, 1, 1, 0, 1, 1, 1), causal.toBooleanArray());
  }

  @Test
  void slidingWindowKeepsTheLastWindowPositions() {
    NdArray m = run(List.of(NdArray.of(bools(1, 1, 1, 1), 1, 4), NdArray.of(new int[] {0, 1, 2, 3}, 1, 4)),
        t -> AttentionMask.slidingWindow(AttentionMask.causal(t.get(0)), t.get(1), t.get(1), 2));
    assertArrayEquals(bools(1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1), m.toBooleanArray());
  }

  @Test
  void cacheMaskSeesSlotsFromStartToTheCurrentSlot() {
    NdArray m = run(List.of(NdArray.of(new int[] {1, 0}, 2), NdArray.of(new int[] {2})),
        t -> AttentionMask.cache(t.get(0), t.get(1).reshape(), 4));
    assertArrayEquals(bools(0, 1, 1, 0, 1, 1, 1, 0), m.toBooleanArray());
  }

  @Test
  void groupedQueryAttentionSharesKeyValueHeadsAndSoftCaps() {
    // 2 query heads share 1 key/value head over 2 keys; soft cap 1
    float[] q = {1, 0, 0, 2}; // (B=1, T=1, N=2, H=2)
    float[] k = {1, 0, 0, 1}; // (B=1, K=1, S=2, H=2)
    float[] v = {10, 20, 30, 40};
    NdArray out = run(List.of(NdArray.of(q, 1, 1, 2, 2), NdArray.of(k, 1, 1, 2, 2), NdArray.of(v, 1, 1, 2, 2),
        NdArray.of(bools(1, 1), 1, 1, 2)),
        t -> DotProductAttention.apply(t.get(0), t.get(1), t.get(2), t.get(3), OptionalDouble.of(1.0)));
    // head 0: logits (1, 0) -> capped (tanh 1, 0); head 1: (0, 2) -> (0, tanh 2)
    double[] w0 = softmax(Math.tanh(1), 0);
    double[] w1 = softmax(0, Math.tanh(2));
    float[] want = {(float) (w0[0] * 10 + w0[1] * 30), (float) (w0[0] * 20 + w0[1] * 40),
        (float) (w1[0] * 10 + w1[1] * 30), (float) (w1[0] * 20 + w1[1] * 40)};
    assertArrayEquals(want, out.toFloatArray(), 1e-4f);
    NdArray masked = run(List.of(NdArray.of(q, 1, 1, 2, 2), NdArray.of(k, 1, 1, 2, 2), NdArray.of(v, 1, 1, 2, 2),
        NdArray.of(bools(0, 1), 1, 1, 2)),
        t -> DotProductAttention.apply(t.get(0), t.get(1), t.get(2), t.get(3), OptionalDouble.empty()));
    assertArrayEquals(new float[] {30, 40, 30, 40}, masked.toFloatArray(), 0f);
  }

  static double[] softmax(double a, double b) {
    double m = Math.max(a, b);
    double ea = Math.exp(a - m);
    double eb = Math.exp(b - m);
    return new double[] {ea / (ea + eb), eb / (ea + eb)};
  }

  @Test
  void badShapesAreNamed() {
    Graph g = new Graph("t");
    Tensor q = g.parameter("q", Shape.of(DType.F32, 1, 1, 3, 2));
    Tensor k = g.parameter("k", Shape.of(DType.F32, 1, 2, 2, 2));
    Tensor m = g.parameter("m", Shape.of(DType.PRED, 1, 1, 2));
    assertEquals("attention requires q (B, T, N, H) and k, v (B, K, S, H) with N divisible by K, got f32[1,1,3,2], "
        + "f32[1,2,2,2] and f32[1,2,2,2]", assertThrows(IllegalArgumentException.class,
            () -> DotProductAttention.apply(q, k, k, m, OptionalDouble.empty())).getMessage());
    Tensor odd = g.parameter("x", Shape.of(DType.F32, 1, 1, 1, 3));
    Tensor pos = g.parameter("p", Shape.of(DType.S32, 1, 1));
    assertEquals("rope requires x (B, T, N, H) with even H and positions (B, T), got f32[1,1,1,3] and s32[1,1]",
        assertThrows(IllegalArgumentException.class, () -> Rope.apply(odd, pos, 10_000)).getMessage());
  }
}
