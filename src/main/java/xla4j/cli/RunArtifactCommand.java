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
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;
import xla4j.array.TensorSource;
import xla4j.dsl.Signature;
import xla4j.io.Checkpoint;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "run-artifact", mixinStandardHelpOptions = true,
    description = {"Run a compiled artifact (from compile or compile-mlir) on .npy inputs, without its source program.",
        "With --checkpoint, parameters are taken by name from the checkpoint (each device reading only its shard) "
            + "and --input gives the remaining inputs in order.",
        "Writes out0.npy, out1.npy, ... (the outputs in order) to --out.",
        "Example: xla4j run-artifact art-vit --checkpoint vit.npz --input images.npy --out /tmp/out"})
final class RunArtifactCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ARTIFACT", description = "artifact directory written by compile-mlir")
  Path artifact;

  @Option(names = "--checkpoint", paramLabel = "FILE",
      description = {"a checkpoint (.npz, .safetensors) holding parameters by the program's input names, at the top "
          + "level or under params/ or opt/target/ (big_vision); stored dtypes are converted to the program's"})
  Path checkpoint;

  @Option(names = "--input", paramLabel = "NPY",
      description = "an input .npy file, one per program input not in --checkpoint, in order")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--out", defaultValue = ".", paramLabel = "DIR", description = "where to write outN.npy (default: .)")
  Path out;

  @Option(names = "--plugin", defaultValue = "cpu", description = PluginOption.HELP)
  String plugin;

  @Option(names = "--cpu-devices", defaultValue = "0", paramLabel = "N",
      description = "devices of the CPU plugin (default: the artifact's partitions)")
  int cpuDevices;

  /**
   * The checkpoint's tensors named as the program's parameters: {@code NAME}, {@code params/NAME} or
   * {@code opt/target/NAME} (big_vision's trees), converted to the parameter's dtype.
   */
  static Map<String, TensorSource> byName(Signature sig, Checkpoint c) {
    Map<String, TensorSource> out = new LinkedHashMap<>();
    Map<String, ? extends TensorSource> entries = c.entries();
    for (Signature.Arg a : sig.parameters()) {
      for (String prefix : List.of("", "params/", "opt/target/")) {
        TensorSource s = entries.get(prefix + a.name());
        if (s != null) {
          if (!java.util.Arrays.equals(s.shape(), a.shape().dims())) {
            throw new IllegalArgumentException("checkpoint " + c.file() + " key '" + prefix + a.name() + "' has shape "
                + java.util.Arrays.toString(s.shape()) + ", the program's parameter is " + a.shape());
          }
          out.put(a.name(), s.astype(a.shape().dtype()));
          break;
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("checkpoint " + c.file() + " holds none of the program's parameters "
          + sig.parameters().stream().map(Signature.Arg::name).limit(10).toList() + " (also looked under params/ and "
          + "opt/target/)");
    }
    return out;
  }

  @Override
  public Integer call() throws Exception {
    CompiledArtifact a = CompiledArtifact.load(artifact);
    CompiledArtifact.Manifest m = a.manifest();
    System.out.println("artifact   " + m.program() + " for " + m.platform() + " " + m.platformVersion().lines().findFirst().orElse("")
        + (m.topology() == null ? "" : " topology " + m.topology()) + ", " + m.numPartitions() + " partition(s)");
    List<NdArray> in = Inputs.read(inputs);
    PluginOption p = new PluginOption(plugin);
    int devices = cpuDevices > 0 ? cpuDevices : (p.isCpu() ? m.numPartitions() * m.numReplicas() : 0);
    try (Client client = p.client(devices); Program program = a.program(client)) {
      Map<String, NdArray> outputs;
      if (checkpoint == null) {
        outputs = new LinkedHashMap<>();
        List<NdArray> res = program.execute(in.toArray(new NdArray[0]));
        for (int i = 0; i < res.size(); i++) {
          outputs.put(program.signature().results().get(i).name(), res.get(i));
        }
      } else {
        try (Checkpoint c = Checkpoint.open(checkpoint)) {
          Map<String, TensorSource> params = byName(program.signature(), c);
          List<String> rest = program.signature().parameters().stream().map(Signature.Arg::name)
              .filter(n -> !params.containsKey(n)).toList();
          if (rest.size() != in.size()) {
            throw new IllegalArgumentException("artifact " + m.program() + " takes " + rest.size() + " input(s) besides "
                + "the " + params.size() + " parameters in " + checkpoint + ": " + rest + ", got " + in.size()
                + " --input file(s)");
          }
          Map<String, NdArray> named = new LinkedHashMap<>();
          for (int i = 0; i < rest.size(); i++) {
            named.put(rest.get(i), in.get(i));
          }
          try (ParamStore store = ParamStore.place(program, params, line -> System.err.println("[xla4j] " + line))) {
            outputs = program.execute(store, named);
          }
        }
      }
      Inputs.writeOutputs(new java.util.ArrayList<>(outputs.values()), out);
    }
    return 0;
  }
}
