package xla4j.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import xla4j.array.HostBuffer;
import xla4j.array.NdArray;
import xla4j.array.TensorSource;
import xla4j.dsl.NamedSharding;
import xla4j.dsl.PartitionSpec;
import xla4j.dsl.Signature;
import xla4j.pjrt.Buffer;
import xla4j.pjrt.TensorSpec;

/**
 * Model parameters living on the devices of a {@link DeviceMesh}, owned by Java: placed once (each device receives
 * only its shard, read from its {@link TensorSource} block by block; a replicated parameter is read once), passed by
 * name to every {@link Program} that uses them, freed by {@link #close()} (deterministically; double close is
 * harmless). Several programs (e.g. prefill and decode) share one store. Thread-safe.
 */
public final class ParamStore implements AutoCloseable {
  private final DeviceMesh devices;
  private final Map<String, ShardedArray> arrays;
  private final double placeSeconds;
  private boolean closed;

  private ParamStore(DeviceMesh devices, Map<String, ShardedArray> arrays, double placeSeconds) {
    this.devices = devices;
    this.arrays = arrays;
    this.placeSeconds = placeSeconds;
  }

  /** An empty store on {@code devices}, filled with {@link #put}. */
  public static ParamStore on(DeviceMesh devices) {
    return new ParamStore(devices, new LinkedHashMap<>(), 0);
  }

  /**
   * Places every source as {@code program}'s parameter of that name wants it (its sharding over the program's
   * devices). On failure, what was already placed is freed.
   *
   * @throws IllegalArgumentException for a source that is not a parameter of the program, or of another dtype or
   *     shape
   */
  public static ParamStore place(Program program, Map<String, ? extends TensorSource> sources,
      Consumer<String> progress) {
    return place(List.of(program), sources, progress);
  }

  /**
   * Places every source for programs that share one store (an image encoder and a decoder, a prefill and a decode
   * step): each as the first of {@code programs} taking a parameter of that name wants it. The programs must run on
   * the same devices.
   *
   * @throws IllegalArgumentException for a source that is no program's parameter, or of another dtype or shape, or
   *     programs on different devices
   */
  public static ParamStore place(List<Program> programs, Map<String, ? extends TensorSource> sources,
      Consumer<String> progress) {
    DeviceMesh devices = programs.get(0).devices();
    for (Program p : programs) {
      if (!p.devices().equals(devices)) {
        throw new IllegalArgumentException("programs sharing a parameter store must run on the same devices, got "
            + devices + " and " + p.devices() + " ('" + p.signature().name() + "')");
      }
    }
    Map<String, PartitionSpec> specs = new HashMap<>();
    for (Map.Entry<String, ? extends TensorSource> e : sources.entrySet()) {
      Signature sig = programs.stream().map(Program::signature).filter(s -> s.parameterIndex(e.getKey()) >= 0)
          .findFirst().orElse(programs.get(0).signature());
      Signature.Arg a = sig.parameter(e.getKey());
      TensorSpec want = Program.spec(a.shape());
      TensorSpec got = TensorSpec.of(e.getValue().dtype(), e.getValue().shape());
      if (!want.equals(got)) {
        throw new IllegalArgumentException("program '" + sig.name() + "' requires parameter '" + e.getKey() + "' to be "
            + want + ", got " + got + " from " + e.getValue());
      }
      specs.put(e.getKey(), a.specOrReplicated());
    }
    return place(devices, sources, specs, progress);
  }

  /** As {@link #place(Program, Map, Consumer)} for arrays in memory, without progress lines. */
  public static ParamStore fromArrays(Program program, Map<String, NdArray> arrays) {
    Map<String, TensorSource> sources = new LinkedHashMap<>();
    arrays.forEach((k, v) -> sources.put(k, TensorSource.of(v)));
    return place(program, sources, line -> { });
  }

  /**
   * Places {@code sources} on {@code devices}, each sharded by its spec in {@code specs} (replicated when absent or
   * when the devices form no mesh). {@code progress} gets a line now and then.
   */
  public static ParamStore place(DeviceMesh devices, Map<String, ? extends TensorSource> sources,
      Map<String, PartitionSpec> specs, Consumer<String> progress) {
    long t0 = System.nanoTime();
    long total = 0;
    for (TensorSource s : sources.values()) {
      total += s.byteSize();
    }
    Map<String, ShardedArray> out = new LinkedHashMap<>();
    long done = 0;
    long nextReport = total / 4;
    Staging staging = new Staging();
    try (staging) {
      for (Map.Entry<String, ? extends TensorSource> e : sources.entrySet()) {
        TensorSource src = e.getValue();
        Optional<NamedSharding> sharding = devices.mesh().map(m -> new NamedSharding(m,
            specs.getOrDefault(e.getKey(), PartitionSpec.replicated(src.shape().length))));
        out.put(e.getKey(), placeOne(e.getKey(), src, sharding, devices, staging));
        done += src.byteSize();
        if (done >= nextReport && done < total) {
          progress.accept(String.format("placed %d of %d parameters (%.0f of %.0f MB)", out.size(), sources.size(),
              done / 1e6, total / 1e6));
          nextReport += total / 4;
        }
      }
    } catch (IOException e) {
      closeAll(out.values(), e);
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      closeAll(out.values(), e);
      throw e;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    ParamStore store = new ParamStore(devices, out, seconds);
    progress.accept(String.format("placed %d parameters (%.1f MB over %d device%s, %.1f MB on the fullest) in "
        + "%.2f s, %.2f GB/s", out.size(), store.deviceBytes() / 1e6, devices.size(), devices.size() == 1 ? "" : "s",
        Arrays.stream(store.bytesPerDevice()).max().orElse(0) / 1e6, seconds, total / 1e9 / Math.max(seconds, 1e-9)));
    return store;
  }

  /** Reads each distinct block once and copies it to every device that holds it. */
  private static ShardedArray placeOne(String name, TensorSource src, Optional<NamedSharding> sharding,
      DeviceMesh devices, Staging staging) throws IOException {
    long[] global = src.shape();
    long[] shape = sharding.map(s -> s.shardShape(global)).orElse(global);
    Buffer[] buffers = new Buffer[devices.size()];
    List<Buffer> placed = new ArrayList<>();
    try {
      // Partitions holding the same block (replicated along other mesh axes) share one read; one block at a time.
      Map<List<Long>, List<Integer>> holders = new LinkedHashMap<>();
      for (int p = 0; p < devices.size(); p++) {
        long[] start = sharding.isPresent() ? sharding.get().shardStart(p, global) : new long[global.length];
        holders.computeIfAbsent(Arrays.stream(start).boxed().toList(), k -> new ArrayList<>()).add(p);
      }
      long bytes = Math.multiplyExact(NdArray.numElements(shape), (long) src.dtype().byteSize());
      for (Map.Entry<List<Long>, List<Integer>> h : holders.entrySet()) {
        long[] start = h.getKey().stream().mapToLong(Long::longValue).toArray();
        HostBuffer block = staging.atLeast(bytes);
        src.readInto(start, shape, block, 0);
        for (int p : h.getValue()) {
          buffers[p] = devices.client().buffer(block, 0, src.dtype(), shape, devices.device(p));
          placed.add(buffers[p]);
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      for (Buffer b : placed) {
        try {
          b.close();
        } catch (RuntimeException c) {
          e.addSuppressed(c);
        }
      }
      throw e;
    }
    return new ShardedArray(name, TensorSpec.of(src.dtype(), global), sharding, devices, Arrays.asList(buffers));
  }

  /**
   * One off-heap block, reused for every read of a placement and freed at its end: the host holds at most one
   * block of any size, and reads land in memory that is already mapped (fresh pages cost more than the copy).
   */
  private static final class Staging implements AutoCloseable {
    private HostBuffer buffer;

    HostBuffer atLeast(long bytes) {
      if (buffer == null || buffer.byteSize() < bytes) {
        close();
        buffer = HostBuffer.allocate(Math.max(bytes, 1));
      }
      return buffer;
    }

    @Override
    public void close() {
      if (buffer != null) {
        buffer.close();
        buffer = null;
      }
    }
  }

  /** Adds (or replaces, closing the old one) parameter {@code name}. */
  public synchronized void put(String name, ShardedArray array) {
    checkOpen();
    if (!array.devices().devices().equals(devices.devices())) {
      throw new IllegalArgumentException("parameter '" + name + "' requires devices " + devices + ", got "
          + array.devices());
    }
    ShardedArray old = arrays.put(name, array);
    if (old != null && old != array) {
      old.close();
    }
  }

  /** The devices the parameters live on. */
  public DeviceMesh devices() {
    return devices;
  }

  /** The array of parameter {@code name}. */
  public synchronized ShardedArray get(String name) {
    ShardedArray a = getOrNull(name);
    if (a == null) {
      throw new IllegalArgumentException("parameter '" + name + "' is not in the store (" + arrays.size()
          + " parameters)");
    }
    return a;
  }

  /** The array of parameter {@code name}, or null. */
  public synchronized ShardedArray getOrNull(String name) {
    checkOpen();
    return arrays.get(name);
  }

  /** The parameter names, in placement order (a snapshot). */
  public synchronized List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(arrays.keySet()));
  }

  /** Number of parameters. */
  public synchronized int size() {
    return arrays.size();
  }

  /** Bytes the parameters take on each device, in partition order. */
  public synchronized long[] bytesPerDevice() {
    checkOpen();
    long[] n = new long[devices.size()];
    for (ShardedArray a : arrays.values()) {
      long[] b = a.bytesPerDevice();
      for (int i = 0; i < n.length; i++) {
        n[i] += b[i];
      }
    }
    return n;
  }

  /** Bytes the parameters take on all devices together. */
  public synchronized long deviceBytes() {
    return Arrays.stream(bytesPerDevice()).sum();
  }

  /** Seconds {@link #place} took (0 for a store filled by {@link #put}). */
  public double placeSeconds() {
    return placeSeconds;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("ParamStore is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException first = new RuntimeException("closing the ParamStore failed");
    closeAll(arrays.values(), first);
    arrays.clear();
    if (first.getSuppressed().length > 0) {
      throw first;
    }
  }

  /** Closes every array, each in its own try, attaching failures to {@code into}. */
  private static void closeAll(java.util.Collection<ShardedArray> all, Throwable into) {
    for (ShardedArray a : all) {
      try {
        a.close();
      } catch (RuntimeException e) {
        into.addSuppressed(e);
      }
    }
  }
}
