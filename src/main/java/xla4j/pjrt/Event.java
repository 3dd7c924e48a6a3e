package xla4j.pjrt;

import static xla4j.pjrt.capi.global.PjrtC.*;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerScope;
import xla4j.pjrt.capi.PJRT_Error;
import xla4j.pjrt.capi.PJRT_Event;
import xla4j.pjrt.capi.PJRT_Event_Await_Args;
import xla4j.pjrt.capi.PJRT_Event_Destroy_Args;
import xla4j.pjrt.capi.PJRT_Event_OnReadyCallback;
import xla4j.pjrt.capi.PJRT_Event_OnReady_Args;

/**
 * Completion of asynchronous device work ({@code PJRT_Event}), seen from Java as a
 * {@link CompletableFuture}: completed normally when the work is done, exceptionally with a
 * {@link PjrtException} when it failed. The native event is freed as soon as it has fired. Futures
 * complete on the common {@code ForkJoinPool}, never on a plugin's own threads.
 */
public final class Event {
  private static final AtomicLong NEXT_ID = new AtomicLong(1);
  private static final Map<Long, Pending> PENDING = new ConcurrentHashMap<>();
  // One native callback for all events (JavaCPP callbacks are a limited resource); user_arg is the id.
  // retainReference: the class may be initialized inside some call's PointerScope, which must not free it.
  private static final OnReady ON_READY = new OnReady().retainReference();

  // Frees fired events and completes their futures outside the plugin's callback threads.
  private static final java.util.concurrent.Executor COMPLETER = java.util.concurrent.ForkJoinPool.commonPool();

  private Event() {}

  private static final java.util.function.Consumer<RuntimeException> LOG_FAILED_DESTROY = e ->
      NativeResource.LOG.warn("xla4j: freeing a fired PJRT_Event failed", e);

  private static final class Pending {
    private static final java.util.concurrent.atomic.AtomicIntegerFieldUpdater<Pending> ARRIVED =
        java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(Pending.class, "arrived");

    final Api api;
    final PJRT_Event event;
    final String operation;
    final CompletableFuture<Void> future = new CompletableFuture<>();
    // The event is freed by the second of: the callback has fired, PJRT_Event_OnReady has returned. A
    // plugin may run the callback inside PJRT_Event_OnReady (event already ready) or on another thread
    // before it returns; freeing the event then would pull it from under the plugin's running call.
    private volatile int arrived;

    Pending(Api api, PJRT_Event event, String operation) {
      this.api = api;
      this.event = event;
      this.operation = operation;
    }

    /** One side is done with the event; the second frees it. */
    void arrive() {
      if (ARRIVED.incrementAndGet(this) == 2) {
        destroy(api, event);
      }
    }
  }

  private static final class OnReady extends PJRT_Event_OnReadyCallback {
    OnReady() {
      super();
    }

    @Override
    public void call(PJRT_Error error, Pointer userArg) {
      Pending p = PENDING.remove(userArg.address());
      if (p == null) {
        return;
      }
      // Off this stack: the plugin may still be inside PJRT_Event_OnReady on it, and the future's
      // dependents (user code) must not run on the plugin's threads.
      RuntimeException failure;
      try {
        CApi.check(p.api, error, p.operation);
        failure = null;
      } catch (RuntimeException e) {
        failure = e;
      }
      RuntimeException f = failure;
      COMPLETER.execute(() -> {
        try {
          p.arrive();
        } catch (RuntimeException e) {
          LOG_FAILED_DESTROY.accept(e);
        }
        if (f == null) {
          p.future.complete(null);
        } else {
          p.future.completeExceptionally(f);
        }
      });
    }
  }

  /** Takes ownership of {@code event}: the returned future completes when it fires, then it is freed. */
  static CompletableFuture<Void> toFuture(Api api, PJRT_Event event, String operation) {
    long id = NEXT_ID.getAndIncrement();
    Pending p = new Pending(api, event, operation);
    PENDING.put(id, p);
    try (PointerScope scope = new PointerScope()) {
      PJRT_Event_OnReady_Args args = new PJRT_Event_OnReady_Args();
      args.struct_size(PJRT_Event_OnReady_Args_STRUCT_SIZE()).event(event).callback(ON_READY)
          .user_arg(new Pointer() {
            {
              address = id;
            }
          });
      CApi.check(api, api.require(api.PJRT_Event_OnReady, "PJRT_Event_OnReady").call(args), "PJRT_Event_OnReady");
    } catch (RuntimeException e) {
      if (PENDING.remove(id) != null) {
        destroy(api, event); // the callback never fired and never will
      } else {
        p.arrive(); // it fired all the same: free the event once its completion task is done with it too
      }
      throw e;
    }
    try {
      p.arrive();
    } catch (RuntimeException e) {
      LOG_FAILED_DESTROY.accept(e); // the future is set up and completes all the same
    }
    return p.future;
  }

  /** Blocks until {@code event} fires, frees it, and throws its error if it carries one. */
  static void awaitAndDestroy(Api api, PJRT_Event event, String operation) {
    try (Frame f = new Frame()) {
      PJRT_Event_Await_Args args = f.struct(PJRT_Event_Await_Args.class, PJRT_Event_Await_Args::new);
      args.struct_size(PJRT_Event_Await_Args_STRUCT_SIZE()).event(event);
      CApi.check(api, api.PJRT_Event_Await.call(args), operation);
    } finally {
      destroy(api, event);
    }
  }

  static void destroy(Api api, PJRT_Event event) {
    try (Frame f = new Frame()) {
      PJRT_Event_Destroy_Args args = f.struct(PJRT_Event_Destroy_Args.class, PJRT_Event_Destroy_Args::new);
      args.struct_size(PJRT_Event_Destroy_Args_STRUCT_SIZE()).event(event);
      CApi.check(api, api.PJRT_Event_Destroy.call(args), "PJRT_Event_Destroy");
    }
  }
}
