package xla4j.models.vit;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import xla4j.array.NdArray;
import xla4j.array.Resampling;

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
    return applySeparable(posemb, Resampling.alignCorners((int) gNew, (int) gOld), (int) gOld, (int) gNew, (int) s[2]);
  }

  /** Applies the 1-d weights {@code m} (gNew, gOld) along both axes of a (1, gOld*gOld, d) grid. */
  private static NdArray applySeparable(NdArray posemb, double[][] m, int gOld, int gNew, int d) {
    float[] out = Resampling.apply2d(posemb.toFloatArray(), gOld, gOld, d, m, m);
    return NdArray.fromFloats(posemb.dtype(), out, 1, (long) gNew * gNew, d);
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
    double[][] r = Resampling.halfPixelBilinear(q, p);
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
    double[] acc = new double[q * q * filters];
    double[][] pm = pinv.getData();
    for (int i = 0; i < q * q; i++) {
      for (int j = 0; j < p * p; j++) {
        double w = pm[i][j];
        for (int f = 0; f < filters; f++) {
          acc[i * filters + f] += w * in[j * filters + f];
        }
      }
    }
    float[] out = new float[acc.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) acc[i];
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
    return applySeparable(posemb, Resampling.jaxLinear((int) gNew, (int) gOld), (int) gOld, (int) gNew, (int) s[2]);
  }
}
