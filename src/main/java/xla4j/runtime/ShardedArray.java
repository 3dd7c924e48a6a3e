package xla4j.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import xla4j.array.Blocks;
import xla4j.array.NdArray;
import xla4j.dsl.NamedSharding;
import xla4j.pjrt.Buffer;
import xla4j.pjrt.TensorSpec;

/**
 * A global array living on the devices of a {@link DeviceMesh}, as a {@code jax.Array}: one {@link Buffer} per
 * device holding that device's shard (the whole array where it is replicated). Owned by Java: {@link #close()}
 * frees every shard at once; an array donated to a program ({@code tf.aliasing_output}) becomes unusable, and any
 * later use throws {@link IllegalStateException} naming it. Thread-safe for reading; close it once.
 */
public final class ShardedArray implements AutoCloseable {
  private final String name;
  private final TensorSpec spec;
  private final Optional<NamedSharding> sharding;
  private final DeviceMesh devices;
  private final List<Buffer> shards;
  private volatile String invalid;

  ShardedArray(String name, TensorSpec spec, Optional<NamedSharding> sharding, DeviceMesh devices, List<Buffer> shards) {
    this.name = name;
    this.spec = spec;
    this.sharding = sharding;
    this.devices = devices;
    this.shards = List.copyOf(shards);
    if (shards.size() != devices.size()) {
      throw new IllegalArgumentException("array '" + name + "' requires one shard per device (" + devices.size()
          + "), got " + shards.size());
    }
  }

  /**
   * Copies {@code global} to the devices: each receives its shard of {@code sharding} (the whole array when it is
   * empty or replicated). On failure, what was placed is freed.
   */
  public static ShardedArray put(String name, NdArray global, Optional<NamedSharding> sharding, DeviceMesh devices) {
    checkMesh(name, sharding, devices);
    List<Buffer> placed = new ArrayList<>();
    try {
      long[] shape = sharding.isEmpty() ? global.shape() : sharding.get().shardShape(global.shape());
      for (int p = 0; p < devices.size(); p++) {
        NdArray piece = sharding.isEmpty() ? global
            : Blocks.slice(global, sharding.get().shardStart(p, global.shape()), shape);
        placed.add(devices.client().buffer(piece, devices.device(p)));
      }
    } catch (RuntimeException | Error e) {
      placed.forEach(b -> closeQuietly(b, e));
      throw e;
    }
    return new ShardedArray(name, TensorSpec.of(global.dtype(), global.shape()), sharding, devices, placed);
  }

  /** A replicated (or single-device) array. */
  public static ShardedArray put(String name, NdArray global, DeviceMesh devices) {
    return put(name, global, devices.mesh().map(m -> NamedSharding.replicated(m, global.rank())), devices);
  }

  static void checkMesh(String name, Optional<NamedSharding> sharding, DeviceMesh devices) {
    if (sharding.isPresent() && !devices.mesh().equals(Optional.of(sharding.get().mesh()))) {
      throw new IllegalArgumentException("array '" + name + "' is sharded over mesh " + sharding.get().mesh().shape()
          + " but the devices form " + devices.mesh().map(m -> "mesh " + m.shape()).orElse("no mesh"));
    }
  }

  /** The name it is known by in messages (a parameter or result name). */
  public String name() {
    return name;
  }

  /** The global dtype and shape. */
  public TensorSpec spec() {
    return spec;
  }

  /** How it is split over the mesh, or empty without a mesh. */
  public Optional<NamedSharding> sharding() {
    return sharding;
  }

  /** The devices its shards live on, one per partition. */
  public DeviceMesh devices() {
    return devices;
  }

  /** The buffer of partition (or replica) {@code p}. */
  public Buffer shard(int p) {
    checkUsable();
    return shards.get(p);
  }

  /** The buffers, one per device, in partition order. */
  public List<Buffer> shards() {
    checkUsable();
    return shards;
  }

  /** Bytes the array takes on each device, in partition order. */
  public long[] bytesPerDevice() {
    checkUsable();
    return shards.stream().mapToLong(Buffer::onDeviceSizeInBytes).toArray();
  }

  /** Bytes the array takes on all devices together. */
  public long deviceBytes() {
    return Arrays.stream(bytesPerDevice()).sum();
  }

  /** Copies the array to the host, assembling the shards (partition 0's copy where it is replicated). */
  public NdArray toHost() {
    checkUsable();
    if (sharding.isEmpty() || sharding.get().isFullyReplicated()) {
      return shards.get(0).toHost();
    }
    NamedSharding s = sharding.get();
    long[] global = spec.dims();
    long[] piece = s.shardShape(global);
    int w = spec.dtype().byteSize();
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(Math.multiplyExact(spec.numElements(), (long) w)))
        .order(ByteOrder.LITTLE_ENDIAN);
    for (int p = 0; p < shards.size(); p++) {
      NdArray host = shards.get(p).toHost();
      Blocks.copy(host.data(), piece, new long[piece.length], out, global, s.shardStart(p, global), piece, w);
    }
    return NdArray.fromBytes(spec.dtype(), global, out);
  }

  /** Whether it can still be used (neither closed nor donated). */
  public boolean isValid() {
    return invalid == null;
  }

  void checkUsable() {
    String why = invalid;
    if (why != null) {
      throw new IllegalStateException("array '" + name + "' " + why);
    }
  }

  /** After a call that donated it: XLA owns the memory now (the buffers were invalidated by the call). */
  void markDonated(String program) {
    invalid = "was donated to program '" + program + "' and is no longer valid";
  }

  /** Frees every shard now; later use throws; closing twice is harmless. */
  @Override
  public void close() {
    if (invalid == null) {
      invalid = "is closed";
    }
    RuntimeException failure = null;
    for (Buffer b : shards) {
      try {
        b.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void closeQuietly(Buffer b, Throwable into) {
    try {
      b.close();
    } catch (RuntimeException e) {
      into.addSuppressed(e);
    }
  }

  @Override
  public String toString() {
    return "ShardedArray[" + name + " " + spec + sharding.map(s -> " " + s.spec()).orElse("") + " on "
        + devices.size() + " device" + (devices.size() == 1 ? "" : "s") + "]";
  }
}
