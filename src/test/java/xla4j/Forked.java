package xla4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a child JVM with this JVM's class path and plugin properties, for tests of code that
 * would abort the process (a plugin's CHECK failure, a SIGSEGV) if it regressed: the child dies, the test
 * JVM reports it.
 */
public final class Forked {
  private Forked() {}

  /** Exit code (134 for SIGABRT, 139 for SIGSEGV) and stdout + stderr together. */
  public record Result(int exitCode, String output) {}

  public static Result run(long timeoutSeconds, Class<?> main, String... args) throws IOException, InterruptedException {
    return run(timeoutSeconds, Map.of(), main, args);
  }

  /** As {@link #run(long, Class, String...)} with {@code env} added to the child's environment. */
  public static Result run(long timeoutSeconds, Map<String, String> env, Class<?> main, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    // A crash report of a regressed child goes to the temporary directory, not the working tree.
    cmd.add("-XX:ErrorFile=" + Paths.get(System.getProperty("java.io.tmpdir"), "xla4j-forked-hs_err_pid%p.log"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    for (String p : new String[] {"xla4j.pjrt.cpu", "xla4j.pjrt.tpu"}) {
      if (System.getProperty(p) != null) {
        cmd.add("-D" + p + "=" + System.getProperty(p));
      }
    }
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("xla4j-forked", ".txt");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
      pb.environment().put("TPU_SKIP_MDS_QUERY", "1");
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError(main.getName() + " did not finish in " + timeoutSeconds + " s:\n"
            + Files.readString(out, StandardCharsets.UTF_8));
      }
      return new Result(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
