package xla4j.dsl;

import xla4j.array.DType;

/**
 * Composite functions the models use, written with the DSL's ops in the way JAX / Flax compute them:
 * {@code softmax}, {@code logSoftmax}, {@code logsumexp}, {@code gelu} (exact and tanh), {@code silu},
 * {@code layerNorm} (Flax's fast variance), {@code rmsNorm}, {@code meanAxes}, {@code variance}, {@code oneHot}.
 * Means and the sums inside the softmax family of f16/bf16 tensors accumulate in f32, as {@code jnp.mean} and
 * {@code jnp.sum} do; their variance and layer norm are computed in f32, as {@code jnp.var} and Flax do.
 */
public final class Composites {
  private Composites() {}

  /** Broadcasts a tensor reduced over {@code axes} back to {@code like}'s shape (keepdims + broadcast). */
  static Tensor expandBack(Tensor reduced, Tensor like, int[] axes) {
    int[] bd = new int[like.rank() - axes.length];
    for (int i = 0, j = 0; i < like.rank(); i++) {
      final int axis = i;
      if (java.util.Arrays.stream(axes).noneMatch(a -> a == axis)) {
        bd[j++] = i;
      }
    }
    return reduced.broadcastInDim(like.dims(), bd);
  }

  /** {@code jnp.sum}: f16/bf16 accumulate in f32 and the result converts back (a plain reduce adds in x's dtype). */
  static Tensor sumAxes(Tensor x, int[] axes) {
    return isHalf(x.dtype()) ? x.convert(DType.F32).sum(axes).convert(x.dtype()) : x.sum(axes);
  }

  /** {@code exp(x - max) / sum(exp(x - max))} over {@code axis}; the sum of f16/bf16 accumulates in f32, as in JAX. */
  public static Tensor softmax(Tensor x, int axis) {
    int[] a = {x.axis(axis, "softmax")};
    Tensor m = expandBack(x.max(a), x, a);
    Tensor e = x.sub(m).exp();
    return e.div(expandBack(sumAxes(e, a), x, a));
  }

  /** {@code (x - max) - log(sum(exp(x - max)))} over {@code axis}; the sum as in {@link #softmax}. */
  public static Tensor logSoftmax(Tensor x, int axis) {
    int[] a = {x.axis(axis, "log_softmax")};
    Tensor shifted = x.sub(expandBack(x.max(a), x, a));
    return shifted.sub(expandBack(sumAxes(shifted.exp(), a).log(), x, a));
  }

  /**
   * {@code log(sum(exp(x)))} over {@code axes}, stable (max subtracted; an infinite max is replaced by 0); the sum as
   * in {@link #softmax}.
   */
  public static Tensor logsumexp(Tensor x, int... axes) {
    int[] a = x.axes("logsumexp", axes);
    Tensor m = x.max(a);
    Tensor safe = Ops.select(m.isFinite(), m, m.scalarLike(0));
    Tensor s = sumAxes(x.sub(expandBack(safe, x, a)).exp(), a).log();
    return s.add(safe);
  }

  /**
   * GELU: exact {@code x/2 * erfc(-x/sqrt(2))} (= {@code x/2 * (1 + erf(x/sqrt(2)))}, written with erfc as JAX
   * does, accurate for large negative x), or the tanh approximation (Flax's {@code nn.gelu} default).
   */
  public static Tensor gelu(Tensor x, boolean approximate) {
    if (approximate) {
      Tensor inner = x.add(x.mul(x).mul(x).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
      return x.mul(0.5).mul(inner.tanh().add(1.0));
    }
    return x.mul(0.5).mul(x.neg().mul(1 / Math.sqrt(2)).erfc());
  }

  /** {@code x * sigmoid(x)}. */
  public static Tensor silu(Tensor x) {
    return x.mul(x.sigmoid());
  }

  /**
   * Mean over {@code axes}, as {@code jnp.mean}: f16/bf16 accumulate in f32 and the result converts back; integer
   * and pred tensors give an f32 mean.
   */
  public static Tensor meanAxes(Tensor x, int... axes) {
    int[] a = x.axes("mean", axes);
    long n = 1;
    for (int i : a) {
      n *= x.dim(i);
    }
    if (x.dtype().kind() != DType.Kind.FLOAT) {
      // jnp.mean of integers and booleans is a float32 mean (an integer mean would truncate, and overflow)
      return x.convert(DType.F32).sum(a).div((double) n);
    }
    boolean upcast = isHalf(x.dtype());
    Tensor xs = upcast ? x.convert(DType.F32) : x;
    Tensor m = xs.sum(a).div((double) n);
    return upcast ? m.convert(x.dtype()) : m;
  }

  static boolean isHalf(DType t) {
    return t == DType.BF16 || t == DType.F16;
  }

  /**
   * Population variance {@code mean((x - mean(x))^2)} over {@code axes}; f16/bf16 are computed in f32 and the
   * result converted back, as {@code jnp.var} does.
   */
  public static Tensor variance(Tensor x, int... axes) {
    int[] a = x.axes("variance", axes);
    if (isHalf(x.dtype())) {
      return variance(x.convert(DType.F32), a).convert(x.dtype());
    }
    Tensor c = x.sub(expandBack(meanAxes(x, a), x, a));
    return meanAxes(c.mul(c), a);
  }

  /**
   * Flax {@code nn.LayerNorm} over the last axis: {@code mean}, {@code var = max(0, mean(x^2) - mean^2)},
   * {@code (x - mean) * rsqrt(var + eps) * scale + bias}; {@code scale}/{@code bias} (shape: last dim, x's dtype)
   * may be null. f16/bf16 inputs are normalised in f32 and the result converted back, as Flax computes.
   */
  public static Tensor layerNorm(Tensor x, Tensor scale, Tensor bias, double eps) {
    for (Tensor p : new Tensor[] {scale, bias}) {
      if (p != null && p.dtype() != x.dtype()) {
        throw new IllegalArgumentException("layer_norm requires scale and bias of the input's dtype, got "
            + x.dtype().xlaName() + " and " + p.dtype().xlaName() + Graph.where(Graph.callerLocation()));
      }
    }
    if (isHalf(x.dtype())) {
      return layerNorm(x.convert(DType.F32), scale == null ? null : scale.convert(DType.F32),
          bias == null ? null : bias.convert(DType.F32), eps).convert(x.dtype());
    }
    int[] a = {x.rank() - 1};
    Tensor mean = meanAxes(x, a);
    Tensor mean2 = meanAxes(x.mul(x), a);
    Tensor var = mean2.sub(mean.mul(mean)).maximum(0.0);
    Tensor y = x.sub(expandBack(mean, x, a)).mul(expandBack(var.add(eps).rsqrt(), x, a));
    if (scale != null) {
      y = y.mul(scale);
    }
    if (bias != null) {
      y = y.add(bias);
    }
    return y;
  }

  /** RMSNorm over the last axis: {@code x * rsqrt(mean(x^2) + eps) * scale} ({@code scale} may be null). */
  public static Tensor rmsNorm(Tensor x, Tensor scale, double eps) {
    int[] a = {x.rank() - 1};
    Tensor ms = meanAxes(x.mul(x), a);
    Tensor y = x.mul(expandBack(ms.add(eps).rsqrt(), x, a));
    return scale == null ? y : y.mul(scale);
  }

  /** {@code indices[..., None] == arange(n)} as {@code dtype} (out-of-range indices give all zeros). */
  public static Tensor oneHot(Tensor indices, int n, DType dtype) {
    if (!indices.dtype().isInteger()) {
      throw new IllegalArgumentException("one_hot requires integer indices, got " + indices.dtype().xlaName()
          + Graph.where(Graph.callerLocation()));
    }
    long[] shape = java.util.Arrays.copyOf(indices.dims(), indices.rank() + 1);
    shape[indices.rank()] = n;
    Tensor iota = indices.graph().iota(Shape.of(indices.dtype(), shape), indices.rank());
    return indices.expandDims(-1).eq(iota).convert(dtype);
  }
}
