package xla4j.pjrt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replica and partition counts of a module against compile options and a target's devices, checked in Java
 * before a plugin sees the program (libtpu aborts the process on collectives naming devices the compile does
 * not have, and on a missing or bad device assignment). No plugin needed.
 */
class ReplicationTest {
  static String golden(String name) throws Exception {
    return Files.readString(Paths.get("hlo/goldens", name));
  }

  /** A module (no stated counts) with one collective op of the given name and attributes. */
  static String op(String name, String attributes) {
    return "module @m {\n  func.func public @main(%arg0: tensor<4xf32>) -> tensor<4xf32> {\n"
        + "    %0 = \"stablehlo." + name + "\"(%arg0) <{" + attributes + "}> : (tensor<4xf32>) -> tensor<4xf32>\n"
        + "    return %0 : tensor<4xf32>\n  }\n}\n";
  }

  static String check(String mlir, int replicas, int partitions) {
    try {
      ProgramSignature.Replication.read(mlir).check(replicas, partitions);
      return "ok";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @Test
  void countsAreTheModulesAttributes() throws Exception {
    ProgramSignature c = ProgramSignature.parse(golden("collectives.mlir"));
    assertEquals(2, c.numReplicas());
    assertEquals(1, c.numPartitions());
    ProgramSignature s = ProgramSignature.parse(golden("shard_map_collectives.mlir"));
    assertEquals(1, s.numReplicas());
    assertEquals(4, s.numPartitions());
    // Only the module header counts, not text elsewhere that looks like the attribute.
    ProgramSignature bare = ProgramSignature.parse("module @m {\n  func.func public @main(%arg0: tensor<f32> "
        + "{jax.arg_info = \"mhlo.num_partitions = 8\"}) -> tensor<f32> {\n  }\n}");
    assertEquals(1, bare.numPartitions());
    assertEquals(1, bare.numReplicas());
    assertEquals(5, ProgramSignature.Replication.read(golden("collectives.mlir")).collectives().size());
    assertEquals(6, ProgramSignature.Replication.read(golden("shard_map_collectives.mlir")).collectives().size());
  }

  @Test
  void aCountOutOfRangeIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProgramSignature.parse(
        "module @m attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 99999999999 : i32} {\n"
            + "  func.func public @main(%arg0: tensor<f32>) -> tensor<f32> {\n  }\n}"));
    assertEquals("module attribute mhlo.num_replicas requires a whole number from 1 to 2147483647, got 99999999999",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ProgramSignature.Replication.read("module attributes {mhlo.num_partitions = 0 : i32} {\n}"));
    assertEquals("module attribute mhlo.num_partitions requires a whole number from 1 to 2147483647, got 0",
        e.getMessage());
  }

  @Test
  void theGoldensFitTheirOwnCounts() throws Exception {
    assertEquals("ok", check(golden("collectives.mlir"), 2, 1));
    assertEquals("ok", check(golden("shard_map_collectives.mlir"), 1, 4));
  }

  @Test
  void countsOtherThanTheModulesNameTheAttribute() throws Exception {
    // What libtpu aborted on: collectives.mlir compiled as one replica.
    assertEquals("compile requires CompileOptions num_replicas to equal the module's mhlo.num_replicas, got 1 and 2",
        check(golden("collectives.mlir"), 1, 1));
    assertEquals("compile requires CompileOptions num_partitions to equal the module's mhlo.num_partitions, got 2 "
        + "and 4", check(golden("shard_map_collectives.mlir"), 1, 2));
  }

  @Test
  void collectivesOfAModuleWithoutCountsAreCheckedAgainstTheOptions() throws Exception {
    String text = golden("collectives.mlir").replace(
        "attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 2 : i32} ", "");
    assertEquals("stablehlo.all_reduce (line 3) requires replica_groups to hold replica ids below num_replicas = 1 "
        + "(no channel_handle: cross-replica), got 1 in [[0, 1]]", check(text, 1, 1));
    assertEquals("ok", check(text, 2, 1));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // op | attributes | replicas | partitions | expected
      "all_reduce | replica_groups = dense<[[0, 1]]> : tensor<1x2xi64> | 2 | 1 | ok",
      "all_reduce | replica_groups = dense<[[0, 1]]> : tensor<1x2xi64> | 1 | 2 | stablehlo.all_reduce (line 3) "
          + "requires replica_groups to hold replica ids below num_replicas = 1 (no channel_handle: cross-replica), "
          + "got 1 in [[0, 1]]",
      // a channel without use_global_device_ids: still replica ids
      "all_gather | all_gather_dim = 0 : i64, channel_handle = #stablehlo.channel_handle<handle = 1, type = 1>, "
          + "replica_groups = dense<[[0, 1]]> : tensor<1x2xi64> | 1 | 2 | stablehlo.all_gather (line 3) requires "
          + "replica_groups to hold replica ids below num_replicas = 1, got 1 in [[0, 1]]",
      "all_reduce | channel_handle = #stablehlo.channel_handle<handle = 1, type = 1>, replica_groups = "
          + "dense<[[0, 1, 2, 3]]> : tensor<1x4xi64>, use_global_device_ids | 2 | 2 | ok",
      "all_reduce | channel_handle = #stablehlo.channel_handle<handle = 1, type = 1>, replica_groups = "
          + "dense<[[0, 1, 2, 3]]> : tensor<1x4xi64>, use_global_device_ids | 1 | 2 | stablehlo.all_reduce (line 3) "
          + "requires replica_groups to hold device ids below num_replicas x num_partitions = 1 x 2 "
          + "(use_global_device_ids), got 2 in [[0, 1, 2, 3]]",
      "reduce_scatter | replica_groups = dense<[[0, 1, 2, 3]]> : tensor<1x4xi64>, use_global_device_ids | 1 | 4 | "
          + "stablehlo.reduce_scatter (line 3) requires a channel_handle with a handle > 0 when use_global_device_ids "
          + "is set, got none",
      // handle 0 is no channel
      "all_reduce | channel_handle = #stablehlo.channel_handle<handle = 0, type = 1>, replica_groups = "
          + "dense<[[0, 1]]> : tensor<1x2xi64>, use_global_device_ids | 1 | 2 | stablehlo.all_reduce (line 3) "
          + "requires a channel_handle with a handle > 0 when use_global_device_ids is set, got none",
      // with a channel, all_to_all and collective_permute take partition ids
      "all_to_all | channel_handle = #stablehlo.channel_handle<handle = 3, type = 1>, replica_groups = "
          + "dense<[[0, 1]]> : tensor<1x2xi64>, split_count = 2 : i64 | 1 | 2 | ok",
      "all_to_all | channel_handle = #stablehlo.channel_handle<handle = 3, type = 1>, replica_groups = "
          + "dense<[[0, 1]]> : tensor<1x2xi64>, split_count = 2 : i64 | 2 | 1 | stablehlo.all_to_all (line 3) "
          + "requires replica_groups to hold partition ids below num_partitions = 1 (a channel_handle makes it "
          + "cross-partition), got 1 in [[0, 1]]",
      "collective_permute | source_target_pairs = dense<[[0, 1], [1, 0]]> : tensor<2x2xi64> | 2 | 1 | ok",
      "collective_permute | source_target_pairs = dense<[[0, 1], [1, 0]]> : tensor<2x2xi64> | 1 | 1 | "
          + "stablehlo.collective_permute (line 3) requires source_target_pairs to hold replica ids below "
          + "num_replicas = 1 (no channel_handle: cross-replica), got 1 in [[0, 1], [1, 0]]",
      "collective_permute | channel_handle = #stablehlo.channel_handle<handle = 4, type = 1>, source_target_pairs = "
          + "dense<[[0, 2], [1, 2]]> : tensor<2x2xi64> | 1 | 4 | stablehlo.collective_permute (line 3) requires "
          + "each target in source_target_pairs at most once, got 2 twice in [[0, 2], [1, 2]]",
      "all_reduce | replica_groups = dense<[[0, 1], [1, 2]]> : tensor<2x2xi64> | 4 | 1 | stablehlo.all_reduce "
          + "(line 3) requires each id in replica_groups at most once, got 1 twice in [[0, 1], [1, 2]]",
      // a splat: one group {1}
      "all_reduce | replica_groups = dense<1> : tensor<1x1xi64> | 1 | 1 | stablehlo.all_reduce (line 3) requires "
          + "replica_groups to hold replica ids below num_replicas = 1 (no channel_handle: cross-replica), got 1 in "
          + "[[1]]",
      // empty groups: all replicas
      "all_reduce | replica_groups = dense<> : tensor<0x0xi64> | 1 | 1 | ok",
      "all_reduce | replica_groups = dense<-1> : tensor<1x1xi64> | 1 | 1 | stablehlo.all_reduce (line 3) requires "
          + "replica_groups to hold replica ids below num_replicas = 1 (no channel_handle: cross-replica), got -1 in "
          + "[[-1]]",
      "all_reduce | replica_groups = dense<[[0, 99999999999999999999]]> : tensor<1x2xi64> | 1 | 1 | "
          + "stablehlo.all_reduce (line 3) requires replica_groups to hold whole numbers, got 99999999999999999999",
  })
  void collectiveDeviceIdsFollowXlasGroupModes(String op, String attributes, int replicas, int partitions,
      String expected) {
    assertEquals(expected, check(op(op, attributes), replicas, partitions));
  }

  @Test
  void optionsMustFitTheTargetsDevices() {
    List<Integer> four = List.of(0, 1, 2, 3);
    CompileOptions eight = CompileOptions.builder().partitions(8).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> eight.checkDevices(four, "topology v5e:2x2"));
    assertEquals("topology v5e:2x2 requires num_replicas x num_partitions to be at most its 4 devices, got 1 x 8",
        e.getMessage());
    CompileOptions onSeven = CompileOptions.builder().replicas(2).deviceAssignment(new int[][] {{0}, {7}}).build();
    e = assertThrows(IllegalArgumentException.class, () -> onSeven.checkDevices(four, "topology v5e:2x2"));
    assertEquals("CompileOptions device assignment requires device ids of topology v5e:2x2 [0, 1, 2, 3], got 7 for "
        + "replica 1, partition 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CompileOptions.builder().partitions(4).deviceAssignment(new int[][] {{0, 1, 2, 2}}).build());
    assertEquals("CompileOptions device assignment requires each device at most once, got 2 twice", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CompileOptions.builder().replicas(2).deviceAssignment(new int[][] {{-1}, {0}}).build());
    assertEquals("CompileOptions device assignment requires device ids >= 0, got -1", e.getMessage());
    // A proto from elsewhere (e.g. an artifact) is checked too.
    CompileOptions twice = CompileOptions.fromProto(CompileOptions.builder().replicas(2).build().proto().toBuilder()
        .setExecutableBuildOptions(CompileOptions.builder().replicas(2).build().proto().getExecutableBuildOptions()
            .toBuilder().setDeviceAssignment(xla4j.pjrt.proto.DeviceAssignmentProto.newBuilder().setReplicaCount(2)
                .setComputationCount(1).addComputationDevices(xla4j.pjrt.proto.DeviceAssignmentProto.ComputationDevice
                    .newBuilder().addReplicaDeviceIds(1).addReplicaDeviceIds(1)))).build());
    e = assertThrows(IllegalArgumentException.class, () -> twice.checkDevices(four, "client cpu"));
    assertEquals("CompileOptions device assignment requires each device at most once, got 1 twice", e.getMessage());
  }

  @Test
  void aTopologyCompileOfSeveralDevicesGetsTheTopologysDevicesInOrder() {
    List<Integer> ids = List.of(5, 6, 7, 8);
    CompileOptions two = CompileOptions.builder().replicas(2).partitions(2).build();
    assertArrayEquals(new int[][] {{5, 6}, {7, 8}}, two.withDefaultDeviceAssignment(ids).deviceAssignment().orElseThrow());
    CompileOptions one = CompileOptions.singleDevice();
    assertTrue(one.withDefaultDeviceAssignment(ids).deviceAssignment().isEmpty(), "one device needs no assignment");
    CompileOptions given = CompileOptions.builder().partitions(2).deviceAssignment(new int[][] {{8, 5}}).build();
    assertArrayEquals(new int[][] {{8, 5}}, given.withDefaultDeviceAssignment(ids).deviceAssignment().orElseThrow());
  }

  @Test
  void onlyStableHloTextIsRead() throws Exception {
    byte[] text = golden("collectives.mlir").getBytes(StandardCharsets.UTF_8);
    List<Integer> four = List.of(0, 1, 2, 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProgramSignature.checkCompile(text, "mlir", CompileOptions.singleDevice(), four, "client cpu"));
    assertTrue(e.getMessage().contains("mhlo.num_replicas"), e.getMessage());
    // Other formats and MLIR bytecode (magic "ML\xefR") are left to the plugin.
    ProgramSignature.checkCompile(text, "hlo", CompileOptions.singleDevice(), four, "client cpu");
    byte[] bytecode = text.clone();
    bytecode[0] = 'M';
    bytecode[1] = 'L';
    bytecode[2] = (byte) 0xEF;
    bytecode[3] = 'R';
    ProgramSignature.checkCompile(bytecode, "mlir", CompileOptions.singleDevice(), four, "client cpu");
  }
}
