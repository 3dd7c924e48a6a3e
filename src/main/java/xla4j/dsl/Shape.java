package xla4j.dsl;

import java.util.Arrays;
import java.util.StringJoiner;
import xla4j.array.DType;
import xla4j.hlo.TensorType;

/**
 * A tensor's element type and static dimensions; immutable, printed as XLA does ({@code f32[2,3]}).
 */
public final class Shape {
  private final DType dtype;
  private final long[] dims;

  private Shape(DType dtype, long[] dims) {
    this.dtype = dtype;
    this.dims = dims;
  }

  /**
   * A shape of {@code dtype} with {@code dims}; throws {@code IllegalArgumentException} for a null dtype or a negative
   * dimension.
   */
  public static Shape of(DType dtype, long... dims) {
    if (dtype == null) {
      throw new IllegalArgumentException("shape requires a dtype, got null");
    }
    for (long d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("shape requires non-negative dimensions, got " + Arrays.toString(dims));
      }
    }
    return new Shape(dtype, dims.clone());
  }

  /** A rank-0 shape of {@code dtype}. */
  public static Shape scalar(DType dtype) {
    return of(dtype);
  }

  static Shape of(TensorType t) {
    return new Shape(t.dtype(), t.dims());
  }

  /** The element type. */
  public DType dtype() {
    return dtype;
  }

  /** A copy of the dimensions. */
  public long[] dims() {
    return dims.clone();
  }

  /** The size of dimension {@code axis} (non-negative, not wrapped). */
  public long dim(int axis) {
    return dims[axis];
  }

  /** Number of dimensions. */
  public int rank() {
    return dims.length;
  }

  /** Product of the dimensions; throws {@code ArithmeticException} on long overflow. */
  public long numElements() {
    long n = 1;
    for (long d : dims) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** The same dimensions with element type {@code other}. */
  public Shape withDType(DType other) {
    return new Shape(other, dims);
  }

  /** The IR tensor type ({@code tensor<2x3xf32>}). */
  public TensorType toTensorType() {
    return TensorType.of(dtype, dims);
  }

  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(",", dtype.xlaName() + "[", "]");
    for (long d : dims) {
      j.add(Long.toString(d));
    }
    return j.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape && ((Shape) o).dtype == dtype && Arrays.equals(((Shape) o).dims, dims);
  }

  @Override
  public int hashCode() {
    return 31 * dtype.hashCode() + Arrays.hashCode(dims);
  }
}
