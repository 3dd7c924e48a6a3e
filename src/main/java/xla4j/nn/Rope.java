package xla4j.nn;

import xla4j.array.DType;
import xla4j.dsl.Ops;
import xla4j.dsl.Tensor;

/**
 * Rotary position embeddings in the half-split layout of Gemma ({@code big_vision/models/ppp/gemma.py}
 * {@code _apply_rope}, Hugging Face {@code apply_rotary_pos_emb} with {@code rotate_half}): the last axis of size H is
 * split into halves {@code x1, x2} and rotated by {@code theta_i = position / max_wavelength^(2i/H)}:
 * {@code [x1 cos - x2 sin, x2 cos + x1 sin]}. The angles are computed in f32; the result has x's dtype.
 */
public final class Rope {
  private Rope() {}

  /**
   * Applies RoPE to {@code x} of shape (B, T, N, H) at integer {@code positions} (B, T).
   *
   * @param maxWavelength the base ({@code rope_theta}; 10000 for Gemma)
   */
  public static Tensor apply(Tensor x, Tensor positions, double maxWavelength) {
    if (x.rank() != 4 || positions.rank() != 2 || positions.dim(0) != x.dim(0) || positions.dim(1) != x.dim(1)
        || x.dim(3) % 2 != 0) {
      throw new IllegalArgumentException("rope requires x (B, T, N, H) with even H and positions (B, T), got "
          + x.shape() + " and " + positions.shape());
    }
    long h = x.dim(3);
    int half = (int) (h / 2);
    float[] invFreq = new float[half];
    for (int i = 0; i < half; i++) {
      // as Hugging Face: 1 / base^(2i / H), rounded to f32
      invFreq[i] = (float) (1.0 / Math.pow(maxWavelength, (2.0 * i) / h));
    }
    Tensor freq = x.graph().constant(invFreq, 1, 1, 1, half);
    Tensor radians = positions.convert(DType.F32).reshape(x.dim(0), x.dim(1), 1, 1).mul(freq);
    Tensor sin = radians.sin().convert(x.dtype());
    Tensor cos = radians.cos().convert(x.dtype());
    Tensor x1 = x.slice(3, 0, half);
    Tensor x2 = x.slice(3, half, h);
    return Ops.concatenate(3, x1.mul(cos).sub(x2.mul(sin)), x2.mul(cos).add(x1.mul(sin)));
  }
}
