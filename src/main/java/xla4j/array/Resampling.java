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
   * {@code cols} (newW, w), accumulating in double. Only the non-zero weights of each row are visited (two per
   * output for bilinear), so a multi-megapixel photo resizes in milliseconds.
   */
  public static float[] apply2d(float[] grid, int h, int w, int c, double[][] rows, double[][] cols) {
    int nh = rows.length;
    int nw = cols.length;
    int[][] colIdx = taps(cols);
    int[][] rowIdx = taps(rows);
    // First along w, then along h.
    double[] tmp = new double[h * nw * c];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < nw; x++) {
        int dst = (y * nw + x) * c;
        for (int xi : colIdx[x]) {
          double wt = cols[x][xi];
          int src = (y * w + xi) * c;
          for (int k = 0; k < c; k++) {
            tmp[dst + k] += wt * grid[src + k];
          }
        }
      }
    }
    float[] out = new float[nh * nw * c];
    double[] acc = new double[nw * c];
    for (int y = 0; y < nh; y++) {
      java.util.Arrays.fill(acc, 0);
      for (int yi : rowIdx[y]) {
        double wt = rows[y][yi];
        int src = yi * nw * c;
        for (int i = 0; i < acc.length; i++) {
          acc[i] += wt * tmp[src + i];
        }
      }
      for (int i = 0; i < acc.length; i++) {
        out[y * nw * c + i] = (float) acc[i];
      }
    }
    return out;
  }

  /** For each row of {@code m}, the column indices of its non-zero weights. */
  private static int[][] taps(double[][] m) {
    int[][] out = new int[m.length][];
    for (int o = 0; o < m.length; o++) {
      int n = 0;
      int[] idx = new int[m[o].length];
      for (int i = 0; i < m[o].length; i++) {
        if (m[o][i] != 0) {
          idx[n++] = i;
        }
      }
      out[o] = java.util.Arrays.copyOf(idx, n);
    }
    return out;
  }
}
