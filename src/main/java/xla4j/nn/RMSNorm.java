package xla4j.nn;

import xla4j.array.DType;
import xla4j.dsl.Composites;
import xla4j.dsl.Tensor;

/**
 * Gemma's RMSNorm over the last axis ({@code big_vision/models/ppp/gemma.py} {@code RMSNorm}, Hugging Face
 * {@code GemmaRMSNorm}): {@code x * rsqrt(mean(x^2) + eps) * (1 + scale)}, computed in f32 and converted back to
 * x's dtype, as {@code GemmaRMSNorm} does; the scale is stored as an offset from 1 (zeros is the identity).
 */
public final class RMSNorm {
  private RMSNorm() {}

  /** Declares {@code scale} (shape: x's last dim) in {@code s} and normalises {@code x}. */
  public static Tensor apply(Scope s, String scaleName, Tensor x, double eps) {
    Tensor scale = s.param(scaleName, new long[] {x.dim(-1)}, Init.zeros());
    return apply(x, scale, eps);
  }

  /** Normalises {@code x} with a given {@code scale} (shape: x's last dim). */
  public static Tensor apply(Tensor x, Tensor scale, double eps) {
    if (scale.rank() != 1 || scale.dim(0) != x.dim(-1)) {
      throw new IllegalArgumentException("rms_norm requires a scale of shape (" + x.dim(-1) + "), got "
          + scale.shape());
    }
    Tensor xf = x.convert(DType.F32);
    Tensor y = Composites.rmsNorm(xf, scale.convert(DType.F32).add(1.0), eps);
    return y.convert(x.dtype());
  }
}
