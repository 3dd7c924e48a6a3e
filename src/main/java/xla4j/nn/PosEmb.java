package xla4j.nn;

import xla4j.array.NdArray;
import xla4j.dsl.Tensor;

/** big_vision's position embeddings of a (h, w) grid of tokens of width {@code width}: learned or sincos2d. */
public final class PosEmb {
  private PosEmb() {}

  /** {@code "learn"}: parameter {@code name} (1, h*w, width), normal(1/sqrt(width)); {@code "sincos2d"}: fixed. */
  public static Tensor apply(Scope s, String type, long h, long w, long width, String name) {
    switch (type) {
      case "learn":
        return s.param(name, new long[] {1, h * w, width}, Init.normal(1 / Math.sqrt(width)));
      case "sincos2d":
        return s.graph().constant(sincos2d(h, w, width, 10_000.0).astype(s.dtype()));
      default:
        throw new IllegalArgumentException("posemb must be 'learn' or 'sincos2d', got '" + type + "'");
    }
  }

  /**
   * MoCo v3's 2-d sin-cos embedding as big_vision computes it: for a grid position (y, x) and
   * {@code omega_i = 1 / temperature^(i / (width/4 - 1))}, {@code i < width/4}, the concatenation
   * {@code [sin(x·omega), cos(x·omega), sin(y·omega), cos(y·omega)]}; shape (1, h*w, width), row-major over (y, x).
   */
  public static NdArray sincos2d(long h, long w, long width, double temperature) {
    if (width % 4 != 0) {
      throw new IllegalArgumentException("sincos2d posemb requires a width divisible by 4, got " + width);
    }
    int quarter = (int) (width / 4);
    double[] omega = new double[quarter];
    for (int i = 0; i < quarter; i++) {
      double frac = quarter == 1 ? 0 : (double) i / (quarter - 1);
      omega[i] = 1.0 / Math.pow(temperature, frac);
    }
    float[] pe = new float[Math.toIntExact(h * w * width)];
    int at = 0;
    for (long y = 0; y < h; y++) {
      for (long x = 0; x < w; x++) {
        for (int i = 0; i < quarter; i++) {
          pe[at + i] = (float) Math.sin(x * omega[i]);
          pe[at + quarter + i] = (float) Math.cos(x * omega[i]);
          pe[at + 2 * quarter + i] = (float) Math.sin(y * omega[i]);
          pe[at + 3 * quarter + i] = (float) Math.cos(y * omega[i]);
        }
        at += (int) width;
      }
    }
    return NdArray.of(pe, 1, h * w, width);
  }
}
