package xla4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import xla4j.array.DType;
import xla4j.pjrt.CompileOptions;
import xla4j.pjrt.Executable;
import xla4j.pjrt.PjrtException;
import xla4j.pjrt.PjrtPlugin;
import xla4j.pjrt.Topology;

/** The bf16 attention sample compiles deviceless for TPU v5e:2x2 with libtpu, unsharded and 2-way sharded. */
class DslTpuCompileTest {
  static PjrtPlugin tpu;

  @BeforeAll
  static void needLibtpu() {
    Path p = PjrtPlugin.tpuPath();
    Assumptions.assumeTrue(p != null && Files.isRegularFile(p), "libtpu not found at " + p + " (tools/fetch-xla)");
    try {
      tpu = PjrtPlugin.tpu();
    } catch (PjrtException e) {
      // libtpu admits one process per machine; another test JVM using it is not a failure of this code.
      Assumptions.assumeFalse(e.getMessage().contains("lockfile"), "libtpu is in use by another process: " + e.getMessage());
      throw e;
    }
  }

  @ParameterizedTest
  @CsvSource({"attention_bf16, 1", "attention_bf16_sharded_shardy, 2", "attention_bf16_sharded_gspmd, 2"})
  void attentionCompilesForV5e(String sample, int partitions) {
    Graph g = Samples.all().get(sample).get();
    CompileOptions options = CompileOptions.builder().partitions(partitions).shardy(!g.isGspmd()).build();
    try (Topology t = tpu.topology("v5e:2x2"); Executable e = t.compile(g.toMlir(), options)) {
      assertEquals(partitions, e.numPartitions());
      assertEquals(1, e.outputs().size());
      assertEquals(DType.BF16, e.outputs().get(0).dtype());
      // Per-device output: the batch of 4 is split over the partitions.
      assertEquals(4 / partitions, e.outputs().get(0).dims()[0]);
      assertTrue(e.memoryStats().argumentBytes() > 0, e.memoryStats().toString());
    }
  }
}
