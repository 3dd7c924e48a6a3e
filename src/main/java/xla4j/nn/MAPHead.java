package xla4j.nn;

import xla4j.dsl.Tensor;

/**
 * big_vision's multihead attention pooling: a learned {@code probe} (1, 1, D) attends over the tokens
 * ({@code MultiHeadDotProductAttention_0}), then {@code x + MlpBlock_0(LayerNorm_0(x))}; returns (B, D).
 */
public final class MAPHead {
  private MAPHead() {}

  /**
   * Pools tokens (B, N, D) to (B, D) with {@code numHeads} heads and an MLP of width {@code mlpDim}, parameters under
   * scope {@code s}.
   */
  public static Tensor apply(Scope s, Tensor x, int numHeads, long mlpDim) {
    long n = x.dim(0);
    long d = x.dim(-1);
    Tensor probe = s.param("probe", new long[] {1, 1, d}, Init.xavierUniform());
    probe = probe.broadcastTo(n, 1, d);
    Tensor y = MultiHeadDotProductAttention.apply(s.child("MultiHeadDotProductAttention_0"), probe, x, numHeads);
    Tensor z = LayerNorm.apply(s.child("LayerNorm_0"), y);
    y = y.add(MlpBlock.apply(s.child("MlpBlock_0"), z, mlpDim));
    return y.slice(1, 0, 1).reshape(n, d);
  }
}
