package xla4j.nn;

import xla4j.dsl.Ops;
import xla4j.dsl.Tensor;

/**
 * Flax {@code nn.Dense}: {@code x @ kernel + bias} over the last axis; parameters {@code kernel} (in, features)
 * and {@code bias} (features).
 */
public final class Dense {
  private final Tensor kernel;
  private final Tensor bias;

  private Dense(Tensor kernel, Tensor bias) {
    this.kernel = kernel;
    this.bias = bias;
  }

  /**
   * Declares the layer's parameters for inputs of width {@code in}, to be applied to one or more inputs (as a Flax
   * module called twice shares its parameters).
   */
  public static Dense declare(Scope s, long in, long features, Init kernelInit, Init biasInit) {
    return new Dense(s.param("kernel", new long[] {in, features}, kernelInit),
        s.param("bias", new long[] {features}, biasInit));
  }

  /** Dense with Flax's default initializers (lecun_normal kernel, zero bias). */
  public static Tensor apply(Scope s, Tensor x, long features) {
    return apply(s, x, features, Init.lecunNormal(), Init.zeros());
  }

  /**
   * {@code x @ kernel + bias} over the last axis of {@code x} with parameters {@code kernel} (D, features) and {@code
   * bias} (features,) under scope {@code s}; the result is {@code x}'s shape with the last dimension {@code features}.
   */
  public static Tensor apply(Scope s, Tensor x, long features, Init kernelInit, Init biasInit) {
    return declare(s, x.dim(-1), features, kernelInit, biasInit).apply(x);
  }

  /** {@code x @ kernel + bias} over the last axis of {@code x}. */
  public Tensor apply(Tensor x) {
    int last = x.rank() - 1;
    return dot(x, kernel, new int[] {last}, new int[] {0}).add(bias);
  }

  /**
   * {@code dot_general} contracting {@code lhsDims} with {@code rhsDims}, in the operands' dtype; bf16 operands
   * accumulate in f32 ({@code preferred_element_type} f32, as a TPU's MXU) and the result is rounded to bf16 once:
   * XLA:CPU runs that form several times faster than a bf16-result dot.
   */
  public static Tensor dot(Tensor lhs, Tensor rhs, int[] lhsDims, int[] rhsDims) {
    if (lhs.dtype() == xla4j.array.DType.BF16 && rhs.dtype() == xla4j.array.DType.BF16) {
      return Ops.dotGeneral(lhs, rhs).contract(lhsDims, rhsDims).resultType(xla4j.array.DType.F32).build()
          .convert(xla4j.array.DType.BF16);
    }
    return Ops.dotGeneral(lhs, rhs).contract(lhsDims, rhsDims).build();
  }
}
