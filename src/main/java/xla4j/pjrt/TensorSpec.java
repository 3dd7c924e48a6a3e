package xla4j.pjrt;

import java.util.Arrays;
import java.util.Objects;
import xla4j.array.DType;
import xla4j.array.NdArray;

/** An element type and dimensions, e.g. {@code f32[2,3]}. Immutable. */
public final class TensorSpec {
  private final DType dtype;
  private final long[] dims;
  private final long numElements;
  private final long byteSize;

  private TensorSpec(DType dtype, long[] dims) {
    this.dtype = Objects.requireNonNull(dtype, "dtype");
    this.dims = dims.clone();
    for (long d : this.dims) {
      if (d < 0) {
        throw new IllegalArgumentException("TensorSpec dimensions must be >= 0, got " + Arrays.toString(dims));
      }
    }
    try {
      long n = 1;
      for (long d : this.dims) {
        n = Math.multiplyExact(n, d);
      }
      this.numElements = n;
      this.byteSize = Math.multiplyExact(n, (long) dtype.byteSize());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("TensorSpec requires a size of at most " + Long.MAX_VALUE + " bytes, got "
          + notation(dtype, this.dims) + " (overflows a long)");
    }
  }

  /**
   * A spec of {@code dtype} and {@code dims}; throws {@code IllegalArgumentException} for a negative dimension or a
   * byte size that overflows a long.
   */
  public static TensorSpec of(DType dtype, long... dims) {
    return new TensorSpec(dtype, dims);
  }

  /** The spec of {@code array}'s dtype and shape. */
  public static TensorSpec of(NdArray array) {
    return new TensorSpec(array.dtype(), array.shape());
  }

  /** Parses {@link #toString()}'s form, e.g. {@code f32[2,3]} or {@code s32[]}. */
  public static TensorSpec parse(String s) {
    int open = s.indexOf('[');
    if (open < 0 || !s.endsWith("]")) {
      throw new IllegalArgumentException("tensor spec must look like f32[2,3], got '" + s + "'");
    }
    DType t = DType.fromXlaName(s.substring(0, open).trim());
    String inner = s.substring(open + 1, s.length() - 1).trim();
    long[] dims = inner.isEmpty() ? new long[0]
        : Arrays.stream(inner.split(",")).mapToLong(x -> Long.parseLong(x.trim())).toArray();
    return new TensorSpec(t, dims);
  }

  /** The element type. */
  public DType dtype() {
    return dtype;
  }

  /** A copy of the dimensions. */
  public long[] dims() {
    return dims.clone();
  }

  /** Number of dimensions. */
  public int rank() {
    return dims.length;
  }

  /** Product of the dimensions. */
  public long numElements() {
    return numElements;
  }

  /** Dense size in bytes: {@code numElements() * dtype().byteSize()}. */
  public long byteSize() {
    return byteSize;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSpec && ((TensorSpec) o).dtype == dtype && Arrays.equals(((TensorSpec) o).dims, dims);
  }

  @Override
  public int hashCode() {
    return 31 * dtype.hashCode() + Arrays.hashCode(dims);
  }

  /** XLA's notation: {@code f32[2,3]}. */
  @Override
  public String toString() {
    return notation(dtype, dims);
  }

  private static String notation(DType dtype, long[] dims) {
    StringBuilder sb = new StringBuilder(dtype.xlaName()).append('[');
    for (int i = 0; i < dims.length; i++) {
      sb.append(i > 0 ? "," : "").append(dims[i]);
    }
    return sb.append(']').toString();
  }
}
