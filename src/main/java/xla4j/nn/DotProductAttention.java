package xla4j.nn;

import java.util.OptionalDouble;
import xla4j.array.DType;
import xla4j.dsl.Ops;
import xla4j.dsl.Tensor;

/**
 * Grouped-query dot-product attention ({@code big_vision/models/ppp/gemma.py} {@code Attention}, after the
 * projections): N query heads in K groups of G = N / K share one key/value head (MHA: K = N; MQA: K = 1). Logits are
 * accumulated in f32, optionally soft-capped ({@code tanh(l / c) * c}), masked with big_vision's {@code big_neg},
 * normalised by a softmax in f32, and the probabilities are converted to the values' dtype.
 *
 * <p>Axis letters as big_vision: B batch, T queries, S keys, N query heads, K key/value heads, G = N / K, H head dim.
 */
public final class DotProductAttention {
  /** The logit of a masked position (big_vision and Google's {@code gemma}: a bit above f32's lowest). */
  public static final double BIG_NEG = -2.3819763e38;

  private DotProductAttention() {}

  /**
   * @param q (B, T, N, H) queries, already scaled
   * @param k (B, K, S, H) keys
   * @param v (B, K, S, H) values
   * @param mask (B, T, S) pred, true where a query may attend to a key
   * @param softcap the attention-logit soft cap, if any
   * @return (B, T, N, H)
   */
  public static Tensor apply(Tensor q, Tensor k, Tensor v, Tensor mask, OptionalDouble softcap) {
    long b = q.dim(0);
    long t = q.dim(1);
    long n = q.dim(2);
    long h = q.dim(3);
    long kh = k.dim(1);
    long s = k.dim(2);
    if (q.rank() != 4 || k.rank() != 4 || !java.util.Arrays.equals(k.dims(), v.dims()) || k.dim(0) != b
        || k.dim(3) != h || n % kh != 0) {
      throw new IllegalArgumentException("attention requires q (B, T, N, H) and k, v (B, K, S, H) with N divisible by "
          + "K, got " + q.shape() + ", " + k.shape() + " and " + v.shape());
    }
    if (mask.rank() != 3 || mask.dim(0) != b || mask.dim(1) != t || mask.dim(2) != s || mask.dtype() != DType.PRED) {
      throw new IllegalArgumentException("attention requires a pred mask (" + b + ", " + t + ", " + s + "), got "
          + mask.shape());
    }
    DType out = v.dtype();
    if (out == DType.BF16 || out == DType.F16) {
      // half-precision batched dots are naive loops on XLA:CPU; the products are exact in f32 anyway
      q = q.convert(DType.F32);
      k = k.convert(DType.F32);
      v = v.convert(DType.F32);
    }
    long g = n / kh;
    Tensor q5 = q.reshape(b, t, kh, g, h);
    // (B, K, T, G, S): batch B and K, contract H
    Tensor logits = Ops.dotGeneral(q5, k).batch(new int[] {0, 2}, new int[] {0, 1})
        .contract(new int[] {4}, new int[] {3}).resultType(DType.F32).build();
    if (softcap.isPresent()) {
      double c = softcap.getAsDouble();
      logits = logits.div(c).tanh().mul(c);
    }
    Tensor m = mask.reshape(b, 1, t, 1, s).broadcastTo(logits.dims());
    logits = Ops.select(m, logits, logits.graph().full(logits.shape(), BIG_NEG));
    Tensor probs = logits.softmax(-1).convert(out).convert(v.dtype()); // rounded to the values' dtype, as big_vision
    // (B, K, T, G, H): batch B and K, contract S
    Tensor encoded = Ops.dotGeneral(probs, v).batch(new int[] {0, 1}, new int[] {0, 1})
        .contract(new int[] {4}, new int[] {2}).build();
    return encoded.transpose(0, 2, 1, 3, 4).reshape(b, t, n, h).convert(out);
  }
}
