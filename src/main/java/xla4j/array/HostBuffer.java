package xla4j.array;

import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;

/**
 * Host memory off the Java heap, of any size (beyond the 2 GiB of a Java array or {@link ByteBuffer}), 64-byte
 * aligned and zero-filled: the place tensors too large for an {@link NdArray} are read into
 * ({@code xla4j.io.TensorEntry#readInto}) and copied to and from devices.
 *
 * <p>Memory comes from {@code calloc}, so pages nothing has written stay unbacked (a sparse tensor costs only
 * the pages it touches). {@link #close()} frees it at once; any later use but {@link #byteSize()} throws
 * {@link IllegalStateException};
 * closing twice is harmless. A buffer the program forgot is freed by a {@link Cleaner} when it becomes
 * unreachable, and the leak is logged (logger {@code xla4j.array}).
 *
 * <p>Threads may read and write disjoint ranges at once. As with a direct {@link ByteBuffer}, the memory is gone
 * after {@code close}: windows taken before must not be used after it, and {@code close} must not race with
 * other use of the buffer.
 */
public final class HostBuffer implements AutoCloseable {
  /** The alignment of {@link #address()}, in bytes (a cache line; what XLA:CPU asks of its buffers). */
  public static final int ALIGNMENT = 64;

  private static final Cleaner CLEANER = Cleaner.create();
  private static final System.Logger LOG = System.getLogger("xla4j.array");
  /** The largest copy {@link #toNdArray} makes: an NdArray's limit. */
  private static final long MAX_NDARRAY_BYTES = Integer.MAX_VALUE - 8;

  static {
    // JavaCPP's own natives (Pointer.calloc, free, asByteBuffer) are compiled into the JNI library of the PJRT
    // bindings, the one native library xla4j builds; loading it needs no plugin and no device.
    Loader.load(xla4j.pjrt.capi.global.PjrtC.class);
  }

  private final long byteSize;
  private final long address;
  private final Memory memory;
  private final Cleaner.Cleanable cleanable;

  private HostBuffer(long byteSize, Memory memory) {
    this.byteSize = byteSize;
    this.memory = memory;
    long raw = memory.raw.address();
    this.address = (raw + ALIGNMENT - 1) & -ALIGNMENT;
    this.cleanable = CLEANER.register(this, memory);
  }

  /** A view of the memory at an address (JavaCPP's buffers start at their pointer's address). */
  private static final class At extends Pointer {
    At(long address) {
      this.address = address;
    }
  }

  /** The native block and whether it was freed; the cleanup action, which must not refer to the HostBuffer. */
  private static final class Memory implements Runnable {
    final Pointer raw;
    final long byteSize;
    final AtomicBoolean closed = new AtomicBoolean();

    Memory(Pointer raw, long byteSize) {
      this.raw = raw;
      this.byteSize = byteSize;
    }

    @Override
    public void run() {
      if (closed.compareAndSet(false, true)) {
        LOG.log(System.Logger.Level.WARNING, "HostBuffer of " + byteSize + " bytes was not closed; freed by the "
            + "garbage collector (close it, e.g. with try-with-resources)");
      }
      Pointer.free(raw);
    }
  }

  /**
   * {@code bytes} zero bytes, 64-byte aligned.
   *
   * @throws IllegalArgumentException if {@code bytes} is negative
   * @throws OutOfMemoryError if the system cannot provide them
   */
  public static HostBuffer allocate(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("HostBuffer.allocate requires bytes >= 0, got " + bytes);
    }
    if (bytes > Long.MAX_VALUE - ALIGNMENT) {
      throw new OutOfMemoryError("HostBuffer.allocate of " + bytes + " bytes: no system has that much memory");
    }
    // calloc, not malloc + memset: large blocks come zeroed from mmap, so untouched pages stay unbacked
    Pointer raw = Pointer.calloc(bytes + ALIGNMENT - 1, 1);
    if (raw == null || raw.isNull()) {
      throw new OutOfMemoryError("HostBuffer.allocate of " + bytes + " bytes failed: calloc returned NULL");
    }
    return new HostBuffer(bytes, new Memory(raw, bytes));
  }

  /** A copy of {@code array}'s elements (little-endian, row-major), {@code array.byteSize()} bytes. */
  public static HostBuffer of(NdArray array) {
    HostBuffer b = allocate(array.byteSize());
    if (array.byteSize() > 0) {
      b.window(0, (int) array.byteSize()).put(array.data());
    }
    return b;
  }

  /** The size in bytes. */
  public long byteSize() {
    return byteSize;
  }

  /**
   * The address of the first byte (a multiple of {@value #ALIGNMENT}), for native code; valid until
   * {@link #close()}.
   *
   * @throws IllegalStateException if the buffer is closed
   */
  public long address() {
    checkOpen();
    return address;
  }

  /**
   * A little-endian view of {@code [offset, offset + length)}: reads and writes go to this memory. Valid until
   * {@link #close()} (using it after is undefined, as for any direct buffer whose memory was freed).
   *
   * @throws IllegalArgumentException if the range is not inside the buffer
   * @throws IllegalStateException if the buffer is closed
   */
  public ByteBuffer window(long offset, int length) {
    checkOpen();
    if (offset < 0 || length < 0 || offset > byteSize - length) {
      throw new IllegalArgumentException("HostBuffer.window requires 0 <= offset and offset + length <= " + byteSize
          + " (the buffer's size), got offset " + offset + " and length " + length);
    }
    if (length == 0) {
      return ByteBuffer.allocateDirect(0).order(ByteOrder.LITTLE_ENDIAN);
    }
    return new BytePointer(new At(address + offset)).limit(length).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * A copy of the contents as an array of {@code dtype} and {@code shape}, whose byte count must equal
   * {@link #byteSize()}. {@link DType#PRED} bytes are normalised to 0 or 1, as {@link NdArray#fromBytes} does.
   *
   * @throws IllegalArgumentException if the shape's byte count differs from the buffer's size
   * @throws UnsupportedOperationException if the buffer is larger than an NdArray can hold (2 GiB)
   * @throws IllegalStateException if the buffer is closed
   */
  public NdArray toNdArray(DType dtype, long[] shape) {
    checkOpen();
    long need;
    try {
      need = Math.multiplyExact(NdArray.numElements(shape), dtype.byteSize());
    } catch (ArithmeticException e) {
      need = -1;
    }
    if (need != byteSize || Arrays.stream(shape).anyMatch(d -> d < 0)) {
      throw new IllegalArgumentException("HostBuffer.toNdArray requires the shape's byte count to equal the buffer's "
          + byteSize + " bytes, got " + dtype.xlaName() + Arrays.toString(shape)
          + (need < 0 ? " (its byte count overflows a long)" : " (" + need + " bytes)"));
    }
    if (byteSize > MAX_NDARRAY_BYTES) {
      throw new UnsupportedOperationException("HostBuffer.toNdArray requires at most " + MAX_NDARRAY_BYTES
          + " bytes (an NdArray's limit), got " + byteSize + " for " + dtype.xlaName() + Arrays.toString(shape)
          + "; use the HostBuffer itself (window, or a device buffer) for arrays this large");
    }
    return NdArray.fromBytes(dtype, shape, window(0, (int) byteSize));
  }

  /** Frees the memory now; later use throws {@link IllegalStateException}. Closing twice is harmless. */
  @Override
  public void close() {
    if (memory.closed.compareAndSet(false, true)) {
      cleanable.clean();
    }
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return memory.closed.get();
  }

  private void checkOpen() {
    if (memory.closed.get()) {
      throw new IllegalStateException("HostBuffer of " + byteSize + " bytes is closed");
    }
  }


  @Override
  public String toString() {
    return "HostBuffer[" + byteSize + " bytes" + (isClosed() ? ", closed]" : "]");
  }
}
