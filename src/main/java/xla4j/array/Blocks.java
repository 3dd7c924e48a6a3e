package xla4j.array;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Copying rectangular blocks between row-major host arrays (a shard out of a global array, and back). */
public final class Blocks {
  private Blocks() {}

  /** The block of extent {@code size} at {@code start} of {@code a}, as a new array ({@code a} itself if whole). */
  public static NdArray slice(NdArray a, long[] start, long[] size) {
    if (Arrays.equals(size, a.shape())) {
      return a;
    }
    int w = a.dtype().byteSize();
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(NdArray.numElements(size) * w)).order(ByteOrder.LITTLE_ENDIAN);
    copy(a.data(), a.shape(), start, out, size, new long[size.length], size, w);
    return NdArray.fromBytes(a.dtype(), size, out);
  }

  /**
   * Copies the box of extent {@code size} at {@code srcStart} of a row-major {@code srcShape} array into
   * {@code dst} (row-major {@code dstShape}) at {@code dstStart}, one contiguous last-dimension run at a time.
   */
  public static void copy(ByteBuffer src, long[] srcShape, long[] srcStart, ByteBuffer dst, long[] dstShape,
      long[] dstStart, long[] size, int w) {
    int rank = size.length;
    if (NdArray.numElements(size) == 0) {
      return;
    }
    int run = Math.toIntExact((rank == 0 ? 1 : size[rank - 1]) * w);
    long[] idx = new long[Math.max(rank - 1, 0)];
    long[] outer = Arrays.copyOf(size, idx.length);
    long rows = NdArray.numElements(outer);
    for (long r = 0; r < rows; r++) {
      long so = 0;
      long dof = 0;
      for (int d = 0; d < rank; d++) {
        long i = d < idx.length ? idx[d] : 0;
        so = so * srcShape[d] + srcStart[d] + i;
        dof = dof * dstShape[d] + dstStart[d] + i;
      }
      ByteBuffer piece = src.duplicate();
      piece.position(Math.toIntExact(so * w)).limit(Math.toIntExact(so * w) + run);
      dst.duplicate().position(Math.toIntExact(dof * w)).put(piece);
      increment(idx, outer);
    }
  }

  /**
   * {@code np.transpose(a, perm)} as a new row-major array: result axis i is {@code a}'s axis {@code perm[i]}.
   *
   * @throws IllegalArgumentException if {@code perm} is not a permutation of a's axes
   */
  public static NdArray transpose(NdArray a, int... perm) {
    int rank = a.rank();
    long[] shape = a.shape();
    boolean[] seen = new boolean[rank];
    for (int p : perm) {
      if (perm.length != rank || p < 0 || p >= rank || seen[p]) {
        throw new IllegalArgumentException("transpose requires a permutation of " + rank + " axes, got "
            + Arrays.toString(perm));
      }
      seen[p] = true;
    }
    long[] out = new long[rank];
    long[] srcStrides = new long[rank];
    long stride = 1;
    for (int d = rank - 1; d >= 0; d--) {
      srcStrides[d] = stride;
      stride *= shape[d];
    }
    long[] strides = new long[rank];
    for (int i = 0; i < rank; i++) {
      out[i] = shape[perm[i]];
      strides[i] = srcStrides[perm[i]];
    }
    int w = a.dtype().byteSize();
    long n = NdArray.numElements(shape);
    ByteBuffer src = a.data();
    ByteBuffer dst = ByteBuffer.allocate(Math.toIntExact(n * w)).order(ByteOrder.LITTLE_ENDIAN);
    long[] idx = new long[rank];
    byte[] el = new byte[w];
    for (long k = 0; k < n; k++) {
      long off = 0;
      for (int d = 0; d < rank; d++) {
        off += idx[d] * strides[d];
      }
      src.get(Math.toIntExact(off * w), el);
      dst.put(el);
      increment(idx, out);
    }
    dst.flip();
    return NdArray.fromBytes(a.dtype(), out, dst);
  }

  private static void increment(long[] idx, long[] size) {
    for (int d = idx.length - 1; d >= 0; d--) {
      if (++idx[d] < size[d]) {
        return;
      }
      idx[d] = 0;
    }
  }
}
