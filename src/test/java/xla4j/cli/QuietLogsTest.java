package xla4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.NdArray;
import xla4j.io.Npy;
import xla4j.pjrt.PjrtPlugin;

/**
 * The command line in a process of its own, as a user runs it: a normal run prints nothing on stderr
 * (no XLA/absl/TensorFlow/oneDNN/libtpu log lines); {@code --verbose} shows them.
 */
class QuietLogsTest {
  /** absl/glog's line prefix, e.g. {@code I0000 00:00:1796235721.698378    6165 port.cc:153] }. */
  static final Pattern NATIVE_LOG_LINE = Pattern.compile("(?m)^[IWEF]\\d{4} [\\d:.]+ +\\d+ \\S+:\\d+\\] ");

  record Result(int exitCode, String stdout, String stderr) {}

  /** Runs {@code xla4j ARGS} in a fresh JVM with the test's classpath and plugins, no log settings. */
  static Result cli(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    for (String p : List.of(PjrtPlugin.CPU_PROPERTY, PjrtPlugin.TPU_PROPERTY)) {
      if (System.getProperty(p) != null) {
        command.add("-D" + p + "=" + System.getProperty(p));
      }
    }
    command.add("-cp");
    command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    for (String knob : List.of(PjrtPlugin.VERBOSE_ENV, "TF_CPP_MIN_LOG_LEVEL", "TPU_MIN_LOG_LEVEL", "TPU_STDERR_LOG_LEVEL")) {
      env.remove(knob);
    }
    File out = dir.resolve("stdout.txt").toFile();
    File err = dir.resolve("stderr.txt").toFile();
    Process p = pb.redirectOutput(out).redirectError(err).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "xla4j " + String.join(" ", args) + " did not finish");
    return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
        Files.readString(err.toPath(), StandardCharsets.UTF_8));
  }

  static Path matmulInputs(Path dir) throws Exception {
    Npy.write(dir.resolve("a.npy"), NdArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
    Npy.write(dir.resolve("b.npy"), NdArray.of(new float[] {7, 8, 9, 10, 11, 12}, 3, 2));
    return Paths.get("hlo/examples/matmul.mlir").toAbsolutePath();
  }

  @Test
  void devicesPrintsNothingOnStderr(@TempDir Path dir) throws Exception {
    CliTest.needCpu();
    Result r = cli(dir, "devices");
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(r.stdout().contains("TFRT_CPU_0"), r.stdout());
    assertEquals("", r.stderr());
  }

  @Test
  void verboseShowsTheNativeLogLines(@TempDir Path dir) throws Exception {
    CliTest.needCpu();
    Result r = cli(dir, "devices", "--verbose");
    assertEquals(0, r.exitCode(), r.stderr());
    // TensorFlow logs its oneDNN notice while the plugin's libraries load
    assertTrue(NATIVE_LOG_LINE.matcher(r.stderr()).find() && r.stderr().contains("oneDNN"), r.stderr());
  }

  @Test
  void runMlirPrintsOnlyItsResults(@TempDir Path dir) throws Exception {
    CliTest.needCpu();
    Path mlir = matmulInputs(dir);
    Result r = cli(dir, "run-mlir", mlir.toString(), "--input", "a.npy", "--input", "b.npy", "--out", ".");
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(r.stdout().contains("[58.0, 64.0, 139.0, 154.0]"), r.stdout()); // hand-computed a @ b
    assertEquals("", r.stderr());
  }

  @Test
  void deserializingAnArtifactIsQuiet(@TempDir Path dir) throws Exception {
    // XLA's cpu_aot_loader logs machine-feature lines at ERROR level when an executable is loaded back
    CliTest.needCpu();
    Path mlir = matmulInputs(dir);
    Result c = cli(dir, "compile-mlir", mlir.toString(), "--plugin", "cpu", "--out", "mm");
    assertEquals(0, c.exitCode(), c.stderr());
    Result r = cli(dir, "run-artifact", "mm", "--input", "a.npy", "--input", "b.npy", "--out", ".");
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(r.stdout().contains("[58.0, 64.0, 139.0, 154.0]"), r.stdout());
    assertEquals("", c.stderr() + r.stderr());
  }

  @Test
  void tpuDevicelessCompileIsQuietUnlessVerbose(@TempDir Path dir) throws Exception {
    CliTest.needTpu();
    Path mlir = Paths.get("hlo/examples/sharded_matmul.mlir").toAbsolutePath();
    Result r = cli(dir, "compile-mlir", mlir.toString(), "--plugin", "tpu:v5e:2x2", "--out", "mm.tpu");
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(r.stdout().contains("compiled   sharded_matmul for tpu topology v5e:2x2"), r.stdout());
    assertEquals("", r.stderr());
    Result v = cli(dir, "--verbose", "compile-mlir", mlir.toString(), "--plugin", "tpu:v5e:2x2", "--out", "mm2.tpu");
    assertEquals(0, v.exitCode(), v.stderr());
    // libtpu's "no TPU here" messages from its initialization
    assertTrue(v.stderr().contains("TPU"), v.stderr());
  }
}
