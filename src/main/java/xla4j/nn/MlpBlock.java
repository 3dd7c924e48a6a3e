package xla4j.nn;

import xla4j.dsl.Composites;
import xla4j.dsl.Tensor;

/**
 * big_vision's {@code MlpBlock}: {@code Dense_0} (to mlp_dim, default 4 * width), GELU (Flax's default, the tanh
 * approximation), {@code Dense_1} (back to width); dropout is off at inference. Kernels xavier_uniform, biases
 * normal(1e-6).
 */
public final class MlpBlock {
  private MlpBlock() {}

  /** {@code mlpDim <= 0} means 4 * width. */
  public static Tensor apply(Scope s, Tensor x, long mlpDim) {
    long d = x.dim(-1);
    long hidden = mlpDim > 0 ? mlpDim : 4 * d;
    Tensor h = Dense.apply(s.child("Dense_0"), x, hidden, Init.xavierUniform(), Init.normal(1e-6));
    h = Composites.gelu(h, true);
    return Dense.apply(s.child("Dense_1"), h, d, Init.xavierUniform(), Init.normal(1e-6));
  }
}
