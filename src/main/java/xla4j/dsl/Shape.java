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

  public static Shape scalar(DType dtype) {
    return of(dtype);
  }

  static Shape of(TensorType t) {
    return new Shape(t.dtype(), t.dims());
  }

  public DType dtype() {
    return dtype;
  }

  public long[] dims() {
    return dims.clone();
  }

  public long dim(int axis) {
    return dims[axis];
  }

  public int rank() {
    return dims.length;
  }

  public long numElements() {
    long n = 1;
    for (long d : dims) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  public Shape withDType(DType other) {
    return new Shape(other, dims);
  }

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
