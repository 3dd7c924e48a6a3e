package xla4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import xla4j.pjrt.PjrtPlugin;

/**
 * {@code java -jar target/xla4j.jar <command>}: the xla4j command line. Exit codes: 0 success, 1 the
 * command failed (one line {@code xla4j COMMAND: error: ...} on stderr), 2 a wrong command line.
 */
@Command(name = "xla4j", mixinStandardHelpOptions = true, version = "xla4j 0.1.0",
    description = "Java front end to XLA: inspect PJRT plugins, compile and run StableHLO programs.",
    subcommands = {VitCommand.class, VmoeCommand.class, PaliGemmaCommand.class, EmitCommand.class, CompileCommand.class, DevicesCommand.class, RunMlirCommand.class, CompileMlirCommand.class, RunArtifactCommand.class, TokenizeCommand.class, GenerateCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  // slf4j-simple, the CLI's logging backend, reads these once, when the first logger is made
  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  /** {@code --verbose}, accepted before or after the command name. */
  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "show the native libraries' log lines (XLA, TensorFlow, libtpu) and xla4j's debug messages")
  void verbose(boolean verbose) {
    if (verbose) {
      System.setProperty(PjrtPlugin.VERBOSE_PROPERTY, "true");
      System.setProperty(LOG_LEVEL, "debug");
    }
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (used by tests). */
  public static int run(String... args) {
    setIfAbsent(LOG_LEVEL, "warn");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    CommandLine cli = new CommandLine(new Main());
    // The current System.err, flushed per line: errors must reach the user (and tests) before exit.
    cli.setErr(new java.io.PrintWriter(System.err, true));
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      String message = e instanceof java.nio.file.NoSuchFileException ? "no such file: " + e.getMessage()
          : e.getMessage() != null ? e.getMessage() : e.toString();
      cmd.getErr().println("xla4j " + cmd.getCommandName() + ": error: " + message);
      return 1;
    });
    return cli.execute(args);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
