package xla4j.pjrt;

import java.util.function.Function;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Native memory for one call on the hot paths (execute, events, transfers, destroys): zeroed blocks from
 * {@code calloc}, freed together when the frame closes. Unlike JavaCPP's own allocations these are not
 * tracked for garbage collection, which halves the cost of a call. Not thread-safe; use in one
 * try-with-resources block.
 */
final class Frame implements AutoCloseable {
  private static final ClassValue<Long> SIZEOF = new ClassValue<>() {
    @Override
    protected Long computeValue(Class<?> type) {
      @SuppressWarnings("unchecked")
      Class<? extends Pointer> p = (Class<? extends Pointer>) type;
      return (long) Loader.sizeof(p);
    }
  };

  private Pointer[] owned = new Pointer[8];
  private int count;

  /** A zeroed struct of {@code type}, viewed through its cast constructor ({@code PJRT_X_Args::new}). */
  <T extends Pointer> T struct(Class<T> type, Function<Pointer, T> cast) {
    return cast.apply(block(1, SIZEOF.get(type)));
  }

  /** A zeroed array of {@code count} pointers. */
  PointerPointer pointers(long count) {
    return new PointerPointer(block(Math.max(1, count), 8));
  }

  /** {@code size} zeroed bytes. */
  BytePointer bytes(long size) {
    return new BytePointer(block(Math.max(1, size), 1)).capacity(size).limit(size);
  }

  /** A view of native memory at {@code address} that no frame owns (nothing is copied or freed). */
  static Pointer at(long address) {
    return new At(address);
  }

  private static final class At extends Pointer {
    At(long at) {
      address = at;
    }
  }

  private Pointer block(long n, long size) {
    Pointer p = Pointer.calloc(n, size);
    if (p == null || p.isNull()) {
      throw new OutOfMemoryError("calloc(" + n + ", " + size + ") failed");
    }
    if (count == owned.length) {
      owned = java.util.Arrays.copyOf(owned, count * 2);
    }
    owned[count++] = p;
    return p;
  }

  @Override
  public void close() {
    for (int i = 0; i < count; i++) {
      Pointer.free(owned[i]);
      owned[i] = null;
    }
    count = 0;
  }
}
