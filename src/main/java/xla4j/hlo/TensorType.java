package xla4j.hlo;

import java.util.Arrays;
import java.util.StringJoiner;
import xla4j.array.DType;

/**
 * A ranked, statically shaped tensor type, printed as {@code tensor<2x3xf32>} (rank 0: {@code tensor<f32>}).
 *
 * <p>Immutable; the factory copies the dimensions in and {@link #dims()} copies them out.
 */
public final class TensorType {
  private final DType dtype;
  private final long[] dims;

  private TensorType(DType dtype, long[] dims) {
    this.dtype = dtype;
    this.dims = dims;
  }

  public static TensorType of(DType dtype, long... dims) {
    if (dtype == null) {
      throw new IllegalArgumentException("tensor type requires a dtype, got null");
    }
    for (long d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("tensor type requires non-negative dimensions, got "
            + Shapes.tuple(dims));
      }
    }
    return new TensorType(dtype, dims.clone());
  }

  /** Rank-0 tensor of {@code dtype}. */
  public static TensorType scalar(DType dtype) {
    return of(dtype);
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

  /** The same dims with another dtype. */
  public TensorType withDType(DType other) {
    return new TensorType(other, dims);
  }

  /** The same dtype with other dims. */
  public TensorType withDims(long... other) {
    return of(dtype, other);
  }

  /** MLIR element type name: {@code i1, i8..i64, ui8..ui64, f16, bf16, f32, f64}. */
  public static String elementTypeName(DType t) {
    switch (t) {
      case PRED: return "i1";
      case S8: return "i8";
      case S16: return "i16";
      case S32: return "i32";
      case S64: return "i64";
      case U8: return "ui8";
      case U16: return "ui16";
      case U32: return "ui32";
      case U64: return "ui64";
      default: return t.xlaName();
    }
  }

  /** {@code tensor<2x3xf32>}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("tensor<");
    for (long d : dims) {
      sb.append(d).append('x');
    }
    return sb.append(elementTypeName(dtype)).append('>').toString();
  }

  /** JAX-style short form used in error messages: {@code f32[2,3]}. */
  public String shortString() {
    StringJoiner j = new StringJoiner(",", dtype.xlaName() + "[", "]");
    for (long d : dims) {
      j.add(Long.toString(d));
    }
    return j.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorType && ((TensorType) o).dtype == dtype && Arrays.equals(((TensorType) o).dims, dims);
  }

  @Override
  public int hashCode() {
    return 31 * dtype.hashCode() + Arrays.hashCode(dims);
  }
}
