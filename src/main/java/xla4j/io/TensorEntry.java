package xla4j.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import xla4j.array.DType;
import xla4j.array.HostBuffer;
import xla4j.array.NdArray;
import xla4j.array.TensorSource;

/**
 * One tensor of an open {@link Checkpoint}, known by name, element type and shape before its data is read.
 *
 * <p>Reads go to the file each time and read only what they return: {@link #readBox} reads a hyper-rectangle
 * of the tensor by position (a stored {@code .npz} member, a {@code .npy} file, a {@code .safetensors} range) or
 * by inflating as far as needed (a deflated {@code .npz} member), into off-heap memory of any size; no read
 * holds the whole tensor on the Java heap except {@link #load()}, which returns it as an {@link NdArray}.
 * Data comes out little-endian and row-major (big-endian {@code .npy} data is swapped); {@link DType#PRED}
 * bytes come out as 0 or 1 (non-zero is true), as {@link NdArray#fromBytes} normalises them.
 *
 * <p>Thread-safe: reads of the same or different entries may run at once. Reading after the checkpoint is
 * closed throws {@link IllegalStateException}.
 */
public final class TensorEntry implements TensorSource {
  /** The most bytes {@link #load()} returns: an NdArray's limit. */
  private static final long MAX_NDARRAY_BYTES = Integer.MAX_VALUE - 8;
  private static final int WINDOW = 1 << 26;

  private final String name;
  private final DType dtype;
  private final long[] shape;
  private final boolean bigEndian;
  private final TensorData data;

  TensorEntry(String name, DType dtype, long[] shape, boolean bigEndian, TensorData data) {
    this.name = name;
    this.dtype = dtype;
    this.shape = shape.clone();
    this.bigEndian = bigEndian && dtype.byteSize() > 1;
    this.data = data;
  }

  /** The key in the checkpoint, {@code /}-separated, without a file suffix. */
  public String name() {
    return name;
  }

  @Override
  public DType dtype() {
    return dtype;
  }

  /** A copy of the dimensions. */
  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** Number of elements. */
  public long size() {
    return NdArray.numElements(shape);
  }

  /** Bytes the data takes (elements times element size). */
  @Override
  public long byteSize() {
    return Math.multiplyExact(size(), dtype.byteSize());
  }

  /** The block as an array (at most 2 GiB), read by offset as {@link #readBox} does. */
  @Override
  public NdArray read(long[] start, long[] size) throws IOException {
    long bytes = Math.multiplyExact(NdArray.numElements(size), (long) dtype.byteSize());
    try (HostBuffer b = HostBuffer.allocate(bytes)) {
      readBox(start, size, b, 0);
      return b.toNdArray(dtype, size);
    }
  }

  @Override
  public void readInto(long[] start, long[] size, HostBuffer dst, long dstOffset) throws IOException {
    readBox(start, size, dst, dstOffset);
  }

  /** The file the data is read from. */
  public Path file() {
    return data.file;
  }

  /**
   * Reads the tensor from the file (each call reads it again).
   *
   * @throws CheckpointException if it is larger than an NdArray can hold (2 GiB): read it with {@link #readInto}
   */
  public NdArray load() throws IOException {
    long n = byteSize();
    if (n > MAX_NDARRAY_BYTES) {
      throw new CheckpointException(data.file, name, "tensor " + dtype.xlaName() + Arrays.toString(shape) + " of " + n
          + " bytes is too large for an NdArray (2 GiB); read it into a HostBuffer with readInto or readBox");
    }
    try (HostBuffer b = HostBuffer.allocate(n)) {
      readInto(b, 0);
      return b.toNdArray(dtype, shape);
    }
  }

  /**
   * Reads the whole tensor into {@code dst[dstOffset, dstOffset + byteSize())}, row-major, little-endian.
   *
   * @throws IllegalArgumentException if that range is not inside {@code dst}
   */
  public void readInto(HostBuffer dst, long dstOffset) throws IOException {
    readBox(new long[shape.length], shape, dst, dstOffset);
  }

  /**
   * Reads the row-major hyper-rectangle {@code [start, start + size)} of the tensor and writes it densely
   * (row-major, little-endian, {@code prod(size) * dtype().byteSize()} bytes) into {@code dst} from
   * {@code dstOffset}. A box over the leading dimension(s) is one contiguous read; a split of trailing
   * dimensions reads covering ranges of a few MiB and copies the rows out.
   *
   * @throws IllegalArgumentException if {@code start} or {@code size} has another rank than the tensor, the box is
   *     not inside the shape, or the result does not fit {@code dst} from {@code dstOffset}
   * @throws IllegalStateException if the checkpoint or {@code dst} is closed
   * @throws CheckpointException if the file is damaged (naming file and key)
   */
  public void readBox(long[] start, long[] size, HostBuffer dst, long dstOffset) throws IOException {
    Box box = Box.of(name, shape, dtype.byteSize(), start, size);
    long bytes = box.totalBytes();
    if (dstOffset < 0 || dstOffset > dst.byteSize() - bytes) {
      throw new IllegalArgumentException("readBox of '" + name + "' requires dstOffset >= 0 and dstOffset + " + bytes
          + " bytes <= the destination's " + dst.byteSize() + " bytes, got dstOffset " + dstOffset);
    }
    if (dst.isClosed()) {
      throw new IllegalStateException("readBox of '" + name + "' requires an open destination, got a closed " + dst);
    }
    data.checkOpen();
    data.read(box, dst, dstOffset);
    if (bigEndian || dtype == DType.PRED) {
      for (long done = 0; done < bytes; ) {
        int n = (int) Math.min(WINDOW, bytes - done);
        fix(dst.window(dstOffset + done, n));
        done += n;
      }
    }
  }

  /**
   * A stream of exactly {@link #byteSize()} bytes: the elements, little-endian, row-major, read from the file
   * as they are consumed. For tensors too large for an {@link NdArray} (2 GiB) or to copy straight into a
   * device buffer without an intermediate array. The caller closes it.
   */
  public InputStream openData() throws IOException {
    data.checkOpen();
    InputStream in = data.open();
    if (bigEndian) {
      return new SwapStream(in, dtype.byteSize());
    }
    return dtype == DType.PRED ? new PredStream(in) : in;
  }

  /** Makes raw file bytes little-endian, {@code PRED} bytes 0 or 1. */
  private void fix(ByteBuffer b) {
    if (dtype == DType.PRED) {
      for (int i = 0; i < b.limit(); i++) {
        if (b.get(i) != 0) {
          b.put(i, (byte) 1);
        }
      }
    } else {
      swap(b, dtype.byteSize());
    }
  }

  /** Reverses the bytes of each element of {@code width} bytes in place. */
  static void swap(ByteBuffer b, int width) {
    ByteBuffer big = b.duplicate().order(ByteOrder.BIG_ENDIAN);
    ByteBuffer little = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + width <= b.limit(); i += width) {
      switch (width) {
        case 2: little.putShort(i, big.getShort(i)); break;
        case 4: little.putInt(i, big.getInt(i)); break;
        case 8: little.putLong(i, big.getLong(i)); break;
        default: throw new AssertionError(width);
      }
    }
  }

  /** Maps every non-zero byte to 1. */
  private static final class PredStream extends FilterInputStream {
    PredStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      return b <= 0 ? b : 1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      for (int i = off; i < off + n; i++) {
        if (b[i] != 0) {
          b[i] = 1;
        }
      }
      return n;
    }
  }

  /** Swaps the bytes of whole elements, buffering so that reads of any length see whole, swapped elements. */
  private static final class SwapStream extends FilterInputStream {
    private final int width;
    private final byte[] buf = new byte[1 << 16];
    private int at;
    private int end;

    SwapStream(InputStream in, int width) {
      super(in);
      this.width = width;
    }

    private boolean fill() throws IOException {
      if (at < end) {
        return true;
      }
      int n = in.readNBytes(buf, 0, buf.length);
      at = 0;
      end = n - n % width; // the stream holds whole elements
      swap(ByteBuffer.wrap(buf, 0, end), width);
      return end > 0;
    }

    @Override
    public int read() throws IOException {
      return fill() ? buf[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, end - at);
      System.arraycopy(buf, at, b, off, n);
      at += n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long k = 0;
      while (k < n && fill()) {
        int s = (int) Math.min(n - k, end - at);
        at += s;
        k += s;
      }
      return k;
    }

    @Override
    public int available() {
      return end - at;
    }
  }

  @Override
  public String toString() {
    return name + ": " + dtype.xlaName() + Arrays.toString(shape);
  }
}
