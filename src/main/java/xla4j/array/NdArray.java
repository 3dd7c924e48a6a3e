package xla4j.array;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An immutable n-dimensional array on the Java heap: a {@link DType}, a shape and the elements in
 * row-major (C) order, stored little-endian in a {@link ByteBuffer}.
 *
 * <p>The common currency between files ({@code xla4j.io}), devices ({@code xla4j.pjrt}) and graphs
 * (constants). Factories copy their input; {@link #data()} returns a read-only view.
 */
public final class NdArray {
  private final DType dtype;
  private final long[] shape;
  private final ByteBuffer data;

  private NdArray(DType dtype, long[] shape, ByteBuffer data) {
    this.dtype = dtype;
    this.shape = shape;
    this.data = data;
  }

  /**
   * Wraps a copy of {@code bytes} (little-endian, row-major) as an array of the given type and shape.
   * {@link DType#PRED} bytes are normalised to 0 or 1 (any non-zero byte is true, as in NumPy), so a file's
   * stray 2 or 255 never reaches a device.
   */
  public static NdArray fromBytes(DType dtype, long[] shape, ByteBuffer bytes) {
    long[] s = checkShape(shape, dtype.byteSize());
    long need = numElements(s) * dtype.byteSize();
    if (bytes.remaining() != need) {
      throw new IllegalArgumentException("NdArray " + dtype.xlaName() + Arrays.toString(s) + " needs "
          + need + " bytes, got " + bytes.remaining());
    }
    ByteBuffer copy = ByteBuffer.allocate((int) need).order(ByteOrder.LITTLE_ENDIAN);
    copy.put(bytes.duplicate()).flip();
    if (dtype == DType.PRED) {
      for (int i = 0; i < copy.limit(); i++) {
        if (copy.get(i) != 0) {
          copy.put(i, (byte) 1);
        }
      }
    }
    return new NdArray(dtype, s, copy);
  }

  /** An array of zeros. */
  public static NdArray zeros(DType dtype, long... shape) {
    long[] s = checkShape(shape, dtype.byteSize());
    long n = numElements(s) * dtype.byteSize();
    return new NdArray(dtype, s, ByteBuffer.allocate((int) n).order(ByteOrder.LITTLE_ENDIAN));
  }

  /**
   * An {@link DType#F32} array; throws {@code IllegalArgumentException} unless the shape has {@code values.length}
   * elements.
   */
  public static NdArray of(float[] values, long... shape) {
    ByteBuffer b = alloc(values.length, 4, shape);
    b.asFloatBuffer().put(values);
    return new NdArray(DType.F32, shape.clone(), b);
  }

  /**
   * An {@link DType#F64} array; throws {@code IllegalArgumentException} unless the shape has {@code values.length}
   * elements.
   */
  public static NdArray of(double[] values, long... shape) {
    ByteBuffer b = alloc(values.length, 8, shape);
    b.asDoubleBuffer().put(values);
    return new NdArray(DType.F64, shape.clone(), b);
  }

  /**
   * An {@link DType#S32} array; throws {@code IllegalArgumentException} unless the shape has {@code values.length}
   * elements.
   */
  public static NdArray of(int[] values, long... shape) {
    ByteBuffer b = alloc(values.length, 4, shape);
    b.asIntBuffer().put(values);
    return new NdArray(DType.S32, shape.clone(), b);
  }

  /**
   * An {@link DType#S64} array; throws {@code IllegalArgumentException} unless the shape has {@code values.length}
   * elements.
   */
  public static NdArray of(long[] values, long... shape) {
    ByteBuffer b = alloc(values.length, 8, shape);
    b.asLongBuffer().put(values);
    return new NdArray(DType.S64, shape.clone(), b);
  }

  /**
   * An {@link DType#S16} array; throws {@code IllegalArgumentException} unless the shape has {@code values.length}
   * elements.
   */
  public static NdArray of(short[] values, long... shape) {
    ByteBuffer b = alloc(values.length, 2, shape);
    b.asShortBuffer().put(values);
    return new NdArray(DType.S16, shape.clone(), b);
  }

  /** An {@link DType#S8} array. */
  public static NdArray of(byte[] values, long... shape) {
    ByteBuffer b = alloc(values.length, 1, shape);
    b.put(values).flip();
    return new NdArray(DType.S8, shape.clone(), b);
  }

  /** A {@link DType#PRED} array (one byte per element, 0 or 1). */
  public static NdArray of(boolean[] values, long... shape) {
    ByteBuffer b = alloc(values.length, 1, shape);
    for (boolean v : values) {
      b.put((byte) (v ? 1 : 0));
    }
    b.flip();
    return new NdArray(DType.PRED, shape.clone(), b);
  }

  /**
   * Converts float values into any numeric dtype (rounding to nearest-even for bf16/f16, truncating
   * toward zero for integers, as a C cast does). Handy for building bf16/f16 and integer test data.
   */
  public static NdArray fromFloats(DType dtype, float[] values, long... shape) {
    NdArray out = zeros(dtype, shape);
    if (values.length != out.size()) {
      throw new IllegalArgumentException("NdArray shape " + Arrays.toString(shape) + " has " + out.size()
          + " elements, got " + values.length + " values");
    }
    for (int i = 0; i < values.length; i++) {
      out.putDouble(i, values[i]);
    }
    return out;
  }

  /** Scalar (rank 0) f32. */
  public static NdArray scalar(float v) {
    return of(new float[] {v});
  }

  /** The element type. */
  public DType dtype() {
    return dtype;
  }

  /** A copy of the dimensions. */
  public long[] shape() {
    return shape.clone();
  }

  /** Number of dimensions (0 for a scalar). */
  public int rank() {
    return shape.length;
  }

  /** Number of elements. */
  public long size() {
    return numElements(shape);
  }

  /** Size of the elements in bytes ({@link #size()} times the dtype's byte size). */
  public long byteSize() {
    return (long) data.capacity();
  }

  /** Read-only little-endian view of the elements, positioned at 0. */
  public ByteBuffer data() {
    return data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Element {@code i} (row-major) as a double, from any dtype. */
  public double getDouble(long i) {
    int at = Math.toIntExact(i * dtype.byteSize());
    switch (dtype) {
      case PRED: return data.get(at) != 0 ? 1 : 0;
      case S8: return data.get(at);
      case U8: return data.get(at) & 0xff;
      case S16: return data.getShort(at);
      case U16: return data.getShort(at) & 0xffff;
      case S32: return data.getInt(at);
      case U32: return data.getInt(at) & 0xffffffffL;
      case S64: return data.getLong(at);
      case U64: {
        long v = data.getLong(at);
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
      }
      case F16: return HalfFloats.f16ToFloat(data.getShort(at));
      case BF16: return HalfFloats.bf16ToFloat(data.getShort(at));
      case F32: return data.getFloat(at);
      case F64: return data.getDouble(at);
      default: throw new AssertionError(dtype);
    }
  }

  /** Element {@code i} as a long (integers exactly, floats truncated toward zero). */
  public long getLong(long i) {
    int at = Math.toIntExact(i * dtype.byteSize());
    switch (dtype) {
      case S64:
      case U64: return data.getLong(at);
      case U32: return data.getInt(at) & 0xffffffffL;
      default: return (long) getDouble(i);
    }
  }

  /** All elements as floats (converted from any dtype). */
  public float[] toFloatArray() {
    float[] out = new float[Math.toIntExact(size())];
    if (dtype == DType.F32) {
      data().asFloatBuffer().get(out);
      return out;
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) getDouble(i);
    }
    return out;
  }

  /** All elements as doubles (converted from any dtype). */
  public double[] toDoubleArray() {
    double[] out = new double[Math.toIntExact(size())];
    for (int i = 0; i < out.length; i++) {
      out[i] = getDouble(i);
    }
    return out;
  }

  /** All elements as ints; requires an integer or pred dtype of at most 32 bits. */
  public int[] toIntArray() {
    if (!(dtype.isInteger() || dtype == DType.PRED) || dtype.byteSize() > 4) {
      throw new IllegalStateException("toIntArray needs an integer dtype of <= 32 bits, got " + dtype.xlaName());
    }
    int[] out = new int[Math.toIntExact(size())];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) getLong(i);
    }
    return out;
  }

  /** All elements as longs; requires an integer or pred dtype. */
  public long[] toLongArray() {
    if (!(dtype.isInteger() || dtype == DType.PRED)) {
      throw new IllegalStateException("toLongArray needs an integer dtype, got " + dtype.xlaName());
    }
    long[] out = new long[Math.toIntExact(size())];
    for (int i = 0; i < out.length; i++) {
      out[i] = getLong(i);
    }
    return out;
  }

  /** All elements as booleans (non-zero is true). */
  public boolean[] toBooleanArray() {
    boolean[] out = new boolean[Math.toIntExact(size())];
    for (int i = 0; i < out.length; i++) {
      out[i] = getDouble(i) != 0;
    }
    return out;
  }

  /** The same elements with another shape of equal size. */
  public NdArray reshape(long... newShape) {
    long[] s = checkShape(newShape, dtype.byteSize());
    if (numElements(s) != size()) {
      throw new IllegalArgumentException("reshape of " + Arrays.toString(shape) + " (" + size()
          + " elements) to " + Arrays.toString(s) + " (" + numElements(s) + " elements)");
    }
    return new NdArray(dtype, s, data);
  }

  /** Converts every element to {@code target} (see {@link #fromFloats} for the rounding rules). */
  public NdArray astype(DType target) {
    if (target == dtype) {
      return this;
    }
    NdArray out = zeros(target, shape);
    long n = size();
    if (target.isInteger() && dtype.isInteger()) {
      for (long i = 0; i < n; i++) {
        out.putLong(i, getLong(i));
      }
    } else if (target == DType.F32) {
      out.data.asFloatBuffer().put(toFloatArray());
    } else {
      for (long i = 0; i < n; i++) {
        out.putDouble(i, getDouble(i));
      }
    }
    return out;
  }

  // Only used on freshly allocated arrays inside factories, before the array escapes.
  private void putDouble(long i, double v) {
    int at = Math.toIntExact(i * dtype.byteSize());
    switch (dtype) {
      case PRED: data.put(at, (byte) (v != 0 ? 1 : 0)); break;
      case F16: data.putShort(at, HalfFloats.floatToF16((float) v)); break;
      case BF16: data.putShort(at, HalfFloats.floatToBf16((float) v)); break;
      case F32: data.putFloat(at, (float) v); break;
      case F64: data.putDouble(at, v); break;
      default: putLong(i, (long) v);
    }
  }

  private void putLong(long i, long v) {
    int at = Math.toIntExact(i * dtype.byteSize());
    switch (dtype.byteSize()) {
      case 1: data.put(at, (byte) v); break;
      case 2: data.putShort(at, (short) v); break;
      case 4: data.putInt(at, (int) v); break;
      default: data.putLong(at, v);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NdArray && ((NdArray) o).dtype == dtype && Arrays.equals(((NdArray) o).shape, shape)
        && ((NdArray) o).data.equals(data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + data.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(dtype.xlaName()).append(Arrays.toString(shape)).append(' ');
    long n = Math.min(size(), 8);
    sb.append('[');
    for (long i = 0; i < n; i++) {
      sb.append(i > 0 ? ", " : "").append(dtype.isFloating() ? Double.toString(getDouble(i)) : Long.toString(getLong(i)));
    }
    return sb.append(size() > n ? ", ...]" : "]").toString();
  }

  /** Product of dimensions; an {@link ArithmeticException} if it overflows a {@code long}. */
  public static long numElements(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  private static long[] checkShape(long[] shape, int elementBytes) {
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("NdArray dimensions must be >= 0, got " + Arrays.toString(shape));
      }
    }
    long bytes;
    try {
      bytes = Math.multiplyExact(numElements(shape), elementBytes);
    } catch (ArithmeticException e) {
      bytes = Long.MAX_VALUE;
    }
    if (bytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("NdArray of shape " + Arrays.toString(shape) + " and " + elementBytes
          + "-byte elements is too large for one Java buffer (2 GiB); stream such tensors instead");
    }
    return shape.clone();
  }

  private static ByteBuffer alloc(int count, int width, long[] shape) {
    long n = numElements(checkShape(shape, width));
    if (n != count) {
      throw new IllegalArgumentException("NdArray shape " + Arrays.toString(shape) + " has " + n
          + " elements, got " + count + " values");
    }
    return ByteBuffer.allocate(count * width).order(ByteOrder.LITTLE_ENDIAN);
  }
}
