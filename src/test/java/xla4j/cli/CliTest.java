package xla4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xla4j.array.NdArray;
import xla4j.io.Npy;
import xla4j.pjrt.PjrtPlugin;

class CliTest {
  /** Runs the CLI in-process; returns exit code and stdout. */
  static String[] run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int rc;
    try {
      rc = Main.run(args);
    } finally {
      System.setOut(old);
    }
    return new String[] {Integer.toString(rc), buf.toString(StandardCharsets.UTF_8)};
  }

  @ParameterizedTest
  @ValueSource(strings = {"devices", "run-mlir", "compile-mlir", "run-artifact", "tokenize", "generate", "vmoe"})
  void everyCommandHasHelp(String command) {
    String[] r = run(command, "--help");
    assertEquals("0", r[0]);
    assertTrue(r[1].contains("Usage: xla4j " + command), r[1]);
  }

  static void needCpu() {
    Path p = PjrtPlugin.cpuPath();
    Assumptions.assumeTrue(p != null && Files.isRegularFile(p), "xla4j CPU plugin not built at " + p);
  }

  static void needTpu() {
    Path p = PjrtPlugin.tpuPath();
    Assumptions.assumeTrue(p != null && Files.isRegularFile(p), "libtpu not found at " + p + " (run tools/fetch-xla)");
  }

  @Test
  void devicesOnTpuTopology() {
    needTpu();
    String[] r = run("devices", "--plugin", "tpu:v5e:2x2");
    assertEquals("0", r[0]);
    assertTrue(r[1].contains("topology   v5e:2x2, 4 devices"), r[1]);
  }

  @Test
  void devicesOnCpu() {
    needCpu();
    String[] r = run("devices", "--cpu-devices", "3");
    assertEquals("0", r[0]);
    assertTrue(r[1].contains("devices    3 (3 addressable)"), r[1]);
  }

  @Test
  void runMlirShardedWritesGlobalOutputs(@TempDir Path dir) throws Exception {
    needCpu();
    Npy.write(dir.resolve("x.npy"), NdArray.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 4, 3));
    Npy.write(dir.resolve("w.npy"), NdArray.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2));
    String[] r = run("run-mlir", "hlo/examples/sharded_matmul_2x2.mlir", "--input", dir.resolve("x.npy").toString(),
        "--input", dir.resolve("w.npy").toString(), "--out", dir.toString());
    assertEquals("0", r[0], r[1]);
    assertTrue(r[1].contains("output 0   f32[4,2]"), r[1]);
    assertArrayEquals(new float[] {4, 5, 10, 11, 16, 17, 22, 23}, Npy.read(dir.resolve("out0.npy")).toFloatArray());
  }

  @Test
  void runMlirWithGspmdShardings(@TempDir Path dir) throws Exception {
    needCpu();
    Npy.write(dir.resolve("x.npy"), NdArray.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 4, 3));
    Npy.write(dir.resolve("w.npy"), NdArray.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2));
    String[] r = run("run-mlir", "hlo/examples/sharded_matmul_gspmd.mlir", "--input", dir.resolve("x.npy").toString(),
        "--input", dir.resolve("w.npy").toString(), "--out", dir.toString());
    assertEquals("0", r[0], r[1]);
    assertTrue(r[1].contains("2 partitions"), r[1]);
    assertArrayEquals(new float[] {4, 5, 10, 11, 16, 17, 22, 23}, Npy.read(dir.resolve("out0.npy")).toFloatArray());
  }

  @Test
  void compileMlirForTpuSavesAnArtifact(@TempDir Path dir) {
    needTpu();
    Path art = dir.resolve("mm.tpu");
    String[] r = run("compile-mlir", "hlo/examples/matmul.mlir", "--plugin", "tpu:v5e:2x2", "--out", art.toString());
    assertEquals("0", r[0], r[1]);
    assertTrue(r[1].contains("memory     per device: argument"), r[1]);
    assertTrue(Files.isRegularFile(art.resolve("manifest.json")));
    assertTrue(Files.isRegularFile(art.resolve("executable.bin")));
  }

  @Test
  void compileThenRunArtifactOnCpu(@TempDir Path dir) throws Exception {
    needCpu();
    Path art = dir.resolve("mm.cpu");
    assertEquals("0", run("compile-mlir", "hlo/examples/matmul.mlir", "--plugin", "cpu", "--out", art.toString())[0]);
    Npy.write(dir.resolve("a.npy"), NdArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
    Npy.write(dir.resolve("b.npy"), NdArray.of(new float[] {7, 8, 9, 10, 11, 12}, 3, 2));
    String[] r = run("run-artifact", art.toString(), "--input", dir.resolve("a.npy").toString(), "--input",
        dir.resolve("b.npy").toString(), "--out", dir.toString());
    assertEquals("0", r[0], r[1]);
    assertArrayEquals(new float[] {58, 64, 139, 154}, Npy.read(dir.resolve("out0.npy")).toFloatArray());
  }

  @Test
  void wrongInputIsAnErrorExit(@TempDir Path dir) throws Exception {
    needCpu();
    Npy.write(dir.resolve("a.npy"), NdArray.of(new float[] {1, 2, 3}, 3));
    String[] r = run("run-mlir", "hlo/examples/matmul.mlir", "--input", dir.resolve("a.npy").toString());
    assertEquals("1", r[0]);
  }
}
