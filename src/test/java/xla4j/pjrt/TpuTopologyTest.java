package xla4j.pjrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.Forked;
import xla4j.array.DType;
import xla4j.pjrt.capi.global.PjrtC;

/** Deviceless ahead-of-time compilation with libtpu (no TPU needed). */
class TpuTopologyTest {
  @BeforeAll
  static void needLibtpu() {
    Path p = PjrtPlugin.tpuPath();
    Assumptions.assumeTrue(p != null && Files.isRegularFile(p),
        "libtpu not found at " + p + " (run tools/fetch-xla, which extracts it from the libtpu wheel)");
  }

  static String example(String name) throws Exception {
    return Files.readString(Paths.get("hlo/examples", name));
  }

  @Test
  void loadingLibtpuSetsSkipMdsQuery() {
    PjrtPlugin tpu = PjrtPlugin.tpu();
    assertEquals("1", PjrtC.xla4j_getenv("TPU_SKIP_MDS_QUERY"));
    assertEquals("1", PjrtC.xla4j_getenv("ALLOW_MULTIPLE_LIBTPU_LOAD"));
    assertEquals(0, tpu.majorVersion());
    assertTrue(tpu.minorVersion() > 0);
    assertEquals(tpu, PjrtPlugin.tpu(), "one instance per plugin file");
  }

  @Test
  void clientCreationWithoutTpuIsAPjrtException() {
    PjrtException e = assertThrows(PjrtException.class, () -> PjrtPlugin.tpu().createClient());
    assertFalse(e.pjrtMessage().isEmpty());
  }

  @ParameterizedTest
  // v4 lists both TensorCores of each of its 4 chips.
  @CsvSource({"v5e:2x2, 4", "v4:2x2x1, 8"})
  void topologyListsDevices(String name, int count) {
    try (Topology t = PjrtPlugin.tpu().topology(name)) {
      assertEquals(count, t.devices().size(), t.devices().toString());
      assertEquals("tpu", t.platformName());
      assertEquals(name, t.name());
    }
  }

  @ParameterizedTest
  @CsvSource({
      "v5e:2x2, matmul.mlir, 1", "v5e:2x2, softmax.mlir, 1", "v5e:2x2, sharded_matmul.mlir, 2",
      "v5e:2x2, sharded_matmul_2x2.mlir, 4",
      "v4:2x2x1, matmul.mlir, 1", "v4:2x2x1, softmax.mlir, 1", "v4:2x2x1, sharded_matmul.mlir, 2"})
  void compilesExamples(String topology, String file, int partitions) throws Exception {
    try (Topology t = PjrtPlugin.tpu().topology(topology);
         Executable e = t.compile(example(file), CompileOptions.spmd(partitions))) {
      assertEquals(partitions, e.numPartitions());
      assertEquals(1, e.numReplicas());
      ProgramSignature sig = ProgramSignature.parse(example(file));
      assertEquals(sig.outputs().size(), e.outputs().size());
      assertEquals(DType.F32, e.outputs().get(0).dtype());
      MemoryStats stats = e.memoryStats();
      assertTrue(stats.argumentBytes() > 0, stats.toString());
      assertTrue(stats.outputBytes() > 0, stats.toString());
      assertTrue(e.optimizedProgram().code().length > 0);
      byte[] serialized = e.serialize();
      assertTrue(serialized.length > 100, "serialized TPU executable has " + serialized.length + " bytes");
    }
  }

  /**
   * libtpu aborted the process on both goldens (collectives.mlir compiled as 1 replica: a collective_permute
   * to a replica that did not exist; shard_map_collectives.mlir without a static device assignment), so they
   * compile in a child JVM: a regression kills the child, not the test run.
   */
  @ParameterizedTest
  @CsvSource({"collectives.mlir, '1 partition(s), 2 replica(s)'",
      "shard_map_collectives.mlir, '4 partition(s), 1 replica(s)'"})
  void goldensWithCollectivesCompileWithTheirReplicasAndPartitions(String golden, String counts, @TempDir Path dir)
      throws Exception {
    Forked.Result r = Forked.run(300, xla4j.cli.Main.class, "compile-mlir", "hlo/goldens/" + golden, "--plugin",
        "tpu:v5e:2x2", "--out", dir.resolve("artifact").toString());
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("for tpu topology v5e:2x2: " + counts), r.output());
    assertTrue(Files.isRegularFile(dir.resolve("artifact/executable.bin")), r.output());
  }

  /** Counts other than the module's are refused before libtpu sees the program (in a child JVM, as above). */
  @Test
  void countsOtherThanTheModulesAreRefusedBeforeLibtpu(@TempDir Path dir) throws Exception {
    Forked.Result r = Forked.run(300, xla4j.cli.Main.class, "compile-mlir", "hlo/goldens/shard_map_collectives.mlir",
        "--plugin", "tpu:v5e:2x2", "--partitions", "2", "--out", dir.resolve("artifact").toString());
    assertEquals(1, r.exitCode(), r.output());
    assertTrue(r.output().contains("xla4j compile-mlir: error: compile requires CompileOptions num_partitions to equal "
        + "the module's mhlo.num_partitions, got 2 and 4"), r.output());
  }

  @Test
  void invalidMlirIsAPjrtExceptionWithTheParserMessage() {
    try (Topology t = PjrtPlugin.tpu().topology("v5e:2x2")) {
      PjrtException e = assertThrows(PjrtException.class,
          () -> t.compile("module { func.func public @main( -> }", CompileOptions.singleDevice()));
      assertFalse(e.pjrtMessage().isEmpty());
      assertTrue(e.getMessage().contains("PJRT_Compile"), e.getMessage());
    }
  }

  @Test
  void closedTopologyThrowsIllegalState() {
    Topology t = PjrtPlugin.tpu().topology("v5e:2x2");
    t.close();
    t.close(); // harmless
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> t.compile("module {}", CompileOptions.singleDevice()));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void unknownTopologyIsAPjrtException() {
    assertThrows(PjrtException.class, () -> PjrtPlugin.tpu().topology("v99:1x1"));
  }

}
