package xla4j.pjrt;

import java.lang.ref.Cleaner;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Base of every handle that owns a PJRT object. Lifetime rules, in one place:
 *
 * <ul>
 *   <li>{@link #close()} frees the native object at once; closing twice is harmless.
 *   <li>Using a closed handle throws {@link IllegalStateException} naming it.
 *   <li>A handle the program forgot is freed by a {@link Cleaner} when it becomes unreachable, and the
 *       leak is logged (logger {@code xla4j.pjrt}). Freeing happens at most once, whichever comes first.
 *   <li>Children (buffers and executables of a client) are freed before their parent: closing a client
 *       closes what it created, and a forgotten parent stays alive while its children are open.
 *   <li>Calls on a handle hold its read lock, {@code close} takes the write lock: many threads may use
 *       a handle at once, and it is never freed under a running call. The write lock is held only to mark
 *       the handle closed (after the calls under way have left); children and the native object are freed
 *       after that, without any lock, so no new call or child can slip in while they are being freed.
 *   <li>Lock order, to rule out deadlocks between readers and queued closers: a client before its
 *       executables, an executable before buffers, buffers by ascending {@link #order()}. Code that holds
 *       read locks of several handles takes them in this order; nothing waits for a lock while holding a
 *       write lock.
 * </ul>
 */
abstract class NativeResource implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();
  private static final java.util.concurrent.atomic.AtomicLong LEAKS_FREED = new java.util.concurrent.atomic.AtomicLong();
  private static final java.util.concurrent.atomic.AtomicLong NEXT_ORDER = new java.util.concurrent.atomic.AtomicLong();
  static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("xla4j.pjrt");

  private final Owner owner;
  private final Cleaner.Cleanable cleanable;
  private final long order = NEXT_ORDER.getAndIncrement();

  /**
   * @param parent the handle this one depends on (closed after this one), or null
   * @param description names the object in errors and leak reports, e.g. "Buffer f32[2,3] on cpu:0"
   * @param free frees the native object; must not refer to this handle (else it is never collected)
   * @throws IllegalStateException if {@code parent} is closed (the native object is then freed at once)
   */
  NativeResource(NativeResource parent, String description, Runnable free) {
    this.owner = new Owner(parent, description, free);
    if (parent != null) {
      try {
        parent.acquire();
      } catch (IllegalStateException e) {
        free.run(); // nobody else owns it: a child of a closed parent must not outlive it
        throw new IllegalStateException("cannot create " + description + ": " + e.getMessage(), e);
      }
      try {
        parent.owner.children.add(owner);
      } finally {
        parent.release();
      }
    }
    this.cleanable = CLEANER.register(this, owner);
  }

  /**
   * Frees a handle whose constructor failed after {@code super(...)}, without reporting a leak: for
   * constructors that read properties of the new native object and may throw.
   */
  final void closeAfterFailedConstruction(Throwable failure) {
    try {
      close();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** This handle's place in the lock order among handles of the same kind (creation order). */
  final long order() {
    return order;
  }

  /** Frees the native object now (and everything created from it that is still open). */
  @Override
  public final void close() {
    owner.explicit = true;
    cleanable.clean();
  }

  /**
   * Frees the native object now, as {@link #close()}, and makes every later use throw an
   * {@link IllegalStateException} that says {@code why} (e.g. "was donated to program 'step'").
   */
  final void invalidate(String why) {
    owner.reason = why;
    close();
  }

  /** Why the handle was invalidated ({@link #invalidate}), or null. */
  final String invalidatedBecause() {
    return owner.reason;
  }

  /** How many forgotten handles the Cleaner has freed in this process (for tests and diagnostics). */
  static long leaksFreed() {
    return LEAKS_FREED.get();
  }

  /** Whether {@link #close()} has been called (or the Cleaner freed it). */
  public final boolean isClosed() {
    return owner.closed;
  }

  /** Enters a call on this handle; pair with {@link #release()} in a finally block. */
  final void acquire() {
    owner.lock.readLock().lock();
    if (owner.closed) {
      owner.lock.readLock().unlock();
      String why = owner.reason;
      throw new IllegalStateException(owner.description + (why == null ? " is closed" : " " + why));
    }
  }

  final void release() {
    owner.lock.readLock().unlock();
  }

  final String description() {
    return owner.description;
  }

  /** How many handles created from this one are open (for tests). */
  final int openChildren() {
    return owner.children.size();
  }

  /** Whether {@code thread} waits for this handle's lock (for tests that stage lock contention). */
  final boolean isWaiting(Thread thread) {
    return owner.lock.hasQueuedThread(thread);
  }

  /** The cleanup state; holds no reference to the handle so the handle can become unreachable. */
  private static final class Owner implements Runnable {
    // Strong on purpose: keeps the parent handle (and so its native object) alive while this is open.
    private final NativeResource parent;
    private final String description;
    private final Runnable free;
    private final Set<Owner> children = ConcurrentHashMap.newKeySet();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private volatile boolean explicit;
    private volatile String reason;

    Owner(NativeResource parent, String description, Runnable free) {
      this.parent = parent;
      this.description = description;
      this.free = free;
    }

    @Override
    public void run() {
      // Mark closed first, under the write lock: this waits for the calls under way and makes every later
      // acquire() fail, including the one a child's constructor makes on its parent, so the set of
      // children is final before it is walked and the native object is never freed under a call.
      lock.writeLock().lock();
      try {
        if (closed) {
          return;
        }
        closed = true;
      } finally {
        lock.writeLock().unlock();
      }
      RuntimeException failure = null;
      for (Owner child : children) {
        child.explicit |= explicit;
        try {
          child.run();
        } catch (RuntimeException e) {
          failure = add(failure, e); // free the other children before this object all the same
        }
      }
      if (!explicit) {
        LEAKS_FREED.incrementAndGet();
        LOG.warn("xla4j: {} was not closed; freed by the garbage collector's Cleaner", description);
      }
      try {
        free.run();
      } catch (RuntimeException e) {
        failure = add(failure, e);
      } finally {
        if (parent != null) {
          parent.owner.children.remove(this);
        }
      }
      if (failure != null) {
        throw failure;
      }
    }

    private static RuntimeException add(RuntimeException first, RuntimeException next) {
      if (first == null) {
        return next;
      }
      first.addSuppressed(next);
      return first;
    }
  }
}
