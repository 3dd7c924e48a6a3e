package xla4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import xla4j.array.NdArray;
import xla4j.pjrt.Client;
import xla4j.runtime.CompiledArtifact;

@Command(name = "run-artifact", mixinStandardHelpOptions = true,
    description = {"Run a compiled artifact (from compile-mlir) on .npy inputs, without its source program.",
        "Writes out0.npy, out1.npy, ... to --out."})
final class RunArtifactCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ARTIFACT", description = "artifact directory written by compile-mlir")
  Path artifact;

  @Option(names = "--input", paramLabel = "NPY", description = "an input .npy file, one per program input, in order")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--out", defaultValue = ".", paramLabel = "DIR", description = "where to write outN.npy (default: .)")
  Path out;

  @Option(names = "--plugin", defaultValue = "cpu", description = PluginOption.HELP)
  String plugin;

  @Option(names = "--cpu-devices", defaultValue = "0", paramLabel = "N",
      description = "devices of the CPU plugin (default: the artifact's partitions)")
  int cpuDevices;

  @Override
  public Integer call() throws Exception {
    CompiledArtifact a = CompiledArtifact.load(artifact);
    CompiledArtifact.Manifest m = a.manifest();
    System.out.println("artifact   " + m.program() + " for " + m.platform() + " " + m.platformVersion().lines().findFirst().orElse("")
        + (m.topology() == null ? "" : " topology " + m.topology()) + ", " + m.numPartitions() + " partition(s)");
    List<NdArray> in = Inputs.read(inputs);
    PluginOption p = new PluginOption(plugin);
    int devices = cpuDevices > 0 ? cpuDevices : (p.isCpu() ? m.numPartitions() * m.numReplicas() : 0);
    try (Client client = p.client(devices)) {
      List<NdArray> outputs = a.run(client, in);
      Inputs.writeOutputs(outputs, out);
    }
    return 0;
  }
}
