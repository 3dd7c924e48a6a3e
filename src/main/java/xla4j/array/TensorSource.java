package xla4j.array;

import java.io.IOException;
import java.util.Arrays;

/**
 * Where a tensor's values come from, read block by block: an array in memory, or a checkpoint entry read by
 * offset, so that each device receives only its shard and nothing is copied whole to the host.
 */
public interface TensorSource {
  /** The most bytes {@link #astype} converts at once. */
  long SLAB_BYTES = 64L << 20;

  /** The element type. */
  DType dtype();

  /** The global shape (a copy). */
  long[] shape();

  /**
   * The row-major block of extent {@code size} at {@code start}, as an array of {@link #dtype()} (at most 2 GiB).
   *
   * @throws IOException if the values cannot be read (naming file and key)
   */
  NdArray read(long[] start, long[] size) throws IOException;

  /**
   * Writes the block of extent {@code size} at {@code start} into {@code dst} at {@code dstOffset}, row-major and
   * little-endian, without an intermediate array where the source can (a checkpoint entry reads by offset).
   */
  default void readInto(long[] start, long[] size, HostBuffer dst, long dstOffset) throws IOException {
    NdArray block = read(start, size);
    java.nio.ByteBuffer from = block.data();
    dst.window(dstOffset, from.remaining()).put(from.duplicate());
  }

  /** The whole tensor. */
  default NdArray readAll() throws IOException {
    long[] shape = shape();
    return read(new long[shape.length], shape);
  }

  /** Bytes of the whole tensor. */
  default long byteSize() {
    return Math.multiplyExact(NdArray.numElements(shape()), (long) dtype().byteSize());
  }

  /** This source with its values converted to {@code target} (as {@link NdArray#astype}) block by block. */
  default TensorSource astype(DType target) {
    TensorSource self = this;
    if (target == dtype()) {
      return this;
    }
    return new TensorSource() {
      @Override
      public DType dtype() {
        return target;
      }

      @Override
      public long[] shape() {
        return self.shape();
      }

      @Override
      public NdArray read(long[] start, long[] size) throws IOException {
        return self.read(start, size).astype(target);
      }

      /** Converts in slabs of whole rows along axis 0 (each at most {@value #SLAB_BYTES} bytes of the source). */
      @Override
      public void readInto(long[] start, long[] size, HostBuffer dst, long dstOffset) throws IOException {
        long perRow = Math.multiplyExact(NdArray.numElements(Arrays.copyOfRange(size, 1, size.length)),
            (long) Math.max(self.dtype().byteSize(), target.byteSize()));
        if (size.length == 0 || perRow == 0 || perRow * size[0] <= SLAB_BYTES) {
          TensorSource.super.readInto(start, size, dst, dstOffset);
          return;
        }
        long rows = Math.max(1, SLAB_BYTES / perRow);
        long outRow = NdArray.numElements(Arrays.copyOfRange(size, 1, size.length)) * target.byteSize();
        for (long r = 0; r < size[0]; r += rows) {
          long[] st = start.clone();
          long[] sz = size.clone();
          st[0] = start[0] + r;
          sz[0] = Math.min(rows, size[0] - r);
          NdArray block = self.read(st, sz).astype(target);
          java.nio.ByteBuffer from = block.data();
          dst.window(dstOffset + r * outRow, from.remaining()).put(from.duplicate());
        }
      }

      @Override
      public String toString() {
        return self + " as " + target.xlaName();
      }
    };
  }

  /**
   * A view of this tensor as {@code f} of its whole contents (a transpose or reshape from a checkpoint's layout to a
   * model's), of shape {@code shape}: each block read reads the whole tensor, so only for tensors that fit in memory
   * at once.
   */
  default TensorSource mapped(long[] shape, java.util.function.UnaryOperator<NdArray> f, String how) {
    long[] s = shape.clone();
    if (NdArray.numElements(s) != NdArray.numElements(shape())) {
      throw new IllegalArgumentException(this + " has shape " + Arrays.toString(shape()) + ", which " + how
          + " cannot make " + Arrays.toString(s));
    }
    return view(dtype(), s, (start, size) -> Blocks.slice(f.apply(readAll()), start, size),
        this + " (" + how + ")");
  }

  /**
   * This matrix transposed (a PyTorch {@code nn.Linear} weight (out, in) as a Flax kernel (in, out)): each block is
   * read as the mirrored block of this source and transposed, so no more than the block is ever in memory.
   */
  default TensorSource transposed() {
    long[] s = shape();
    if (s.length != 2) {
      throw new IllegalArgumentException(this + " has shape " + Arrays.toString(s) + "; only a matrix transposes");
    }
    return view(dtype(), new long[] {s[1], s[0]},
        (start, size) -> Blocks.transpose(read(new long[] {start[1], start[0]}, new long[] {size[1], size[0]}), 1, 0),
        this + " (transposed)");
  }

  /** Entry {@code i} along axis 0 (one layer of a stacked tensor), read as a block of this source. */
  default TensorSource index(long i) {
    long[] s = shape();
    if (s.length == 0 || i < 0 || i >= s[0]) {
      throw new IllegalArgumentException(this + " of shape " + Arrays.toString(s) + " has no entry " + i
          + " along axis 0");
    }
    long[] inner = Arrays.copyOfRange(s, 1, s.length);
    return view(dtype(), inner, (start, size) -> {
      long[] st = new long[s.length];
      long[] sz = new long[s.length];
      st[0] = i;
      sz[0] = 1;
      System.arraycopy(start, 0, st, 1, inner.length);
      System.arraycopy(size, 0, sz, 1, inner.length);
      return read(st, sz).reshape(size);
    }, "[" + i + "] of " + this);
  }

  /** Reads a block (start, size) of a view. */
  interface BlockReader {
    NdArray read(long[] start, long[] size) throws IOException;
  }

  /** A source of {@code dtype} and {@code shape} whose blocks {@code reader} reads, named {@code name}. */
  private static TensorSource view(DType dtype, long[] shape, BlockReader reader, String name) {
    return new TensorSource() {
      @Override
      public DType dtype() {
        return dtype;
      }

      @Override
      public long[] shape() {
        return shape.clone();
      }

      @Override
      public NdArray read(long[] start, long[] size) throws IOException {
        return reader.read(start, size);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /** An array in memory as a source. */
  static TensorSource of(NdArray array) {
    return new TensorSource() {
      @Override
      public DType dtype() {
        return array.dtype();
      }

      @Override
      public long[] shape() {
        return array.shape();
      }

      @Override
      public NdArray read(long[] start, long[] size) {
        long[] shape = array.shape();
        if (start.length != shape.length || size.length != shape.length) {
          throw new IllegalArgumentException("read requires a block of rank " + shape.length + ", got start "
              + Arrays.toString(start) + " and size " + Arrays.toString(size));
        }
        if (Arrays.equals(size, shape)) {
          return array;
        }
        return Blocks.slice(array, start, size);
      }

      @Override
      public String toString() {
        return "array " + array.dtype().xlaName() + Arrays.toString(array.shape());
      }
    };
  }
}
