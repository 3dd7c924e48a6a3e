package xla4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import xla4j.dsl.Graph;
import xla4j.dsl.Signature;
import xla4j.runtime.Program;
import xla4j.pjrt.Client;
import xla4j.pjrt.CompileOptions;
import xla4j.pjrt.Executable;
import xla4j.pjrt.Topology;
import xla4j.runtime.CompiledArtifact;

@Command(name = "compile", mixinStandardHelpOptions = true,
    description = {"Compile a model or sample graph for a plugin or a TPU topology (deviceless), print compiled "
        + "memory stats and cost analysis, and optionally save the artifact.",
        "Example: xla4j compile vit --variant B/16 --dtype bf16 --plugin tpu:v5e:2x2"})
final class CompileCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "GRAPH",
      description = "vit, gemma, paligemma or a sample name (see emit --help)")
  String name;

  @Mixin VitOptions model;

  @Option(names = "--plugin", defaultValue = "cpu", description = PluginOption.HELP)
  String plugin;

  @Option(names = "--out", paramLabel = "ARTIFACT", description = "artifact directory to write")
  Path out;

  @Option(names = "--model", paramLabel = "DIR", description = "gemma, paligemma: the model's config.json directory "
      + "(else --variant, e.g. gemma2_2b or pali_3b_224)")
  Path gemmaModel;

  @Option(names = "--prompt-len", defaultValue = "512", paramLabel = "P",
      description = "gemma, paligemma: the prefill's prompt length (after "
          + "the image tokens; default: 512)")
  int promptLen;

  @Option(names = "--max-new-tokens", defaultValue = "512", paramLabel = "N",
      description = "gemma, paligemma: KV cache slots after the prompt "
          + "(default: 512)")
  int maxNewTokens;

  @Override
  public Integer call() throws Exception {
    if (name.equals("gemma")) {
      return GemmaCompile.run(this);
    }
    if (name.equals("paligemma")) {
      return PaliGemmaCompile.run(this);
    }
    Graph g = Models.graph(name, model);
    String mlir = g.toMlir();
    Signature sig = g.signature();
    CompileOptions options = CompileOptions.builder().replicas(sig.replicas()).partitions(sig.numPartitions())
        .shardy(!sig.gspmd()).build();
    PluginOption p = new PluginOption(plugin);
    CompiledArtifact artifact;
    long t0 = System.nanoTime();
    if (p.isTopology()) {
      try (Topology t = p.topology(); Executable e = t.compile(mlir, options)) {
        System.out.printf("compile    %.2f s%n", (System.nanoTime() - t0) / 1e9);
        CompileMlirCommand.print(e, t.platformName() + " topology " + t.name());
        artifact = CompiledArtifact.of(e, sig, t.platformName(), t.platformVersion(), t.plugin().version(), t.name());
      }
    } else {
      try (Client c = p.client(p.isCpu() ? sig.numDevices() : 0);
          Program prog = Program.compile(g, c)) {
        Executable e = prog.executable().executable();
        System.out.printf("compile    %.2f s%n", (System.nanoTime() - t0) / 1e9);
        CompileMlirCommand.print(e, c.platformName() + " " + prog.devices());
        artifact = CompiledArtifact.of(e, sig, c.platformName(), c.platformVersion(), c.plugin().version(), null);
      }
    }
    if (out != null) {
      artifact.save(out);
      System.out.println("artifact   " + out);
    }
    return 0;
  }
}
