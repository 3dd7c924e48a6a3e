package xla4j.pjrt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Closing handles while other threads use them: nothing outlives its client, nothing is freed under a
 * call, lock waits cannot form a cycle, and events that are already ready are freed safely. The loop
 * counts are bounded; the timeouts only turn a deadlock into a failure instead of a hung build.
 */
class ConcurrentCloseTest {
  static final String ADD = """
      module @add { func.func public @main(%arg0: tensor<4xf32>) -> tensor<4xf32> {
        %0 = stablehlo.add %arg0, %arg0 : tensor<4xf32>
        return %0 : tensor<4xf32>
      } }
      """;
  static final String ADD2 = """
      module @add2 { func.func public @main(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
        %0 = stablehlo.add %a, %b : tensor<4xf32>
        return %0 : tensor<4xf32>
      } }
      """;
  static final float[] X = {1, 2, 3, 4};

  /** Remembers the distinct messages of the exceptions the workers ended with; anything but ISE fails. */
  static final class Outcomes {
    final Map<String, Boolean> closedMessages = new ConcurrentHashMap<>();
    final AtomicReference<Throwable> unexpected = new AtomicReference<>();

    void record(Throwable t) {
      if (t instanceof IllegalStateException && t.getMessage().endsWith(" is closed")) {
        closedMessages.put(t.getMessage(), true);
      } else {
        unexpected.compareAndSet(null, t);
      }
    }

    void assertOnlyClosedErrors() {
      if (unexpected.get() != null) {
        throw new AssertionError("a worker failed with something other than 'is closed'", unexpected.get());
      }
    }
  }

  // Reviewer's Race1: a Buffer made while its client closed stayed open; its toHost then crashed the JVM.
  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void clientCloseDuringBufferCreationClosesEveryBuffer() throws Exception {
    PjrtPlugin plugin = PjrtPlugin.cpu();
    Outcomes outcomes = new Outcomes();
    for (int round = 0; round < 30; round++) {
      Client c = plugin.createClient();
      Device dev = c.addressableDevices().get(0);
      List<Buffer> made = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch some = new CountDownLatch(3);
      Thread t = new Thread(() -> {
        try {
          for (int i = 0; i < 2000; i++) {
            made.add(c.buffer(X, dev, 4));
            some.countDown();
          }
        } catch (Throwable e) {
          outcomes.record(e);
        } finally {
          while (some.getCount() > 0) {
            some.countDown();
          }
        }
      });
      t.start();
      some.await();
      c.close();
      t.join();
      assertTrue(c.isClosed());
      assertEquals(0, c.openChildren(), "round " + round);
      for (Buffer b : made) {
        assertTrue(b.isClosed(), "round " + round + ": " + b + " outlived its client");
        IllegalStateException e = assertThrows(IllegalStateException.class, b::toHost);
        assertEquals("Buffer f32[4] is closed", e.getMessage());
      }
    }
    outcomes.assertOnlyClosedErrors();
  }

  // Reviewer's Race3: three threads executing while the client closed left 58 output buffers open.
  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void clientCloseDuringExecutionClosesEveryOutput() throws Exception {
    PjrtPlugin plugin = PjrtPlugin.cpu();
    Outcomes outcomes = new Outcomes();
    for (int round = 0; round < 20; round++) {
      Client c = plugin.createClient();
      LoadedExecutable exe = c.compile(ADD, CompileOptions.singleDevice());
      Buffer in = c.buffer(X, c.addressableDevices().get(0), 4);
      List<Buffer> outs = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch some = new CountDownLatch(3);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        Thread th = new Thread(() -> {
          try {
            for (int i = 0; i < 500; i++) {
              List<Buffer> out = exe.execute(in);
              outs.addAll(out);
              // A result read back is right, or its buffer is already closed; never garbage.
              assertArrayEquals(new float[] {2, 4, 6, 8}, out.get(0).toHost().toFloatArray());
              some.countDown();
            }
          } catch (Throwable e) {
            outcomes.record(e);
          } finally {
            some.countDown();
          }
        });
        threads.add(th);
        th.start();
      }
      some.await();
      c.close();
      for (Thread th : threads) {
        th.join();
      }
      assertTrue(exe.isClosed() && in.isClosed());
      assertEquals(0, c.openChildren(), "round " + round);
      for (Buffer b : outs) {
        assertTrue(b.isClosed(), "round " + round + ": " + b + " outlived its client");
        assertThrows(IllegalStateException.class, b::toHost);
      }
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> exe.execute(in));
      assertEquals("PJRT client of " + plugin.path().getFileName() + " is closed", e.getMessage());
    }
    outcomes.assertOnlyClosedErrors();
  }

  /**
   * The reviewer's suspected deadlock, staged step by step: this thread holds a's read lock (as an
   * execute that has locked a and wants b would), a close of a waits behind it, and another thread
   * executes (b, a). Taking locks in argument order, that execute would hold b while it waits for a, and
   * a close of b (queued behind it) would block this thread's b: a cycle. In lock order it waits for a
   * holding no buffer, so b closes at once.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void executeWithArgumentsInOppositeOrdersCannotDeadlockWithCloses() throws Exception {
    try (Client c = PjrtPlugin.cpu().createClient()) {
      Device dev = c.addressableDevices().get(0);
      LoadedExecutable exe = c.compile(ADD2, CompileOptions.singleDevice());
      Buffer a = c.buffer(X, dev, 4);
      Buffer b = c.buffer(X, dev, 4);
      Outcomes outcomes = new Outcomes();
      a.acquire();
      Thread closeA;
      Thread execBA;
      try {
        closeA = new Thread(a::close);
        closeA.start();
        waitUntilWaiting(a, closeA);
        execBA = new Thread(() -> {
          try {
            exe.execute(b, a).forEach(Buffer::close);
          } catch (Throwable e) {
            outcomes.record(e);
          }
        });
        execBA.start();
        waitUntilWaiting(a, execBA);
        Thread closeB = new Thread(b::close);
        closeB.start();
        closeB.join(); // with b held by execBA this would never return
        assertTrue(b.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, b::acquire);
        assertEquals("Buffer f32[4] is closed", e.getMessage());
      } finally {
        a.release();
      }
      closeA.join();
      execBA.join();
      assertTrue(a.isClosed());
      outcomes.assertOnlyClosedErrors();
      assertEquals(Map.of("Buffer f32[4] is closed", true), outcomes.closedMessages);
      exe.close();
    }
  }

  private static void waitUntilWaiting(NativeResource r, Thread t) throws InterruptedException {
    while (!r.isWaiting(t)) {
      assertTrue(t.isAlive(), t + " ended instead of waiting for " + r.description());
      Thread.sleep(1);
    }
  }

  /** Random interleavings of the same: two threads executing (a, b) and (b, a) while both close. */
  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void oppositeArgumentOrdersUnderConcurrentClosesFinish() throws Exception {
    try (Client c = PjrtPlugin.cpu().createClient()) {
      Device dev = c.addressableDevices().get(0);
      LoadedExecutable exe = c.compile(ADD2, CompileOptions.singleDevice());
      Outcomes outcomes = new Outcomes();
      for (int round = 0; round < 200; round++) {
        Buffer a = c.buffer(X, dev, 4);
        Buffer b = c.buffer(X, dev, 4);
        CountDownLatch go = new CountDownLatch(1);
        Runnable ab = () -> runUntilClosed(go, exe, a, b, outcomes);
        Runnable ba = () -> runUntilClosed(go, exe, b, a, outcomes);
        Thread[] threads = {new Thread(ab), new Thread(ba), new Thread(() -> closeAfter(go, a)),
            new Thread(() -> closeAfter(go, b))};
        for (Thread t : threads) {
          t.start();
        }
        go.countDown();
        for (Thread t : threads) {
          t.join();
        }
        assertTrue(a.isClosed() && b.isClosed());
      }
      outcomes.assertOnlyClosedErrors();
      assertEquals(1, c.openChildren(), "only the executable is left open");
      exe.close();
    }
  }

  private static void runUntilClosed(CountDownLatch go, LoadedExecutable exe, Buffer x, Buffer y, Outcomes outcomes) {
    try {
      go.await();
      for (int i = 0; i < 200; i++) {
        List<Buffer> out = exe.execute(x, y);
        assertArrayEquals(new float[] {2, 4, 6, 8}, out.get(0).toHost().toFloatArray());
        out.forEach(Buffer::close);
      }
    } catch (Throwable e) {
      outcomes.record(e);
    }
  }

  private static void closeAfter(CountDownLatch go, Buffer b) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    b.close();
  }

  // The plugin may run an OnReady callback inside PJRT_Event_OnReady when the event is already ready;
  // the event must then be freed only after that call returned (freed exactly once either way).
  @Test
  void readyFuturesOfReadyBuffersCompleteAndFreeTheirEvents() throws Exception {
    try (Client c = PjrtPlugin.cpu().createClient();
        Buffer b = c.buffer(X, c.addressableDevices().get(0), 4);
        LoadedExecutable exe = c.compile(ADD, CompileOptions.singleDevice())) {
      b.ready().get();
      for (int i = 0; i < 2000; i++) {
        b.ready().get(); // ready long ago: the callback fires during registration
      }
      for (int i = 0; i < 200; i++) {
        List<List<Buffer>> out = exe.executeAsync(List.of(List.of(b))).get();
        assertArrayEquals(new float[] {2, 4, 6, 8}, out.get(0).get(0).toHost().toFloatArray());
        out.get(0).get(0).close();
      }
      assertArrayEquals(X, b.toHost().toFloatArray());
    }
  }
}
