package xla4j.array;

/**
 * One-dimensional linear resampling weights, as (out, in) matrices whose rows sum to 1, in the conventions the
 * reference code uses: TF's and JAX's half-pixel bilinear resize, and scipy's corner-aligned zoom. Apply them
 * separably along each spatial axis.
 */
public final class Resampling {
  private Resampling() {}

  /**
   * {@code tf.image.resize(method="bilinear", antialias=False)}: sample i of {@code out} reads input position
   * {@code (i + 0.5) * in/out - 0.5}, interpolating its two neighbours, clamped at the edges.
   */
  public static double[][] halfPixelBilinear(int out, int in) {
    double[][] m = new double[out][in];
    double scale = (double) in / out;
    for (int o = 0; o < out; o++) {
      double x = (o + 0.5) * scale - 0.5;
      int lo = (int) Math.floor(x);
      double f = x - lo;
      m[o][Math.min(Math.max(lo, 0), in - 1)] += 1 - f;
      m[o][Math.max(Math.min(lo + 1, in - 1), 0)] += f;
    }
    return m;
  }

  /**
   * {@code jax.image.resize(..., "linear")}: a triangle kernel at half-pixel positions, widened by in/out when
   * shrinking (antialiasing); each row normalised to sum 1. Equal to {@link #halfPixelBilinear} when enlarging.
   */
  public static double[][] jaxLinear(int out, int in) {
    double[][] m = new double[out][in];
    double inv = (double) in / out;
    double kernelScale = Math.max(inv, 1.0);
    for (int o = 0; o < out; o++) {
      double sample = (o + 0.5) * inv - 0.5;
      double total = 0;
      for (int i = 0; i < in; i++) {
        m[o][i] = Math.max(0, 1 - Math.abs(sample - i) / kernelScale);
        total += m[o][i];
      }
      for (int i = 0; i < in; i++) {
        m[o][i] = total > 1e-12 ? m[o][i] / total : 0;
      }
    }
    return m;
  }

  /** {@code scipy.ndimage.zoom(order=1)}: linear, corners mapped onto corners ({@code x = o * (in-1)/(out-1)}). */
  public static double[][] alignCorners(int out, int in) {
    double[][] m = new double[out][in];
    for (int o = 0; o < out; o++) {
      double x = out == 1 ? 0 : o * (double) (in - 1) / (out - 1);
      int lo = (int) Math.floor(x);
      int hi = Math.min(lo + 1, in - 1);
      double f = x - lo;
      m[o][lo] += 1 - f;
      m[o][hi] += f;
    }
    return m;
  }

  /**
   * Resamples a row-major (h, w, c) grid to (rows.length, cols.length, c) with weights {@code rows} (newH, h) and
   * {@code cols} (newW, w), accumulating in double.
   */
  public static float[] apply2d(float[] grid, int h, int w, int c, double[][] rows, double[][] cols) {
    int nh = rows.length;
    int nw = cols.length;
    // First along w, then along h: O(h*nw*w*c + nh*nw*h*c).
    double[] tmp = new double[h * nw * c];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < nw; x++) {
        for (int xi = 0; xi < w; xi++) {
          double wt = cols[x][xi];
          if (wt != 0) {
            int src = (y * w + xi) * c;
            int dst = (y * nw + x) * c;
            for (int k = 0; k < c; k++) {
              tmp[dst + k] += wt * grid[src + k];
            }
          }
        }
      }
    }
    float[] out = new float[nh * nw * c];
    for (int y = 0; y < nh; y++) {
      for (int yi = 0; yi < h; yi++) {
        double wt = rows[y][yi];
        if (wt == 0) {
          continue;
        }
        for (int i = 0; i < nw * c; i++) {
          out[y * nw * c + i] += (float) (wt * tmp[yi * nw * c + i]);
        }
      }
    }
    return out;
  }
}
