package xla4j.pjrt;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntBinaryOperator;
import xla4j.pjrt.proto.CompileOptionsProto;
import xla4j.pjrt.proto.DeviceAssignmentProto;
import xla4j.pjrt.proto.ExecutableBuildOptionsProto;

/**
 * Options for compiling a program: an {@code xla.CompileOptionsProto} (protobuf-java, from xla4j's
 * subset of XLA's .proto with XLA's field numbers). Immutable; build with {@link #builder()} or the
 * shortcuts {@link #singleDevice()} and {@link #spmd(int)}.
 *
 * <p>Always sets {@code num_replicas} and {@code num_partitions} (XLA rejects 0 replicas).
 */
public final class CompileOptions {
  private final CompileOptionsProto proto;

  private CompileOptions(CompileOptionsProto proto) {
    this.proto = proto;
  }

  /** One replica, one partition. */
  public static CompileOptions singleDevice() {
    return builder().build();
  }

  /**
   * {@code partitions}-way SPMD with the Shardy partitioner (the program's shardings are
   * {@code sdy.sharding} attributes); 1 gives {@link #singleDevice()}.
   */
  public static CompileOptions spmd(int partitions) {
    return builder().partitions(partitions).build();
  }

  /** A builder with 1 replica, 1 partition and Shardy. */
  public static Builder builder() {
    return new Builder();
  }

  /** Wraps a complete proto (e.g. one read from an artifact). */
  public static CompileOptions fromProto(CompileOptionsProto proto) {
    return new CompileOptions(proto);
  }

  /** The options as an {@code xla.CompileOptionsProto} (immutable). */
  public CompileOptionsProto proto() {
    return proto;
  }

  /** The serialized proto, as {@code PJRT_Client_Compile} takes it. */
  public byte[] toByteArray() {
    return proto.toByteArray();
  }

  /** {@code num_replicas} (at least 1). */
  public int numReplicas() {
    return (int) proto.getExecutableBuildOptions().getNumReplicas();
  }

  /** {@code num_partitions} (at least 1). */
  public int numPartitions() {
    return (int) proto.getExecutableBuildOptions().getNumPartitions();
  }

  /** The device ids as {@code [replica][partition]}, if the options assign devices. */
  public Optional<int[][]> deviceAssignment() {
    ExecutableBuildOptionsProto b = proto.getExecutableBuildOptions();
    if (!b.hasDeviceAssignment()) {
      return Optional.empty();
    }
    DeviceAssignmentProto da = b.getDeviceAssignment();
    int[][] ids = new int[da.getReplicaCount()][da.getComputationCount()];
    for (int p = 0; p < da.getComputationCount() && p < da.getComputationDevicesCount(); p++) {
      DeviceAssignmentProto.ComputationDevice cd = da.getComputationDevices(p);
      for (int r = 0; r < da.getReplicaCount() && r < cd.getReplicaDeviceIdsCount(); r++) {
        ids[r][p] = Math.toIntExact(cd.getReplicaDeviceIds(r));
      }
    }
    return Optional.of(ids);
  }

  /**
   * These options with {@code devices}, in order, assigned to replica-major (replica, partition) slots when
   * the options assign none and name more than one device; otherwise these options.
   */
  CompileOptions withDefaultDeviceAssignment(List<Integer> devices) {
    int replicas = numReplicas();
    int partitions = numPartitions();
    if (proto.getExecutableBuildOptions().hasDeviceAssignment() || (long) replicas * partitions <= 1
        || (long) replicas * partitions > devices.size()) {
      return this;
    }
    ExecutableBuildOptionsProto.Builder b = proto.getExecutableBuildOptions().toBuilder();
    b.setDeviceAssignment(assignment(replicas, partitions, (r, p) -> devices.get(r * partitions + p)));
    return new CompileOptions(proto.toBuilder().setExecutableBuildOptions(b).build());
  }

  /**
   * Checks these options against a compile target's device ids before a plugin sees them (libtpu aborts
   * the process on a device id it does not have).
   *
   * @throws IllegalArgumentException if replicas x partitions exceed the devices, or the device assignment
   *     is not replicas x partitions distinct ids of {@code devices}
   */
  void checkDevices(List<Integer> devices, String target) {
    int replicas = numReplicas();
    int partitions = numPartitions();
    if (replicas < 1 || partitions < 1) {
      throw new IllegalArgumentException("CompileOptions requires num_replicas >= 1 and num_partitions >= 1, got "
          + replicas + " and " + partitions);
    }
    if ((long) replicas * partitions > devices.size()) {
      throw new IllegalArgumentException(target + " requires num_replicas x num_partitions to be at most its "
          + devices.size() + " devices, got " + replicas + " x " + partitions);
    }
    ExecutableBuildOptionsProto b = proto.getExecutableBuildOptions();
    if (!b.hasDeviceAssignment()) {
      return;
    }
    DeviceAssignmentProto da = b.getDeviceAssignment();
    if (da.getReplicaCount() != replicas || da.getComputationCount() != partitions
        || da.getComputationDevicesCount() != partitions) {
      throw new IllegalArgumentException("CompileOptions device assignment requires " + replicas + " replica(s) x "
          + partitions + " partition(s), got " + da.getReplicaCount() + " x " + da.getComputationCount() + " with "
          + da.getComputationDevicesCount() + " computation device lists");
    }
    Set<Long> known = new HashSet<>();
    devices.forEach(d -> known.add((long) d));
    Set<Long> seen = new HashSet<>();
    for (int p = 0; p < partitions; p++) {
      DeviceAssignmentProto.ComputationDevice cd = da.getComputationDevices(p);
      if (cd.getReplicaDeviceIdsCount() != replicas) {
        throw new IllegalArgumentException("CompileOptions device assignment requires one id per replica (" + replicas
            + ") for partition " + p + ", got " + cd.getReplicaDeviceIdsCount());
      }
      for (int r = 0; r < replicas; r++) {
        long id = cd.getReplicaDeviceIds(r);
        if (!known.contains(id)) {
          throw new IllegalArgumentException("CompileOptions device assignment requires device ids of " + target + " "
              + devices + ", got " + id + " for replica " + r + ", partition " + p);
        }
        if (!seen.add(id)) {
          throw new IllegalArgumentException("CompileOptions device assignment requires each device at most once, got "
              + id + " twice");
        }
      }
    }
  }

  private static DeviceAssignmentProto assignment(int replicas, int partitions, IntBinaryOperator id) {
    DeviceAssignmentProto.Builder da = DeviceAssignmentProto.newBuilder()
        .setReplicaCount(replicas).setComputationCount(partitions);
    for (int p = 0; p < partitions; p++) {
      DeviceAssignmentProto.ComputationDevice.Builder cd = DeviceAssignmentProto.ComputationDevice.newBuilder();
      for (int r = 0; r < replicas; r++) {
        cd.addReplicaDeviceIds(id.applyAsInt(r, p));
      }
      da.addComputationDevices(cd);
    }
    return da.build();
  }

  @Override
  public String toString() {
    return "CompileOptions{" + com.google.protobuf.TextFormat.shortDebugString(proto) + "}";
  }

  /** Fluent builder; {@link #build()} checks the combination. Not thread-safe: use from one thread. */
  public static final class Builder {
    private int replicas = 1;
    private int partitions = 1;
    private Boolean spmd;
    private boolean shardy = true;
    private int[][] deviceAssignment;
    private boolean portable;

    private Builder() {}

    /** Number of replicas (default 1); throws {@code IllegalArgumentException} below 1. */
    public Builder replicas(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("CompileOptions requires replicas >= 1, got " + n);
      }
      replicas = n;
      return this;
    }

    /** Number of SPMD partitions; more than one turns on SPMD partitioning unless told otherwise. */
    public Builder partitions(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("CompileOptions requires partitions >= 1, got " + n);
      }
      partitions = n;
      return this;
    }

    /** use_spmd_partitioning (default: partitions > 1). */
    public Builder spmdPartitioning(boolean on) {
      spmd = on;
      return this;
    }

    /** use_shardy_partitioner (default true, as JAX); false selects GSPMD ({@code mhlo.sharding}). */
    public Builder shardy(boolean on) {
      shardy = on;
      return this;
    }

    /**
     * Device ids as {@code [replica][partition]}; omitted, the plugin picks its default assignment.
     */
    public Builder deviceAssignment(int[][] replicaByPartition) {
      deviceAssignment = new int[replicaByPartition.length][];
      for (int r = 0; r < replicaByPartition.length; r++) {
        deviceAssignment[r] = replicaByPartition[r].clone();
      }
      return this;
    }

    /** compile_portable_executable: one device, chosen when executing. */
    public Builder portable(boolean on) {
      portable = on;
      return this;
    }

    /**
     * The options; throws {@code IllegalArgumentException} if the device assignment is not {@code replicas x
     * partitions} distinct non-negative ids.
     */
    public CompileOptions build() {
      boolean useSpmd = spmd != null ? spmd : partitions > 1;
      ExecutableBuildOptionsProto.Builder b = ExecutableBuildOptionsProto.newBuilder()
          .setDeviceOrdinal(-1)
          .setNumReplicas(replicas)
          .setNumPartitions(partitions)
          .setUseSpmdPartitioning(useSpmd)
          .setUseShardyPartitioner(useSpmd && shardy);
      if (deviceAssignment != null) {
        if (deviceAssignment.length != replicas) {
          throw new IllegalArgumentException("CompileOptions device assignment requires one row per replica ("
              + replicas + "), got " + deviceAssignment.length);
        }
        Set<Integer> seen = new HashSet<>();
        for (int r = 0; r < replicas; r++) {
          if (deviceAssignment[r].length != partitions) {
            throw new IllegalArgumentException("CompileOptions device assignment requires one id per partition ("
                + partitions + ") in row " + r + ", got " + deviceAssignment[r].length);
          }
          for (int id : deviceAssignment[r]) {
            if (id < 0) {
              throw new IllegalArgumentException("CompileOptions device assignment requires device ids >= 0, got " + id);
            }
            if (!seen.add(id)) {
              throw new IllegalArgumentException("CompileOptions device assignment requires each device at most once, "
                  + "got " + id + " twice");
            }
          }
        }
        b.setDeviceAssignment(assignment(replicas, partitions, (r, p) -> deviceAssignment[r][p]));
      }
      if (portable && replicas * partitions != 1) {
        throw new IllegalArgumentException("CompileOptions portable executables require 1 replica and 1 partition, got "
            + replicas + " and " + partitions);
      }
      return new CompileOptions(CompileOptionsProto.newBuilder()
          .setExecutableBuildOptions(b)
          .setCompilePortableExecutable(portable)
          .build());
    }
  }
}
