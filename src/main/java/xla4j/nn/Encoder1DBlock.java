package xla4j.nn;

import java.util.Map;
import xla4j.dsl.Tensor;

/**
 * big_vision's pre-norm transformer block: {@code x + MHA(LN(x))}, then {@code x + MLP(LN(x))}. Parameters
 * {@code LayerNorm_0}, {@code MultiHeadDotProductAttention_0}, {@code LayerNorm_1}, {@code MlpBlock_0}.
 * Named intermediates as big_vision's {@code out}: {@code sa}, {@code +sa}, {@code mlp}, {@code +mlp}.
 */
public final class Encoder1DBlock {
  private Encoder1DBlock() {}

  /**
   * The block applied to tokens (B, N, D) under scope {@code s}; returns (B, N, D) and, when {@code out} is not null,
   * puts the named intermediates into it.
   */
  public static Tensor apply(Scope s, Tensor x, int numHeads, long mlpDim, Map<String, Tensor> out) {
    return apply(s, x, numHeads, "MultiHeadDotProductAttention_0",
        y -> MlpBlock.apply(s.child("MlpBlock_0"), y, mlpDim), out);
  }

  /**
   * The same pre-norm block with the attention under scope {@code attention} (vision_transformer and vmoe name it
   * {@code SelfAttention}) and the MLP part given as {@code mlp}, applied to {@code LN(x)} (a dense MLP, or a mixture
   * of experts): {@code x + MHA(LN_0(x))}, then {@code x + mlp(LN_1(x))}.
   */
  public static Tensor apply(Scope s, Tensor x, int numHeads, String attention,
      java.util.function.UnaryOperator<Tensor> mlp, Map<String, Tensor> out) {
    Tensor y = LayerNorm.apply(s.child("LayerNorm_0"), x);
    y = MultiHeadDotProductAttention.apply(s.child(attention), y, y, numHeads);
    put(out, "sa", y);
    x = x.add(y);
    put(out, "+sa", x);
    y = LayerNorm.apply(s.child("LayerNorm_1"), x);
    y = mlp.apply(y);
    put(out, "mlp", y);
    x = x.add(y);
    put(out, "+mlp", x);
    return x;
  }

  /** Puts {@code t} under {@code key} when {@code out} is not null. */
  public static void put(Map<String, Tensor> out, String key, Tensor t) {
    if (out != null) {
      out.put(key, t);
    }
  }
}
