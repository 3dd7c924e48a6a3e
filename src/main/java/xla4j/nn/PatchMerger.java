package xla4j.nn;

import xla4j.array.DType;
import xla4j.dsl.Composites;
import xla4j.dsl.Ops;
import xla4j.dsl.Tensor;

/**
 * PatchMerger (Renggli et al., "Learning to Merge Tokens in Vision Transformers", 2022): M learned queries
 * {@code W} (M, D) score the layer-normed tokens, a softmax over the N tokens turns the scores into weights, and
 * each output token is the weighted sum of the input tokens: {@code Y = softmax_N(W · LN(X)ᵀ) X}, (B, N, D) to
 * (B, M, D). Parameters {@code LayerNorm_0} and {@code queries}.
 */
public final class PatchMerger {
  private PatchMerger() {}

  public static Tensor apply(Scope s, Tensor x, long numTokens) {
    long d = x.dim(-1);
    Tensor y = LayerNorm.apply(s.child("LayerNorm_0"), x);
    Tensor queries = s.param("queries", new long[] {numTokens, d}, Init.xavierUniform());
    Tensor scores = Ops.einsum("MD,BND->BMN", queries, y);
    Tensor weights = scores.dtype() == DType.F32 ? Composites.softmax(scores, -1)
        : Composites.softmax(scores.convert(DType.F32), -1).convert(scores.dtype());
    return Ops.einsum("BMN,BND->BMD", weights, x);
  }
}
