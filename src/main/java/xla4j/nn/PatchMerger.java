package xla4j.nn;

import xla4j.array.DType;
import xla4j.dsl.Composites;
import xla4j.dsl.Ops;
import xla4j.dsl.Tensor;

/**
 * PatchMerger (Renggli et al., "Learning to Merge Tokens in Vision Transformers", 2022): N tokens become M.
 * The tokens are layer-normed ({@code LayerNorm_0}), M learned queries score them ({@code Dense_0}, kernel (D, M),
 * no bias: the paper's {@code W · LN(X)ᵀ}), a softmax over the N tokens turns each query's scores into weights, and
 * output token m is the weighted sum of the normalised tokens. (B, N, D) to (B, M, D).
 *
 * <p>big_vision has no PatchMerger; the parameter names follow Flax's conventions.
 */
public final class PatchMerger {
  private PatchMerger() {}

  /** Merges tokens (B, N, D) into (B, {@code numTokens}, D), parameters under scope {@code s}. */
  public static Tensor apply(Scope s, Tensor x, long numTokens) {
    long d = x.dim(-1);
    Tensor y = LayerNorm.apply(s.child("LayerNorm_0"), x);
    Tensor w = s.child("Dense_0").param("kernel", new long[] {d, numTokens}, Init.lecunNormal());
    Tensor scores = Ops.einsum("BND,DM->BNM", y, w);
    Tensor weights = scores.dtype() == DType.F32 ? Composites.softmax(scores, 1)
        : Composites.softmax(scores.convert(DType.F32), 1).convert(scores.dtype());
    return Ops.einsum("BNM,BND->BMD", weights, y);
  }
}
