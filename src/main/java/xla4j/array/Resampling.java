package xla4j.array;

/**
 * One-dimensional linear resampling weights, as (out, in) matrices whose rows sum to 1, in the conventions the
 * reference code uses: TF's and JAX's half-pixel bilinear resize, and scipy's corner-aligned zoom. Apply them
 * separably along each spatial axis. Also Pillow's fixed-point 8-bit bicubic resize ({@link #pilBicubic}).
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

  // ---------------------------------------------------------------------------------------------------------------
  // Pillow's Image.resize of an 8-bit single-channel ("L") image (src/libImaging/Resample.c)

  /** Fraction bits of Pillow's fixed-point 8-bit coefficients ({@code PRECISION_BITS = 32 - 8 - 2}). */
  private static final int PIL_PRECISION_BITS = 32 - 8 - 2;

  /**
   * Pillow's {@code Image.resize((outW, outH))} of a mode "L" image with its default filter, BICUBIC (Pillow >= 7):
   * {@code gray} holds h x w uint8 values row-major (0..255 in each byte), the result outH x outW. As Resample.c
   * does: per axis, a support of 2 * max(in/out, 1) around each output centre (in + 0.5 * scale), the cubic
   * {@code a = -0.5} kernel, weights normalised to sum 1 and rounded to 22-bit fixed point; the columns first (into
   * uint8, rounded and clipped), then the rows; an axis whose size does not change is not resampled.
   */
  public static byte[] pilBicubic(byte[] gray, int h, int w, int outH, int outW) {
    if (h < 1 || w < 1 || outH < 1 || outW < 1 || gray.length != (long) h * w) {
      throw new IllegalArgumentException("pil resize requires h * w values and sizes >= 1, got " + gray.length
          + " values for " + h + "x" + w + " -> " + outH + "x" + outW);
    }
    byte[] cur = gray;
    if (outW != w) {
      int[][] bounds = new int[outW][];
      int[][] k = pilCoefficients(w, outW, bounds);
      byte[] next = new byte[h * outW];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < outW; x++) {
          int ss = 1 << (PIL_PRECISION_BITS - 1);
          for (int i = 0; i < k[x].length; i++) {
            ss += (cur[y * w + bounds[x][0] + i] & 0xff) * k[x][i];
          }
          next[y * outW + x] = pilClip8(ss);
        }
      }
      cur = next;
    }
    if (outH != h) {
      int[][] bounds = new int[outH][];
      int[][] k = pilCoefficients(h, outH, bounds);
      byte[] next = new byte[outH * outW];
      for (int y = 0; y < outH; y++) {
        for (int x = 0; x < outW; x++) {
          int ss = 1 << (PIL_PRECISION_BITS - 1);
          for (int i = 0; i < k[y].length; i++) {
            ss += (cur[(bounds[y][0] + i) * outW + x] & 0xff) * k[y][i];
          }
          next[y * outW + x] = pilClip8(ss);
        }
      }
      cur = next;
    }
    return cur == gray ? gray.clone() : cur;
  }

  /** Resample.c's {@code precompute_coeffs} + {@code normalize_coeffs_8bpc} for BICUBIC; bounds[o] = {min}. */
  private static int[][] pilCoefficients(int in, int out, int[][] bounds) {
    double scale = (double) in / out;
    double filterScale = Math.max(scale, 1.0);
    double support = 2.0 * filterScale;
    double inv = 1.0 / filterScale;
    int[][] k = new int[out][];
    for (int o = 0; o < out; o++) {
      double center = (o + 0.5) * scale;
      int min = Math.max((int) (center - support + 0.5), 0);
      int max = Math.min((int) (center + support + 0.5), in) - min;
      double[] w = new double[Math.max(max, 0)];
      double total = 0;
      for (int i = 0; i < w.length; i++) {
        w[i] = pilBicubicKernel((i + min - center + 0.5) * inv);
        total += w[i];
      }
      k[o] = new int[w.length];
      for (int i = 0; i < w.length; i++) {
        double v = total != 0.0 ? w[i] / total : w[i];
        k[o][i] = (int) (v < 0 ? -0.5 + v * (1 << PIL_PRECISION_BITS) : 0.5 + v * (1 << PIL_PRECISION_BITS));
      }
      bounds[o] = new int[] {min};
    }
    return k;
  }

  /** Pillow's {@code bicubic_filter}, a = -0.5. */
  private static double pilBicubicKernel(double x) {
    double a = -0.5;
    x = Math.abs(x);
    if (x < 1.0) {
      return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    }
    if (x < 2.0) {
      return (((x - 5) * x + 8) * x - 4) * a;
    }
    return 0.0;
  }

  /** Pillow's {@code clip8}: the fixed-point sum shifted down, clamped to 0..255. */
  private static byte pilClip8(int ss) {
    return (byte) Math.min(Math.max(ss >> PIL_PRECISION_BITS, 0), 255);
  }
}
