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
    Tensor y = LayerNorm.apply(s.child("LayerNorm_0"), x);
    y = MultiHeadDotProductAttention.apply(s.child("MultiHeadDotProductAttention_0"), y, y, numHeads);
    put(out, "sa", y);
    x = x.add(y);
    put(out, "+sa", x);
    y = LayerNorm.apply(s.child("LayerNorm_1"), x);
    y = MlpBlock.apply(s.child("MlpBlock_0"), y, mlpDim);
    put(out, "mlp", y);
    x = x.add(y);
    put(out, "+mlp", x);
    return x;
  }

  static void put(Map<String, Tensor> out, String key, Tensor t) {
    if (out != null) {
      out.put(key, t);
    }
  }
}
