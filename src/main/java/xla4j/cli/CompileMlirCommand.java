package xla4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import xla4j.pjrt.Client;
import xla4j.pjrt.CompileOptions;
import xla4j.pjrt.Executable;
import xla4j.pjrt.LoadedExecutable;
import xla4j.pjrt.MemoryStats;
import xla4j.dsl.Signature;
import xla4j.runtime.MlirSignature;
import xla4j.pjrt.Topology;
import xla4j.runtime.CompiledArtifact;

@Command(name = "compile-mlir", mixinStandardHelpOptions = true,
    description = {"Compile a StableHLO file for a plugin or a TPU topology, print its compiled memory stats and "
        + "cost analysis, and save it as an artifact (a directory with executable.bin and manifest.json).",
        "Example: xla4j compile-mlir hlo/examples/sharded_matmul.mlir --plugin tpu:v5e:2x2 --out /tmp/mm.tpu"})
final class CompileMlirCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "StableHLO module (.mlir text)")
  Path file;

  @Option(names = "--plugin", required = true, description = PluginOption.HELP)
  String plugin;

  @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
      description = "SPMD partitions (default: the module's mhlo.num_partitions, else 1)")
  int partitions;

  @Option(names = "--cpu-devices", defaultValue = "0", paramLabel = "N",
      description = "devices of the CPU plugin (default: the module's replicas x partitions)")
  int cpuDevices;

  @Option(names = "--out", required = true, paramLabel = "ARTIFACT", description = "artifact directory to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    String mlir = Files.readString(file);
    Signature sig = MlirSignature.read(mlir);
    int parts = partitions > 0 ? partitions : sig.numPartitions();
    CompileOptions options = RunMlirCommand.options(mlir, parts);
    PluginOption p = new PluginOption(plugin);
    CompiledArtifact artifact;
    if (p.isTopology()) {
      try (Topology t = p.topology(); Executable e = t.compile(mlir, options)) {
        print(e, t.platformName() + " topology " + t.name());
        artifact = CompiledArtifact.of(e, sig, t.platformName(), t.platformVersion(), t.plugin().version(), t.name());
      }
    } else {
      int devices = cpuDevices > 0 ? cpuDevices : (p.isCpu() ? sig.replicas() * parts : 0);
      try (Client c = p.client(devices); LoadedExecutable le = c.compile(mlir, options)) {
        print(le.executable(), c.platformName() + " " + le.devices());
        artifact = CompiledArtifact.of(le.executable(), sig, c.platformName(), c.platformVersion(),
            c.plugin().version(), null);
      }
    }
    artifact.save(out);
    System.out.println("artifact   " + out + " (" + artifact.executableBytes().length + " bytes executable, "
        + CompiledArtifact.MANIFEST + ")");
    return 0;
  }

  static void print(Executable e, String target) {
    System.out.println("compiled   " + e.name() + " for " + target + ": " + e.numPartitions() + " partition(s), "
        + e.numReplicas() + " replica(s)");
    System.out.println("outputs    " + e.outputs() + " (per device)");
    MemoryStats m = e.memoryStats();
    System.out.printf("memory     per device: argument %d B, output %d B, alias %d B, temp %d B, generated code %d B%n",
        m.argumentBytes(), m.outputBytes(), m.aliasBytes(), m.tempBytes(), m.generatedCodeBytes());
    if (m.hostArgumentBytes() + m.hostOutputBytes() + m.hostTempBytes() + m.hostGeneratedCodeBytes() > 0) {
      System.out.printf("host mem   per device: argument %d B, output %d B, temp %d B, generated code %d B%n",
          m.hostArgumentBytes(), m.hostOutputBytes(), m.hostTempBytes(), m.hostGeneratedCodeBytes());
    }
    Map<String, Object> cost;
    try {
      cost = e.costAnalysis();
    } catch (RuntimeException ex) {
      System.out.println("cost       unavailable: " + ex.getMessage());
      return;
    }
    if (cost.isEmpty()) {
      System.out.println("cost       (the plugin reports no cost analysis)");
    }
    int perOperand = 0;
    for (Map.Entry<String, Object> c : new java.util.TreeMap<>(cost).entrySet()) {
      if (c.getKey().matches(".*\\d+\\{.*\\}")) { // per-operand entries (libtpu: "utilization12{}"): counted
        perOperand++;
        continue;
      }
      System.out.println("cost       " + c.getKey() + " = " + c.getValue());
    }
    if (perOperand > 0) {
      System.out.println("cost       (" + perOperand + " per-operand entries not shown)");
    }
  }
}
