package xla4j.nn;

import xla4j.array.DType;
import xla4j.dsl.Ops;
import xla4j.dsl.Shape;
import xla4j.dsl.Tensor;

/**
 * Attention masks, built in one place: boolean (B, T, S) tensors, true where query t may attend to key s.
 *
 * <p>{@link #fromMaskAr} is big_vision's {@code make_attn_mask(input_mask, mask_ar)}: a token attends to every valid
 * token whose cumulative {@code mask_ar} count is not larger than its own. All-ones {@code mask_ar} is the causal
 * mask; zeros over a prefix and ones after it is the prefix-LM mask (full attention inside the prefix, causal
 * after). {@link #slidingWindow} restricts a mask to keys less than {@code window} positions back (Gemma 2's local
 * layers); {@link #cache} is the mask of a decode step over a KV cache.
 */
public final class AttentionMask {
  private AttentionMask() {}

  /**
   * big_vision's {@code make_attn_mask}: {@code cumsum(mask_ar)[s] <= cumsum(mask_ar)[t]} and both tokens valid.
   *
   * @param inputMask (B, T) pred: which tokens are real (false for padding)
   * @param maskAr (B, T) integer: 1 where a token starts a new causal step, 0 where it joins the previous block
   * @return (B, T, T) pred
   */
  public static Tensor fromMaskAr(Tensor inputMask, Tensor maskAr) {
    if (inputMask.rank() != 2 || inputMask.dtype() != DType.PRED || !java.util.Arrays.equals(maskAr.dims(),
        inputMask.dims()) || !maskAr.dtype().isInteger()) {
      throw new IllegalArgumentException("make_attn_mask requires input_mask (B, T) pred and mask_ar (B, T) integer, "
          + "got " + inputMask.shape() + " and " + maskAr.shape());
    }
    long b = inputMask.dim(0);
    long t = inputMask.dim(1);
    Tensor cum = Ops.cumsum(maskAr.convert(DType.S32), 1);
    Tensor attn = cum.reshape(b, 1, t).le(cum.reshape(b, t, 1));
    Tensor valid = inputMask.reshape(b, t, 1).and(inputMask.reshape(b, 1, t));
    return attn.and(valid);
  }

  /** The causal mask of (B, T) valid tokens: {@link #fromMaskAr} with all-ones {@code mask_ar}. */
  public static Tensor causal(Tensor inputMask) {
    Tensor ones = inputMask.graph().full(Shape.of(DType.S32, inputMask.dims()), 1);
    return fromMaskAr(inputMask, ones);
  }

  /**
   * {@code mask} restricted to keys fewer than {@code window} positions before the query:
   * {@code queryPositions[t] - keyPositions[s] < window}.
   *
   * @param queryPositions (B, T) integer
   * @param keyPositions (B, S) integer
   */
  public static Tensor slidingWindow(Tensor mask, Tensor queryPositions, Tensor keyPositions, long window) {
    if (window <= 0) {
      throw new IllegalArgumentException("sliding window requires window > 0, got " + window);
    }
    long b = mask.dim(0);
    Tensor q = queryPositions.convert(DType.S32).reshape(b, queryPositions.dim(1), 1);
    Tensor k = keyPositions.convert(DType.S32).reshape(b, 1, keyPositions.dim(1));
    return mask.and(q.sub(k).lt((double) window));
  }

  /**
   * {@link #slidingWindow} over a sequence that may begin with a full-attention prefix (big_vision's
   * {@code mask_ar} 0): a query sees a key fewer than {@code window} positions back, or any key when both are real
   * tokens of that prefix, as Hugging Face's PaliGemma 2 applies Gemma 2's local layers (the window never splits the
   * image and prompt block).
   *
   * @param positions (B, T) integer, queries' and keys' positions alike
   * @param inputMask (B, T) pred
   * @param maskAr (B, T) integer
   */
  public static Tensor slidingWindowOutsidePrefix(Tensor mask, Tensor positions, Tensor inputMask, Tensor maskAr,
      long window) {
    long b = inputMask.dim(0);
    long t = inputMask.dim(1);
    Tensor prefix = inputMask.and(Ops.cumsum(maskAr.convert(DType.S32), 1).eq(0.0));
    Tensor both = prefix.reshape(b, t, 1).and(prefix.reshape(b, 1, t));
    return slidingWindow(mask, positions, positions, window).or(mask.and(both.reshape(mask.dims())));
  }

  /**
   * The mask of one decode step over a KV cache of {@code cacheSize} slots: slot s is visible iff
   * {@code start[b] <= s <= slot} (slots before {@code start} are left padding, slots after {@code slot} are not
   * written yet).
   *
   * @param start (B,) integer, the first valid slot of each row
   * @param slot () integer, the slot this step writes
   * @return (B, 1, cacheSize) pred
   */
  public static Tensor cache(Tensor start, Tensor slot, long cacheSize) {
    long b = start.dim(0);
    Tensor s = start.graph().iota(Shape.of(DType.S32, b, 1, cacheSize), 2);
    Tensor lo = start.convert(DType.S32).reshape(b, 1, 1);
    Tensor hi = slot.convert(DType.S32).reshape(1, 1, 1);
    return s.ge(lo).and(s.le(hi));
  }
}
