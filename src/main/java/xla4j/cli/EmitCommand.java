package xla4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "emit", mixinStandardHelpOptions = true,
    description = {"Print the StableHLO (MLIR text) of a model or a built-in sample graph.",
        "Graphs: vit (configured by the options below), mlp_f32, attention_bf16, attention_bf16_sharded_shardy, "
            + "attention_bf16_sharded_gspmd, control_flow, collectives, shard_map_collectives.",
        "Example: xla4j emit vit --variant Ti/16 --batch 2 > vit.mlir"})
final class EmitCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "GRAPH", description = "vit or a sample name")
  String name;

  @Mixin VitOptions model;

  @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
  Path out;

  @Override
  public Integer call() throws Exception {
    String mlir = Models.graph(name, model).toMlir();
    if (out != null) {
      Files.writeString(out, mlir);
      System.err.println("wrote " + out + " (" + mlir.length() + " characters)");
    } else {
      System.out.print(mlir);
    }
    return 0;
  }
}
