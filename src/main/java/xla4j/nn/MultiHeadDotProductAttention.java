package xla4j.nn;

import xla4j.array.DType;
import xla4j.dsl.Composites;
import xla4j.dsl.Ops;
import xla4j.dsl.Tensor;

/**
 * Flax {@code nn.MultiHeadDotProductAttention} as big_vision uses it (no mask, dropout off): {@code query},
 * {@code key}, {@code value} are DenseGeneral projections with kernels (D, N, H) and biases (N, H), the softmax of
 * {@code q·k / sqrt(H)} over keys weights the values, and {@code out} (kernel (N, H, D), bias (D)) projects back.
 *
 * <p>Axis letters: B batch, T query positions, S key positions, D model width, N heads, H head dim.
 */
public final class MultiHeadDotProductAttention {
  private MultiHeadDotProductAttention() {}

  /** Self- or cross-attention of {@code inputsQ} (B, T, D) over {@code inputsKv} (B, S, D). */
  public static Tensor apply(Scope s, Tensor inputsQ, Tensor inputsKv, int numHeads) {
    long d = inputsQ.dim(-1);
    if (numHeads < 1) {
      throw new IllegalArgumentException("MultiHeadDotProductAttention requires num_heads >= 1, got " + numHeads);
    }
    if (d % numHeads != 0) {
      throw new IllegalArgumentException("MultiHeadDotProductAttention requires the width to be a multiple of "
          + "num_heads, got width " + d + " and " + numHeads + " heads");
    }
    long h = d / numHeads;
    Tensor q = project(s.child("query"), inputsQ, numHeads, h);
    Tensor k = project(s.child("key"), inputsKv, numHeads, h);
    Tensor v = project(s.child("value"), inputsKv, numHeads, h);
    q = q.mul(1.0 / Math.sqrt(h));
    Tensor logits = Ops.einsum("BTNH,BSNH->BNTS", q, k);
    Tensor weights = logits.dtype() == DType.F32 ? Composites.softmax(logits, -1)
        : Composites.softmax(logits.convert(DType.F32), -1).convert(logits.dtype());
    Tensor attended = Ops.einsum("BNTS,BSNH->BTNH", weights, v);
    Scope out = s.child("out");
    Tensor kernel = out.param("kernel", new long[] {numHeads, h, d}, Init.xavierUniform(), numHeads * h, d);
    Tensor bias = out.param("bias", new long[] {d}, Init.zeros());
    Tensor y = attended.dtype() == DType.BF16 ? Dense.dot(attended, kernel, new int[] {2, 3}, new int[] {0, 1})
        : Ops.einsum("BTNH,NHD->BTD", attended, kernel);
    return y.add(bias);
  }

  private static Tensor project(Scope s, Tensor x, int heads, long h) {
    long d = x.dim(-1);
    Tensor kernel = s.param("kernel", new long[] {d, heads, h}, Init.xavierUniform(), d, heads * h);
    Tensor bias = s.param("bias", new long[] {heads, h}, Init.zeros());
    Tensor y = x.dtype() == DType.BF16 ? Dense.dot(x, kernel, new int[] {2}, new int[] {0})
        : Ops.einsum("BTD,DNH->BTNH", x, kernel);
    return y.add(bias);
  }
}
