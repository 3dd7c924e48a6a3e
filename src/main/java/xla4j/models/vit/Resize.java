package xla4j.models.vit;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import xla4j.array.NdArray;

/**
 * Resizing ViT parameters to another resolution or patch size, as big_vision does it on checkpoints:
 * {@link #resamplePosemb} (big_vision {@code vit.resample_posemb}) and FlexiViT's PI-resize of the patch embedding
 * ({@link #piResizePatchEmbedding}, Beyer et al., "FlexiViT: One Model for All Patch Sizes", 2023).
 */
public final class Resize {
  private Resize() {}

  /**
   * Resamples a learned posemb (1, g*g, D) to (1, n, D) with n = g'*g': bilinear with the grid's corners mapped
   * onto each other ({@code scipy.ndimage.zoom(grid, (g'/g, g'/g, 1), order=1)}, big_vision's high-res
   * fine-tuning rule).
   */
  public static NdArray resamplePosemb(NdArray posemb, long newTokens) {
    long[] s = posemb.shape();
    long gOld = (long) Math.sqrt(s[1]);
    long gNew = (long) Math.sqrt(newTokens);
    if (s.length != 3 || gOld * gOld != s[1] || gNew * gNew != newTokens) {
      throw new IllegalArgumentException("resample_posemb requires square grids (1, g*g, D), got "
          + java.util.Arrays.toString(s) + " to " + newTokens + " tokens");
    }
    return applySeparable(posemb, alignCornersMatrix((int) gNew, (int) gOld), (int) gOld, (int) gNew, (int) s[2]);
  }

  /** Applies the 1-d weights {@code m} (gNew, gOld) along both axes of a (1, gOld*gOld, d) grid. */
  private static NdArray applySeparable(NdArray posemb, double[][] m, int gOld, int gNew, int d) {
    float[] in = posemb.toFloatArray();
    double[] out = new double[gNew * gNew * d];
    for (int y = 0; y < gNew; y++) {
      for (int x = 0; x < gNew; x++) {
        int dst = (y * gNew + x) * d;
        for (int yi = 0; yi < gOld; yi++) {
          for (int xi = 0; xi < gOld; xi++) {
            double w = m[y][yi] * m[x][xi];
            if (w == 0) {
              continue;
            }
            int src = (yi * gOld + xi) * d;
            for (int c = 0; c < d; c++) {
              out[dst + c] += w * in[src + c];
            }
          }
        }
      }
    }
    float[] f = new float[out.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) out[i];
    }
    return NdArray.fromFloats(posemb.dtype(), f, 1, (long) gNew * gNew, d);
  }

  /**
   * FlexiViT's PI-resize of a patch-embedding kernel (p, p, C, D) to (q, q, C, D): with B the bilinear resize of a
   * p×p patch to q×q ({@code tf.image.resize(..., "bilinear")}: half-pixel centres, no antialiasing) as a
   * (q², p²) matrix, the new kernel is {@code pinv(Bᵀ) w} for each of the C·D filters, so that a q×q resized
   * patch gives the same token as the p×p patch did (exactly when upsampling).
   */
  public static NdArray piResizePatchEmbedding(NdArray kernel, long newPatch) {
    long[] s = kernel.shape();
    if (s.length != 4 || s[0] != s[1]) {
      throw new IllegalArgumentException("PI-resize requires a square patch-embedding kernel (p, p, C, D), got "
          + java.util.Arrays.toString(s));
    }
    int p = (int) s[0];
    int q = (int) newPatch;
    if (p == q) {
      return kernel;
    }
    // B: (q*q, p*p), column j = the resized j-th basis patch.
    double[][] r = halfPixelMatrix(q, p);
    double[][] b = new double[q * q][p * p];
    for (int y = 0; y < q; y++) {
      for (int x = 0; x < q; x++) {
        for (int yi = 0; yi < p; yi++) {
          for (int xi = 0; xi < p; xi++) {
            b[y * q + x][yi * p + xi] = r[y][yi] * r[x][xi];
          }
        }
      }
    }
    RealMatrix bt = new Array2DRowRealMatrix(b, false).transpose();
    RealMatrix pinv = new SingularValueDecomposition(bt).getSolver().getInverse(); // (q², p²)
    int filters = (int) (s[2] * s[3]);
    float[] in = kernel.toFloatArray(); // (p, p, C, D) row-major: index (yi*p + xi) * filters + f
    float[] out = new float[q * q * filters];
    double[][] pm = pinv.getData();
    for (int i = 0; i < q * q; i++) {
      for (int j = 0; j < p * p; j++) {
        double w = pm[i][j];
        for (int f = 0; f < filters; f++) {
          out[i * filters + f] += (float) (w * in[j * filters + f]);
        }
      }
    }
    return NdArray.fromFloats(kernel.dtype(), out, q, q, s[2], s[3]);
  }

  /**
   * Resizes a posemb grid (1, g*g, D) to (1, n, D) as FlexiViT does when the patch size changes:
   * {@code jax.image.resize(grid, (1, g', g', D), "linear")} (half-pixel centres; antialiased when shrinking).
   */
  public static NdArray resizePosembLinear(NdArray posemb, long newTokens) {
    long[] s = posemb.shape();
    long gOld = (long) Math.sqrt(s[1]);
    long gNew = (long) Math.sqrt(newTokens);
    if (s.length != 3 || gOld * gOld != s[1] || gNew * gNew != newTokens) {
      throw new IllegalArgumentException("posemb resize requires square grids (1, g*g, D), got "
          + java.util.Arrays.toString(s) + " to " + newTokens + " tokens");
    }
    return applySeparable(posemb, jaxLinearMatrix((int) gNew, (int) gOld), (int) gOld, (int) gNew, (int) s[2]);
  }

  /**
   * 1-d weights (out, in) of {@code jax.image.resize(..., "linear")}: a triangle kernel at half-pixel sample
   * positions, widened by in/out when shrinking (antialiasing), each row normalised to sum 1.
   */
  static double[][] jaxLinearMatrix(int out, int in) {
    double[][] m = new double[out][in];
    double inv = (double) in / out;
    double kernelScale = Math.max(inv, 1.0);
    for (int o = 0; o < out; o++) {
      double sample = (o + 0.5) * inv - 0.5;
      double total = 0;
      for (int i = 0; i < in; i++) {
        double w = Math.max(0, 1 - Math.abs(sample - i) / kernelScale);
        m[o][i] = w;
        total += w;
      }
      for (int i = 0; i < in; i++) {
        m[o][i] = total > 1e-12 ? m[o][i] / total : 0;
      }
    }
    return m;
  }

  /** 1-d linear interpolation weights (out, in) mapping corners to corners (scipy zoom, order 1). */
  static double[][] alignCornersMatrix(int out, int in) {
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

  /** 1-d bilinear weights (out, in) with half-pixel centres and edge clamping, as tf.image.resize. */
  static double[][] halfPixelMatrix(int out, int in) {
    double[][] m = new double[out][in];
    double scale = (double) in / out;
    for (int o = 0; o < out; o++) {
      double x = (o + 0.5) * scale - 0.5;
      int lo = (int) Math.floor(x);
      double f = x - lo;
      int l = Math.max(lo, 0);
      int h = Math.min(lo + 1, in - 1);
      m[o][Math.min(l, in - 1)] += 1 - f;
      m[o][Math.max(h, 0)] += f;
    }
    return m;
  }
}
