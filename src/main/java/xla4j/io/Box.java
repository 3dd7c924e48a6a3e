package xla4j.io;

import java.util.Arrays;

/**
 * A row-major hyper-rectangle {@code [start, start + size)} of a tensor, as the runs of contiguous bytes it
 * takes in the tensor's data: every run has {@link #runBytes()} bytes, and the runs come in increasing order.
 * Trailing dimensions the box covers whole merge into one run, so a box over the leading dimension(s) is one
 * run and a split of the last dimension gives one run per row.
 */
final class Box {
  private final long[] start;
  private final long[] size;
  /** Byte stride of each dimension of the tensor. */
  private final long[] stride;
  /** Dimensions {@code [0, outer)} are iterated; the run spans dimension {@code outer} and everything after. */
  private final int outer;
  private final long runBytes;
  private final long runCount;

  private Box(long[] start, long[] size, long[] stride, int outer, long runBytes, long runCount) {
    this.start = start;
    this.size = size;
    this.stride = stride;
    this.outer = outer;
    this.runBytes = runBytes;
    this.runCount = runCount;
  }

  /** The whole tensor. */
  static Box whole(long[] shape, int elementBytes) {
    return of("", shape, elementBytes, new long[shape.length], shape);
  }

  /**
   * Checks the box against the tensor's shape.
   *
   * @param what names the tensor in errors
   * @throws IllegalArgumentException if the ranks differ or the box is not inside the shape
   */
  static Box of(String what, long[] shape, int elementBytes, long[] start, long[] size) {
    if (start.length != shape.length || size.length != shape.length) {
      throw new IllegalArgumentException("readBox of '" + what + "' requires start and size of the tensor's rank "
          + shape.length + " (shape " + Checkpoints.shapeString(shape) + "), got " + Arrays.toString(start) + " and "
          + Arrays.toString(size));
    }
    for (int i = 0; i < shape.length; i++) {
      if (start[i] < 0 || size[i] < 0 || start[i] > shape[i] - size[i]) {
        throw new IllegalArgumentException("readBox of '" + what + "' requires 0 <= start[i] and start[i] + size[i] "
            + "<= shape[i] in every dimension, got start " + Arrays.toString(start) + " and size "
            + Arrays.toString(size) + " for shape " + Checkpoints.shapeString(shape) + " (dimension " + i + ")");
      }
    }
    int rank = shape.length;
    long[] stride = new long[rank];
    long s = elementBytes;
    for (int i = rank - 1; i >= 0; i--) {
      stride[i] = s;
      s *= shape[i]; // no overflow: the tensor's byte count was checked to fit a long
    }
    long count = 1;
    for (long z : size) {
      count *= z;
    }
    if (count == 0 || rank == 0) {
      return new Box(start.clone(), size.clone(), stride, 0, count == 0 ? 0 : elementBytes, count == 0 ? 0 : 1);
    }
    int outer = rank - 1;
    while (outer > 0 && size[outer] == shape[outer]) {
      outer--;
    }
    long runBytes = size[outer] * stride[outer];
    long runs = 1;
    for (int i = 0; i < outer; i++) {
      runs *= size[i];
    }
    return new Box(start.clone(), size.clone(), stride, outer, runBytes, runs);
  }

  /** Bytes of each run. */
  long runBytes() {
    return runBytes;
  }

  /** Number of runs (0 for an empty box). */
  long runCount() {
    return runCount;
  }

  /** The dense size of the box, in bytes. */
  long totalBytes() {
    return runBytes * runCount;
  }

  /** Whether the box is one run of {@code dataBytes} bytes: the whole tensor. */
  boolean isWhole(long dataBytes) {
    return runCount == 1 && runBytes == dataBytes;
  }

  /** A fresh iterator over the runs' offsets into the tensor's data. */
  Runs runs() {
    return new Runs();
  }

  /** The offsets of the runs, in increasing order (an odometer over the iterated dimensions). */
  final class Runs {
    private final long[] index = new long[outer];
    private long left = runCount;
    private long offset;

    private Runs() {
      for (int i = 0; i <= outer && i < start.length; i++) {
        offset += start[i] * stride[i];
      }
    }

    boolean hasNext() {
      return left > 0;
    }

    /** The offset of the next run. */
    long next() {
      long current = offset;
      left--;
      for (int i = outer - 1; i >= 0 && left > 0; i--) {
        offset += stride[i];
        if (++index[i] < size[i]) {
          break;
        }
        index[i] = 0;
        offset -= size[i] * stride[i];
      }
      return current;
    }

    /** The offset of the last run. */
    long last() {
      long o = 0;
      for (int i = 0; i < start.length; i++) {
        o += (i < outer ? start[i] + size[i] - 1 : i == outer ? start[i] : 0) * stride[i];
      }
      return o;
    }
  }
}
