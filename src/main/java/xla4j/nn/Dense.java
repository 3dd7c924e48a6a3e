package xla4j.nn;

import xla4j.dsl.Ops;
import xla4j.dsl.Tensor;

/**
 * Flax {@code nn.Dense}: {@code x @ kernel + bias} over the last axis; parameters {@code kernel} (in, features)
 * and {@code bias} (features).
 */
public final class Dense {
  private Dense() {}

  /** Dense with Flax's default initializers (lecun_normal kernel, zero bias). */
  public static Tensor apply(Scope s, Tensor x, long features) {
    return apply(s, x, features, Init.lecunNormal(), Init.zeros());
  }

  public static Tensor apply(Scope s, Tensor x, long features, Init kernelInit, Init biasInit) {
    long in = x.dim(-1);
    Tensor kernel = s.param("kernel", new long[] {in, features}, kernelInit);
    Tensor bias = s.param("bias", new long[] {features}, biasInit);
    int last = x.rank() - 1;
    Tensor y = Ops.dotGeneral(x, kernel).contract(new int[] {last}, new int[] {0}).build();
    return y.add(bias);
  }
}
