package xla4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import xla4j.array.NdArray;
import xla4j.pjrt.Client;
import xla4j.pjrt.CompileOptions;
import xla4j.pjrt.LoadedExecutable;
import xla4j.dsl.Signature;
import xla4j.pjrt.ProgramSignature;
import xla4j.runtime.DeviceMesh;
import xla4j.runtime.MlirSignature;
import xla4j.runtime.Program;

@Command(name = "run-mlir", mixinStandardHelpOptions = true,
    description = {"Compile a StableHLO (MLIR text) file and run it on .npy inputs.",
        "Inputs are global arrays; with --partitions N > 1 they are split over N devices by the program's "
            + "sdy.sharding (Shardy) or mhlo.sharding (GSPMD) attributes and the outputs reassembled. Writes "
            + "out0.npy, out1.npy, ... to --out.",
        "Example: xla4j run-mlir hlo/examples/matmul.mlir --input a.npy --input b.npy --out /tmp/r"})
final class RunMlirCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "StableHLO module (.mlir text) with a @main function")
  Path file;

  @Option(names = "--plugin", defaultValue = "cpu", description = PluginOption.HELP)
  String plugin;

  @Option(names = "--cpu-devices", defaultValue = "0", paramLabel = "N",
      description = "devices of the CPU plugin (default: the module's replicas x partitions)")
  int cpuDevices;

  @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
      description = "SPMD partitions (default: the module's mhlo.num_partitions, else 1)")
  int partitions;

  @Option(names = "--input", paramLabel = "NPY", description = "an input .npy file, one per @main parameter, in order")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--out", defaultValue = ".", paramLabel = "DIR", description = "where to write outN.npy (default: .)")
  Path out;

  /**
   * The module's {@code mhlo.num_replicas} replicas and SPMD over {@code parts} partitions; Shardy when the
   * module uses the sdy dialect, else GSPMD.
   */
  static CompileOptions options(String mlir, int parts) {
    return CompileOptions.builder().replicas(ProgramSignature.parse(mlir).numReplicas()).partitions(parts)
        .shardy(mlir.contains("sdy.")).build();
  }

  @Override
  public Integer call() throws Exception {
    String mlir = Files.readString(file);
    Signature sig = MlirSignature.read(mlir);
    int parts = partitions > 0 ? partitions : sig.numPartitions();
    if (parts != sig.numPartitions()) {
      throw new IllegalArgumentException("--partitions " + parts + " differs from the module's mhlo.num_partitions "
          + sig.numPartitions() + " (its shardings are written for that many devices)");
    }
    List<NdArray> in = Inputs.read(inputs);
    PluginOption p = new PluginOption(plugin);
    int devices = cpuDevices > 0 ? cpuDevices : (p.isCpu() ? sig.numDevices() : 0);
    try (Client client = p.client(devices)) {
      long t0 = System.nanoTime();
      DeviceMesh mesh = sig.mesh().isPresent() ? DeviceMesh.of(sig.mesh().get(), client)
          : DeviceMesh.replicas(client, sig.replicas());
      try (Program program = Program.compile(mlir, sig, mesh)) {
        long t1 = System.nanoTime();
        System.out.printf("compiled   %s for %s (%d partition%s on %s) in %.0f ms%n",
            program.executable().executable().name(), client.platformName(), parts, parts == 1 ? "" : "s",
            program.executable().devices(), (t1 - t0) / 1e6);
        List<NdArray> outputs = program.execute(in.toArray(new NdArray[0]));
        System.out.printf("ran        in %.1f ms%n", (System.nanoTime() - t1) / 1e6);
        Inputs.writeOutputs(outputs, out);
      }
    }
    return 0;
  }
}
