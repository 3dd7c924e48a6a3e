package xla4j.pjrt;

import static xla4j.pjrt.capi.global.PjrtC.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.PointerScope;
import xla4j.array.NdArray;
import xla4j.pjrt.capi.PJRT_Buffer;
import xla4j.pjrt.capi.PJRT_Event;
import xla4j.pjrt.capi.PJRT_ExecuteOptions;
import xla4j.pjrt.capi.PJRT_LoadedExecutable;
import xla4j.pjrt.capi.PJRT_LoadedExecutable_AddressableDevices_Args;
import xla4j.pjrt.capi.PJRT_LoadedExecutable_Destroy_Args;
import xla4j.pjrt.capi.PJRT_LoadedExecutable_Execute_Args;
import xla4j.pjrt.capi.PJRT_LoadedExecutable_GetExecutable_Args;

/**
 * A program compiled for and loaded onto a client's devices. {@link #execute} runs it on one device,
 * {@link #executeSharded} on all its devices at once (SPMD partitions / replicas), each with its own
 * argument buffers. Safe to call from many threads at once.
 */
public final class LoadedExecutable extends NativeResource {
  private final Client client;
  private final Api api;
  private final PJRT_LoadedExecutable loaded;
  private final Executable executable;
  private final List<Device> devices;
  private final ProgramSignature signature;

  /**
   * Takes ownership of {@code loaded}: if reading its properties fails, it is freed before the exception
   * propagates.
   */
  LoadedExecutable(Client client, PJRT_LoadedExecutable loaded, ProgramSignature signature) {
    super(client, "LoadedExecutable", destroyer(client.api(), loaded));
    this.client = client;
    this.api = client.api();
    this.loaded = loaded;
    this.signature = signature;
    try (PointerScope scope = new PointerScope()) {
      PJRT_LoadedExecutable_GetExecutable_Args g = new PJRT_LoadedExecutable_GetExecutable_Args();
      g.struct_size(PJRT_LoadedExecutable_GetExecutable_Args_STRUCT_SIZE()).loaded_executable(loaded);
      CApi.check(api, api.PJRT_LoadedExecutable_GetExecutable.call(g), "PJRT_LoadedExecutable_GetExecutable");
      this.executable = new Executable(this, api, g.executable(), client.platformName(), client.platformVersion());
      PJRT_LoadedExecutable_AddressableDevices_Args a = new PJRT_LoadedExecutable_AddressableDevices_Args();
      a.struct_size(PJRT_LoadedExecutable_AddressableDevices_Args_STRUCT_SIZE()).executable(loaded);
      CApi.check(api, api.PJRT_LoadedExecutable_AddressableDevices.call(a), "PJRT_LoadedExecutable_AddressableDevices");
      List<Device> list = new ArrayList<>();
      for (long i = 0; i < a.num_addressable_devices(); i++) {
        list.add(client.deviceAt(a.addressable_devices().get(i).address()));
      }
      this.devices = Collections.unmodifiableList(list);
    } catch (RuntimeException | Error e) {
      closeAfterFailedConstruction(e); // also closes the Executable, a child, if it was made
      throw e;
    }
  }

  private static Runnable destroyer(Api api, PJRT_LoadedExecutable loaded) {
    return () -> {
      try (PointerScope scope = new PointerScope()) {
        PJRT_LoadedExecutable_Destroy_Args args = new PJRT_LoadedExecutable_Destroy_Args();
        args.struct_size(PJRT_LoadedExecutable_Destroy_Args_STRUCT_SIZE()).executable(loaded);
        CApi.check(api, api.PJRT_LoadedExecutable_Destroy.call(args), "PJRT_LoadedExecutable_Destroy");
      }
    };
  }

  /** The client it is loaded on. */
  public Client client() {
    return client;
  }

  /** The compiled program's description: name, outputs, memory stats, serialization. */
  public Executable executable() {
    return executable;
  }

  /** The devices it runs on, in the order {@link #executeSharded} takes argument lists. */
  public List<Device> devices() {
    return devices;
  }

  /** The entry function's types, when known (compiled from MLIR text or loaded from an artifact). */
  public Optional<ProgramSignature> signature() {
    return Optional.ofNullable(signature);
  }

  /** Runs on its single device; waits for the results. */
  public List<Buffer> execute(Buffer... args) {
    return execute(Arrays.asList(args));
  }

  /** Runs on its single device; waits for the results. */
  public List<Buffer> execute(List<Buffer> args) {
    if (devices.size() != 1) {
      throw new IllegalArgumentException("execute requires an executable on 1 device, got " + devices.size()
          + " devices: use executeSharded with one argument list per device");
    }
    return executeSharded(List.of(args)).get(0);
  }

  /**
   * Copies {@code inputs} to its single device, runs, and copies the results back, freeing all device
   * buffers it made.
   */
  public List<NdArray> call(NdArray... inputs) {
    if (devices.size() != 1) {
      throw new IllegalArgumentException("call requires an executable on 1 device, got " + devices.size());
    }
    List<Buffer> in = new ArrayList<>();
    List<Buffer> out = List.of();
    try {
      for (NdArray a : inputs) {
        in.add(client.buffer(a, devices.get(0)));
      }
      out = execute(in);
      List<NdArray> result = new ArrayList<>();
      for (Buffer b : out) {
        result.add(b.toHost());
      }
      return result;
    } finally {
      closeAll(in);
      closeAll(out);
    }
  }

  /**
   * Runs on all its devices at once: {@code argsPerDevice.get(d)} are the arguments for
   * {@code devices().get(d)}. Waits for completion; returns the outputs per device.
   *
   * @throws IllegalArgumentException for a wrong number of argument lists or arguments, or an argument
   *     whose dtype (or, unpartitioned, shape) differs from the program's parameter
   * @throws PjrtException if the plugin reports an error
   */
  public List<List<Buffer>> executeSharded(List<List<Buffer>> argsPerDevice) {
    return executeSharded(argsPerDevice, NO_DONATIONS);
  }

  /**
   * As {@link #executeSharded(List)}, where the program donates the arguments at {@code donatedArgs} (their buffers
   * alias outputs, {@code tf.aliasing_output}): once the execution is launched, those buffers belong to XLA, and every
   * later use of them throws an {@link IllegalStateException} saying they were donated.
   *
   * @throws IllegalArgumentException for a donated index out of range, or a donated buffer passed twice
   */
  public List<List<Buffer>> executeSharded(List<List<Buffer>> argsPerDevice, int[] donatedArgs) {
    // Held until the devices are done: the client is not destroyed under a running execution.
    client.acquire();
    try {
      checkDonations(argsPerDevice, donatedArgs);
      Launch launch = launch(argsPerDevice);
      invalidateDonated(argsPerDevice, donatedArgs);
      PjrtException failure = null;
      for (PJRT_Event e : launch.events) {
        try {
          Event.awaitAndDestroy(api, e, "PJRT_LoadedExecutable_Execute of " + executable.name());
        } catch (PjrtException ex) {
          failure = failure == null ? ex : failure;
        }
      }
      if (failure != null) {
        launch.outputs.forEach(LoadedExecutable::closeAll);
        throw failure;
      }
      return launch.outputs;
    } finally {
      client.release();
    }
  }

  /**
   * As {@link #executeSharded} without waiting: the outputs' future completes when all devices are
   * done (exceptionally with a {@link PjrtException} if one failed, the outputs then being closed).
   */
  public CompletableFuture<List<List<Buffer>>> executeAsync(List<List<Buffer>> argsPerDevice) {
    return executeAsync(argsPerDevice, NO_DONATIONS);
  }

  /** As {@link #executeAsync(List)} with donated arguments, as {@link #executeSharded(List, int[])}. */
  public CompletableFuture<List<List<Buffer>>> executeAsync(List<List<Buffer>> argsPerDevice, int[] donatedArgs) {
    Launch launch;
    client.acquire();
    try {
      checkDonations(argsPerDevice, donatedArgs);
      launch = launch(argsPerDevice);
      invalidateDonated(argsPerDevice, donatedArgs);
    } finally {
      client.release();
    }
    CompletableFuture<?>[] done = new CompletableFuture<?>[launch.events.size()];
    for (int i = 0; i < done.length; i++) {
      try {
        done[i] = Event.toFuture(api, launch.events.get(i), "PJRT_LoadedExecutable_Execute of " + executable.name());
      } catch (RuntimeException e) {
        for (int j = i + 1; j < done.length; j++) {
          Event.destroy(api, launch.events.get(j));
        }
        launch.outputs.forEach(LoadedExecutable::closeAll);
        throw e;
      }
    }
    return CompletableFuture.allOf(done).handle((ok, error) -> {
      if (error != null) {
        launch.outputs.forEach(LoadedExecutable::closeAll);
        Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
        throw cause instanceof RuntimeException ? (RuntimeException) cause : new RuntimeException(cause);
      }
      return launch.outputs;
    });
  }

  private static final int[] NO_DONATIONS = new int[0];

  private void checkDonations(List<List<Buffer>> argsPerDevice, int[] donated) {
    if (donated.length == 0) {
      return;
    }
    java.util.Set<Buffer> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (List<Buffer> args : argsPerDevice) {
      for (int i : donated) {
        if (i < 0 || i >= args.size()) {
          throw new IllegalArgumentException("execute of " + executable.name() + " requires donated argument indices in "
              + "[0, " + args.size() + "), got " + i);
        }
      }
    }
    for (List<Buffer> args : argsPerDevice) {
      for (int i : donated) {
        if (!seen.add(args.get(i))) {
          throw new IllegalArgumentException("execute of " + executable.name() + " requires each donated buffer once, got "
              + args.get(i) + " twice");
        }
      }
    }
    for (List<Buffer> args : argsPerDevice) {
      java.util.Set<Integer> mine = new java.util.HashSet<>();
      for (int i : donated) {
        mine.add(i);
      }
      for (int i = 0; i < args.size(); i++) {
        if (!mine.contains(i) && seen.contains(args.get(i))) {
          throw new IllegalArgumentException("execute of " + executable.name() + " requires a donated buffer not to be "
              + "passed again as argument " + i + ", got " + args.get(i));
        }
      }
    }
  }

  /** Marks the donated buffers unusable: XLA owns their memory now. */
  private void invalidateDonated(List<List<Buffer>> argsPerDevice, int[] donated) {
    for (List<Buffer> args : argsPerDevice) {
      for (int i : donated) {
        args.get(i).invalidate("was donated to " + executable.name() + " (argument " + i + ") and is no longer valid");
      }
    }
  }

  private static final class Launch {
    final List<List<Buffer>> outputs;
    final List<PJRT_Event> events;

    Launch(List<List<Buffer>> outputs, List<PJRT_Event> events) {
      this.outputs = outputs;
      this.events = events;
    }
  }

  // The lock order among buffers (see NativeResource): ascending creation order.
  private static final Comparator<Buffer> LOCK_ORDER = Comparator.comparingLong(Buffer::order);

  /** Starts an execution; the caller holds the client's read lock (taken before this one's, by the lock order). */
  private Launch launch(List<List<Buffer>> argsPerDevice) {
    int numDevices = devices.size();
    if (argsPerDevice.size() != numDevices) {
      throw new IllegalArgumentException("execute of " + executable.name() + " requires one argument list per device ("
          + numDevices + "), got " + argsPerDevice.size());
    }
    int numArgs = argsPerDevice.get(0).size();
    Buffer[] locked = new Buffer[numDevices * numArgs];
    for (int d = 0; d < numDevices; d++) {
      List<Buffer> args = argsPerDevice.get(d);
      for (int i = 0; i < args.size(); i++) {
        Buffer b = args.get(i);
        if (b == null || b.client() != client) {
          throw new IllegalArgumentException("execute of " + executable.name() + " requires argument " + i + where(d)
              + " to be a buffer of " + client + ", got " + (b == null ? "null" : b + " of another client"));
        }
      }
      checkArguments(args, d);
      if (args.size() != numArgs) {
        throw new IllegalArgumentException("execute of " + executable.name() + " requires the same number of "
            + "arguments on every device, got " + numArgs + " on device 0 (" + devices.get(0) + ") and "
            + args.size() + " on device " + d + " (" + devices.get(d) + ")");
      }
      for (int i = 0; i < numArgs; i++) {
        locked[d * numArgs + i] = args.get(i);
      }
    }
    // Read locks of several buffers in one order for every thread: a thread waiting for B while holding A
    // and another waiting for A while holding B, each behind a queued close(), would deadlock.
    Arrays.sort(locked, LOCK_ORDER);
    int numOutputs = executable.outputs().size();
    acquire();
    int held = 0;
    try (Frame f = new Frame()) {
      for (; held < locked.length; held++) {
        locked[held].acquire();
      }
      PointerPointer argLists = f.pointers(numDevices);
      PointerPointer outLists = f.pointers(numDevices);
      PointerPointer events = f.pointers(numDevices);
      List<PointerPointer> outs = new ArrayList<>();
      for (int d = 0; d < numDevices; d++) {
        PointerPointer a = f.pointers(numArgs);
        for (int i = 0; i < numArgs; i++) {
          a.put(i, argsPerDevice.get(d).get(i).handle());
        }
        argLists.put(d, a);
        PointerPointer o = f.pointers(numOutputs);
        outLists.put(d, o);
        outs.add(o);
      }
      PJRT_ExecuteOptions options = f.struct(PJRT_ExecuteOptions.class, PJRT_ExecuteOptions::new);
      options.struct_size(PJRT_ExecuteOptions_STRUCT_SIZE());
      PJRT_LoadedExecutable_Execute_Args args =
          f.struct(PJRT_LoadedExecutable_Execute_Args.class, PJRT_LoadedExecutable_Execute_Args::new);
      args.struct_size(PJRT_LoadedExecutable_Execute_Args_STRUCT_SIZE()).executable(loaded).options(options)
          .argument_lists(argLists).num_devices(numDevices).num_args(numArgs).output_lists(outLists)
          .device_complete_events(events);
      CApi.check(api, api.PJRT_LoadedExecutable_Execute.call(args),
          "PJRT_LoadedExecutable_Execute of " + executable.name());
      List<List<Buffer>> outputs = new ArrayList<>();
      List<PJRT_Event> done = new ArrayList<>();
      int wrapped = 0;
      try {
        for (int d = 0; d < numDevices; d++) {
          List<Buffer> deviceOutputs = new ArrayList<>();
          outputs.add(Collections.unmodifiableList(deviceOutputs));
          for (int i = 0; i < numOutputs; i++) {
            org.bytedeco.javacpp.Pointer out = outs.get(d).get(i);
            if (out == null || out.isNull()) {
              throw new PjrtException("PJRT_LoadedExecutable_Execute of " + executable.name(), PjrtException.Code.INTERNAL,
                  "plugin returned no buffer for output " + i + " on device " + d);
            }
            deviceOutputs.add(new Buffer(client, new PJRT_Buffer(out), executable.outputs().get(i)));
            wrapped++;
          }
          org.bytedeco.javacpp.Pointer event = events.get(d);
          if (event != null && !event.isNull()) {
            done.add(new PJRT_Event(event));
          }
        }
      } catch (RuntimeException | Error e) {
        abandon(e, outputs, wrapped, outs, events, numDevices, numOutputs);
        throw e;
      }
      return new Launch(Collections.unmodifiableList(outputs), done);
    } finally {
      for (int i = 0; i < held; i++) {
        locked[i].release();
      }
      release();
    }
  }

  /**
   * After a failure between a successful Execute and the hand-over of its results: waits for the devices
   * and frees every event and output buffer (the first {@code wrapped} outputs, device-major, are already
   * Buffers). Failures while freeing are added to {@code failure}.
   */
  private void abandon(Throwable failure, List<List<Buffer>> outputs, int wrapped, List<PointerPointer> outs,
      PointerPointer events, int numDevices, int numOutputs) {
    for (int d = 0; d < numDevices; d++) {
      org.bytedeco.javacpp.Pointer event = events.get(d);
      if (event != null && !event.isNull()) {
        try {
          Event.awaitAndDestroy(api, new PJRT_Event(event), "PJRT_LoadedExecutable_Execute of " + executable.name());
        } catch (RuntimeException e) {
          failure.addSuppressed(e);
        }
      }
    }
    for (List<Buffer> deviceOutputs : outputs) {
      for (Buffer b : deviceOutputs) {
        try {
          b.close();
        } catch (RuntimeException e) {
          failure.addSuppressed(e);
        }
      }
    }
    for (int k = wrapped; k < numDevices * numOutputs; k++) {
      org.bytedeco.javacpp.Pointer out = outs.get(k / numOutputs).get(k % numOutputs);
      if (out != null && !out.isNull()) {
        Buffer.destroy(api, new PJRT_Buffer(out), failure);
      }
    }
  }

  /** " on device cpu:1" for a multi-device executable, else "": for messages only (it allocates). */
  private String where(int device) {
    return devices.size() == 1 ? "" : " on device " + devices.get(device);
  }

  private void checkArguments(List<Buffer> args, int device) {
    if (signature == null) {
      return;
    }
    List<TensorSpec> params = signature.inputs();
    if (args.size() != params.size()) {
      throw new IllegalArgumentException("execute of " + executable.name() + " requires " + params.size()
          + " arguments " + params + where(device) + ", got " + args.size());
    }
    boolean global = executable.numPartitions() == 1;
    for (int i = 0; i < args.size(); i++) {
      TensorSpec got = args.get(i).spec();
      TensorSpec want = params.get(i);
      if (got.dtype() != want.dtype() || (global && !got.equals(want)) || got.rank() != want.rank()) {
        throw new IllegalArgumentException("execute of " + executable.name() + " requires argument " + i + " to be "
            + want + (global ? "" : " (or a shard of it)") + where(device) + ", got " + got);
      }
    }
  }

  static void closeAll(List<Buffer> buffers) {
    for (Buffer b : buffers) {
      b.close();
    }
  }

  @Override
  public String toString() {
    return "LoadedExecutable[" + executable.name() + " on " + devices + "]";
  }
}
