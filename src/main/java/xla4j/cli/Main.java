package xla4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/xla4j.jar <command>}: the xla4j command line. */
@Command(name = "xla4j", mixinStandardHelpOptions = true, version = "xla4j 0.1.0",
    description = "Java front end to XLA: inspect PJRT plugins, compile and run StableHLO programs.",
    subcommands = {VitCommand.class, EmitCommand.class, CompileCommand.class, DevicesCommand.class, RunMlirCommand.class, CompileMlirCommand.class, RunArtifactCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (used by tests). */
  public static int run(String... args) {
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
}
