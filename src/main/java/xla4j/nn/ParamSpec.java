package xla4j.nn;

import java.util.Arrays;
import xla4j.array.DType;

/**
 * A model parameter as a checkpoint knows it: its full name ({@code encoderblock_0/LayerNorm_0/scale}, as
 * big_vision / Flax flatten it with '/'), dtype, shape and the initializer used for random initialisation.
 */
public record ParamSpec(String name, DType dtype, long[] shape, Init init) {
  /** Copies the shape. */
  public ParamSpec {
    shape = shape.clone();
  }

  /** A copy of the dimensions. */
  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** Number of elements. */
  public long size() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParamSpec p && p.name.equals(name) && p.dtype == dtype && Arrays.equals(p.shape, shape);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + ": " + dtype.xlaName() + Arrays.toString(shape);
  }
}
