package xla4j.io;

import java.io.IOException;
import java.util.Arrays;
import xla4j.array.DType;
import xla4j.array.NdArray;

/**
 * One tensor of an open checkpoint, known by name, element type and shape before its data is read:
 * {@link #load()} reads (and, for a deflated {@code .npz} member, inflates) only this tensor.
 */
public final class TensorEntry {
  /** Reads the data of one entry. */
  @FunctionalInterface
  interface Loader {
    NdArray load() throws IOException;
  }

  private final String name;
  private final DType dtype;
  private final long[] shape;
  private final Loader loader;

  TensorEntry(String name, DType dtype, long[] shape, Loader loader) {
    this.name = name;
    this.dtype = dtype;
    this.shape = shape.clone();
    this.loader = loader;
  }

  /** The key in the checkpoint, {@code /}-separated, without a file suffix. */
  public String name() {
    return name;
  }

  public DType dtype() {
    return dtype;
  }

  /** A copy of the dimensions. */
  public long[] shape() {
    return shape.clone();
  }

  public long size() {
    return NdArray.numElements(shape);
  }

  /** Bytes the data takes (elements times element size). */
  public long byteSize() {
    return size() * dtype.byteSize();
  }

  /** Reads the tensor from the file (each call reads it again). */
  public NdArray load() throws IOException {
    return loader.load();
  }

  @Override
  public String toString() {
    return name + ": " + dtype.xlaName() + Arrays.toString(shape);
  }
}
