package xla4j.pjrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import xla4j.array.DType;
import xla4j.pjrt.proto.CompileOptionsProto;
import xla4j.pjrt.proto.DeviceAssignmentProto;
import xla4j.pjrt.proto.ExecutableBuildOptionsProto;

/** Parts of the API that need no plugin. */
class ApiTest {
  @Test
  void protoFieldNumbersAreXlas() {
    assertEquals(3, CompileOptionsProto.EXECUTABLE_BUILD_OPTIONS_FIELD_NUMBER);
    assertEquals(4, CompileOptionsProto.COMPILE_PORTABLE_EXECUTABLE_FIELD_NUMBER);
    assertEquals(1, ExecutableBuildOptionsProto.DEVICE_ORDINAL_FIELD_NUMBER);
    assertEquals(4, ExecutableBuildOptionsProto.NUM_REPLICAS_FIELD_NUMBER);
    assertEquals(5, ExecutableBuildOptionsProto.NUM_PARTITIONS_FIELD_NUMBER);
    assertEquals(6, ExecutableBuildOptionsProto.USE_SPMD_PARTITIONING_FIELD_NUMBER);
    assertEquals(9, ExecutableBuildOptionsProto.DEVICE_ASSIGNMENT_FIELD_NUMBER);
    assertEquals(19, ExecutableBuildOptionsProto.USE_SHARDY_PARTITIONER_FIELD_NUMBER);
    assertEquals(3, DeviceAssignmentProto.COMPUTATION_DEVICES_FIELD_NUMBER);
  }

  @Test
  void compileOptionsAlwaysCarryReplicasAndPartitions() {
    ExecutableBuildOptionsProto one = CompileOptions.singleDevice().proto().getExecutableBuildOptions();
    assertEquals(1, one.getNumReplicas());
    assertEquals(1, one.getNumPartitions());
    assertEquals(false, one.getUseSpmdPartitioning());
    ExecutableBuildOptionsProto two = CompileOptions.spmd(2).proto().getExecutableBuildOptions();
    assertEquals(2, two.getNumPartitions());
    assertTrue(two.getUseSpmdPartitioning());
    assertTrue(two.getUseShardyPartitioner());
    ExecutableBuildOptionsProto gspmd = CompileOptions.builder().partitions(2).shardy(false).build().proto()
        .getExecutableBuildOptions();
    assertEquals(false, gspmd.getUseShardyPartitioner());
  }

  @Test
  void deviceAssignmentIsPerPartition() {
    DeviceAssignmentProto da = CompileOptions.builder().partitions(2).deviceAssignment(new int[][] {{3, 1}}).build()
        .proto().getExecutableBuildOptions().getDeviceAssignment();
    assertEquals(1, da.getReplicaCount());
    assertEquals(2, da.getComputationCount());
    assertEquals(3, da.getComputationDevices(0).getReplicaDeviceIds(0));
    assertEquals(1, da.getComputationDevices(1).getReplicaDeviceIds(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CompileOptions.builder().partitions(2).deviceAssignment(new int[][] {{3}}).build());
    assertEquals("CompileOptions device assignment requires one id per partition (2) in row 0, got 1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CompileOptions.builder().partitions(0));
  }

  @Test
  void aCStringEndsAtItsFirstNul() {
    byte[] buffer = new byte[16];
    byte[] text = "dlopen: \u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    System.arraycopy(text, 0, buffer, 0, text.length);
    assertEquals("dlopen: \u00e9", PjrtPlugin.untilNul(buffer));
    assertEquals("", PjrtPlugin.untilNul(new byte[4]));
    assertEquals("full", PjrtPlugin.untilNul("full".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }

  @Test
  void majorVersionMismatchIsAClearError() {
    PjrtPlugin.checkVersion(Paths.get("/p.so"), 0, 54, 0, 90); // older minor: accepted
    PjrtException e = assertThrows(PjrtException.class, () -> PjrtPlugin.checkVersion(Paths.get("/p.so"), 1, 2, 0, 90));
    assertEquals("loading PJRT plugin /p.so failed (FAILED_PRECONDITION): plugin implements PJRT C API 1.2, xla4j was "
        + "built for 0.90 (major versions must match)", e.getMessage());
    assertEquals(PjrtException.Code.FAILED_PRECONDITION, e.code());
  }

  @Test
  void programSignatureReadsMainsTypes() {
    ProgramSignature s = ProgramSignature.parse("module @m attributes {mhlo.num_partitions = 2 : i32} {\n"
        + "  func.func public @main(%arg0: tensor<4x3xbf16> {sdy.sharding = #sdy.sharding<@mesh, [{\"x\"}, {}]>}, "
        + "%arg1: tensor<i32>) -> (tensor<4xf32> {jax.result_info = \"a\"}, tensor<2x2xi1>) {\n  } }");
    assertEquals("[bf16[4,3], s32[]]", s.inputs().toString());
    assertEquals("[f32[4], pred[2,2]]", s.outputs().toString());
    assertEquals(2, s.numPartitions());
    assertEquals(TensorSpec.of(DType.U8, 2), TensorSpec.parse("u8[2]"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProgramSignature.parse("module {}"));
    assertEquals("StableHLO module has no 'func.func public @main(' entry function", e.getMessage());
  }

  /** Found by fuzzing: a huge, empty or garbled dimension escaped as a NumberFormatException. */
  @Test
  void programSignatureNamesABadDimension() {
    String[][] rows = {
        {"tensor<2x99999999999999999999xf32>", "'99999999999999999999' in 'tensor<2x99999999999999999999xf32>'"},
        {"tensor<x4xf32>", "'' in 'tensor<x4xf32>'"},
        {"tensor<1?x2xf32>", "'1?' in 'tensor<1?x2xf32>'"}};
    for (String[] row : rows) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ProgramSignature.parse("func.func public @main(%arg0: " + row[0] + ") -> tensor<f32> {}"));
      assertEquals("a tensor type requires dimensions that are whole numbers below 10^18, got " + row[1],
          e.getMessage());
    }
  }
}
