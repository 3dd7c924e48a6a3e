package xla4j.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.NdArray;
import xla4j.pjrt.Client;
import xla4j.pjrt.CompileOptions;
import xla4j.pjrt.Executable;
import xla4j.pjrt.LoadedExecutable;
import xla4j.pjrt.PjrtPlugin;
import xla4j.pjrt.Topology;

class ArtifactTest {
  static String example(String name) throws Exception {
    return Files.readString(Paths.get("hlo/examples", name));
  }

  static void needCpu() {
    Path p = PjrtPlugin.cpuPath();
    Assumptions.assumeTrue(p != null && Files.isRegularFile(p), "xla4j CPU plugin not built at " + p);
  }

  @Test
  void cpuArtifactRoundTripsAndRunsSharded(@TempDir Path dir) throws Exception {
    needCpu();
    String mlir = example("sharded_matmul.mlir");
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    float[] w = {1, 0, 0, 1, 1, 1};
    try (Client client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 2L))) {
      try (LoadedExecutable exe = client.compile(mlir, CompileOptions.spmd(2))) {
        CompiledArtifact.of(exe.executable(), mlir, client.platformName(), client.platformVersion(),
            client.plugin().version(), null).save(dir);
      }
      CompiledArtifact a = CompiledArtifact.load(dir);
      assertEquals("sharded_matmul", a.manifest().program());
      assertEquals(2, a.manifest().numPartitions());
      assertEquals("f32", a.manifest().inputs().get(0).dtype());
      assertEquals(Map.of("x", 2), a.manifest().inputs().get(0).mesh());
      List<NdArray> out = a.run(client, List.of(NdArray.of(x, 4, 3), NdArray.of(w, 3, 2)));
      assertArrayEquals(new float[] {4, 5, 10, 11, 16, 17, 22, 23}, out.get(0).toFloatArray());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> a.run(client, List.of(NdArray.of(x, 4, 3))));
      assertEquals("sharded_matmul requires 2 inputs [f32[4,3], f32[3,2]], got 1", e.getMessage());
    }
  }

  @Test
  void artifactRecordsMainsShardingsNotAHelpersAndRunsWithThem(@TempDir Path dir) throws Exception {
    needCpu();
    String mlir = ShardingTest.HELPER_FIRST;
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8};
    try (Client client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 2L))) {
      try (LoadedExecutable exe = client.compile(mlir, CompileOptions.spmd(2))) {
        CompiledArtifact.of(exe.executable(), mlir, client.platformName(), client.platformVersion(),
            client.plugin().version(), null).save(dir);
      }
      CompiledArtifact a = CompiledArtifact.load(dir);
      assertEquals(List.of(List.of()), a.manifest().inputs().get(0).sharding());
      assertEquals(List.of(List.of()), a.manifest().outputs().get(0).sharding());
      assertArrayEquals(x, a.run(client, List.of(NdArray.of(x, 8))).get(0).toFloatArray());
    }
  }

  @Test
  void tpuArtifactIsSavedWithItsManifest(@TempDir Path dir) throws Exception {
    Path p = PjrtPlugin.tpuPath();
    Assumptions.assumeTrue(p != null && Files.isRegularFile(p), "libtpu not found at " + p + " (run tools/fetch-xla)");
    String mlir = example("sharded_matmul.mlir");
    try (Topology t = PjrtPlugin.tpu().topology("v5e:2x2");
         Executable e = t.compile(mlir, CompileOptions.spmd(2))) {
      CompiledArtifact.of(e, mlir, t.platformName(), t.platformVersion(), t.plugin().version(), t.name()).save(dir);
    }
    CompiledArtifact a = CompiledArtifact.load(dir);
    assertEquals("v5e:2x2", a.manifest().topology());
    assertEquals("tpu", a.manifest().platform());
    assertTrue(a.executableBytes().length > 100);
    assertTrue(Files.readString(dir.resolve(CompiledArtifact.MANIFEST)).contains("\"topology\": \"v5e:2x2\""));
  }
}
