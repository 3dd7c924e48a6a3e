package xla4j.nn;

import xla4j.array.DType;
import xla4j.dsl.Composites;
import xla4j.dsl.Tensor;

/**
 * Flax {@code nn.LayerNorm} over the last axis (epsilon 1e-6), parameters {@code scale} (ones) and {@code bias}
 * (zeros). bf16/f16 inputs are normalised in f32 and converted back, as Flax computes statistics in f32.
 */
public final class LayerNorm {
  /** Flax's default epsilon. */
  public static final double EPSILON = 1e-6;

  private LayerNorm() {}

  /**
   * Normalises {@code x} over its last axis with parameters {@code scale} and {@code bias} under scope {@code s}; same
   * shape and dtype.
   */
  public static Tensor apply(Scope s, Tensor x) {
    long d = x.dim(-1);
    Tensor scale = s.param("scale", new long[] {d}, Init.ones());
    Tensor bias = s.param("bias", new long[] {d}, Init.zeros());
    if (x.dtype() == DType.BF16 || x.dtype() == DType.F16) {
      Tensor y = Composites.layerNorm(x.convert(DType.F32), scale.convert(DType.F32), bias.convert(DType.F32),
          EPSILON);
      return y.convert(x.dtype());
    }
    return Composites.layerNorm(x, scale, bias, EPSILON);
  }
}
