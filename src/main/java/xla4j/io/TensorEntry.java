package xla4j.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import xla4j.array.DType;
import xla4j.array.NdArray;

/**
 * One tensor of an open checkpoint, known by name, element type and shape before its data is read:
 * {@link #load()} reads (and, for a deflated {@code .npz} member, inflates) only this tensor.
 */
public final class TensorEntry implements xla4j.array.TensorSource {
  /** Reads the data of one entry. */
  @FunctionalInterface
  interface Loader {
    NdArray load() throws IOException;
  }

  /** Opens a stream of the entry's raw data. */
  @FunctionalInterface
  interface DataOpener {
    InputStream open() throws IOException;
  }

  private final String name;
  private final DType dtype;
  private final long[] shape;
  private final Loader loader;
  private final DataOpener opener;

  TensorEntry(String name, DType dtype, long[] shape, Loader loader, DataOpener opener) {
    this.name = name;
    this.dtype = dtype;
    this.shape = shape.clone();
    this.loader = loader;
    this.opener = opener;
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

  public long size() {
    return NdArray.numElements(shape);
  }

  /** Bytes the data takes (elements times element size). */
  @Override
  public long byteSize() {
    return Math.multiplyExact(size(), dtype.byteSize());
  }

  @Override
  public NdArray read(long[] start, long[] size) throws IOException {
    return xla4j.array.Blocks.slice(load(), start, size);
  }

  /** Reads the tensor from the file (each call reads it again). */
  public NdArray load() throws IOException {
    return loader.load();
  }

  /**
   * A stream of exactly {@link #byteSize()} bytes: the elements, little-endian, row-major, read from the file
   * as they are consumed. For tensors too large for an {@link NdArray} (2 GiB) or to copy straight into a
   * device buffer without an intermediate array. The caller closes it. {@link DType#PRED} bytes come out as 0
   * or 1 (non-zero is true), as {@link NdArray#fromBytes} normalises them.
   */
  public InputStream openData() throws IOException {
    InputStream in = opener.open();
    return dtype == DType.PRED ? new PredStream(in) : in;
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

  @Override
  public String toString() {
    return name + ": " + dtype.xlaName() + Arrays.toString(shape);
  }
}
