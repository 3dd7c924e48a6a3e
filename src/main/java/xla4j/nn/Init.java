package xla4j.nn;

import java.util.Optional;
import java.util.SplittableRandom;
import xla4j.array.DType;
import xla4j.array.NdArray;

/**
 * A parameter initializer, named and parameterised as Flax's {@code jax.nn.initializers} that big_vision uses.
 * Random initialisation follows the same distributions (not the same bits: JAX's threefry streams are not
 * reproduced).
 */
public interface Init {
  /** Draws an array of the given shape. {@code fanIn}/{@code fanOut} are those Flax would use for it. */
  NdArray sample(DType dtype, long[] shape, long fanIn, long fanOut, SplittableRandom rng);

  /**
   * What a user should be told when parameters are drawn with this initializer, e.g. that a zero-initialised
   * classifier head makes every logit 0; {@link Params#random} logs it at WARN. Empty for the plain initializers.
   */
  default Optional<String> caveat() {
    return Optional.empty();
  }

  /** This initializer (the same values) with {@code caveat} to be logged whenever random parameters use it. */
  default Init withCaveat(String caveat) {
    if (caveat == null || caveat.isBlank()) {
      throw new IllegalArgumentException("withCaveat requires a non-blank caveat, got '" + caveat + "'");
    }
    Init self = this;
    return new Init() {
      @Override
      public NdArray sample(DType dtype, long[] shape, long fanIn, long fanOut, SplittableRandom rng) {
        return self.sample(dtype, shape, fanIn, fanOut, rng);
      }

      @Override
      public Optional<String> caveat() {
        return Optional.of(caveat);
      }
    };
  }

  /** All zeros ({@code nn.initializers.zeros}). */
  static Init zeros() {
    return (dtype, shape, fanIn, fanOut, rng) -> NdArray.zeros(dtype, shape);
  }

  /** All ones ({@code nn.initializers.ones}, LayerNorm scales). */
  static Init ones() {
    return constant(1.0);
  }

  /** Every element {@code value} ({@code nn.initializers.constant}). */
  static Init constant(double value) {
    return (dtype, shape, fanIn, fanOut, rng) -> fill(dtype, shape, i -> value);
  }

  /** Normal with the given standard deviation ({@code nn.initializers.normal(stddev)}). */
  static Init normal(double stddev) {
    return (dtype, shape, fanIn, fanOut, rng) -> fill(dtype, shape, i -> rng.nextGaussian() * stddev);
  }

  /** Glorot uniform: U(-a, a) with a = sqrt(6 / (fan_in + fan_out)) ({@code xavier_uniform}). */
  static Init xavierUniform() {
    return (dtype, shape, fanIn, fanOut, rng) -> {
      double a = Math.sqrt(6.0 / (fanIn + fanOut));
      return fill(dtype, shape, i -> (rng.nextDouble() * 2 - 1) * a);
    };
  }

  /**
   * LeCun normal: truncated normal (at 2 sigma) with variance 1 / fan_in, Flax's default for Dense and Conv
   * kernels ({@code lecun_normal}).
   */
  static Init lecunNormal() {
    return (dtype, shape, fanIn, fanOut, rng) -> {
      // 0.87962566103423978 is the stddev of a standard normal truncated to [-2, 2], as in JAX.
      double std = Math.sqrt(1.0 / fanIn) / 0.87962566103423978;
      return fill(dtype, shape, i -> {
        double v;
        do {
          v = rng.nextGaussian();
        } while (Math.abs(v) > 2);
        return v * std;
      });
    };
  }

  private static NdArray fill(DType dtype, long[] shape, java.util.function.LongToDoubleFunction f) {
    long n = NdArray.numElements(shape);
    float[] values = new float[Math.toIntExact(n)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) f.applyAsDouble(i);
    }
    return NdArray.fromFloats(dtype, values, shape);
  }
}
