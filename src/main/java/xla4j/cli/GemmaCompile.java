package xla4j.cli;

import java.nio.file.Path;
import java.util.Optional;
import xla4j.array.DType;
import xla4j.dsl.Graph;
import xla4j.dsl.Mesh;
import xla4j.dsl.Signature;
import xla4j.io.JsonConfig;
import xla4j.models.gemma.Gemma;
import xla4j.models.gemma.GemmaConfig;
import xla4j.models.gemma.GemmaPrograms;
import xla4j.pjrt.Client;
import xla4j.pjrt.CompileOptions;
import xla4j.pjrt.Executable;
import xla4j.pjrt.Topology;
import xla4j.runtime.CompiledArtifact;

/**
 * {@code xla4j compile gemma}: compiles the prefill and decode programs of a Gemma variant (or a model directory's
 * config.json) for a plugin or, deviceless, a TPU topology, and prints each one's per-device memory; {@code --out}
 * saves them as an artifact {@code generate --artifact} reuses.
 */
final class GemmaCompile {
  private GemmaCompile() {}

  static int run(CompileCommand cmd) throws Exception {
    DType dt = DType.fromXlaName(cmd.model.dtype);
    GemmaConfig c = cmd.gemmaModel != null
        ? GemmaConfig.fromHuggingFace(JsonConfig.read(cmd.gemmaModel.resolve("config.json")), dt)
        : GemmaConfig.fromVariant(cmd.model.variant).withDtype(dt);
    Optional<Mesh> mesh = cmd.model.mesh == null ? Optional.empty() : Optional.of(Mesh.parse(cmd.model.mesh));
    int batch = Math.toIntExact(cmd.model.batch);
    int cache = cmd.promptLen + cmd.maxNewTokens;
    System.out.printf("gemma      %s (%s, %d layers, %.2fB parameters, %s), batch %d, prompt %d, KV cache %d%s%n",
        c.variant(), c.architecture().modelType(), c.depth(), c.numParams() / 1e9, dt.xlaName(), batch,
        cmd.promptLen, cache, mesh.map(m -> ", mesh " + m.shape()).orElse(""));
    PluginOption p = new PluginOption(cmd.plugin);
    if (p.isTopology()) {
      if (cmd.out != null) {
        System.out.println("note       --out with a topology saves deviceless executables for that TPU");
      }
      compileForTopology(p, java.util.List.of(Gemma.prefill(c, batch, cmd.promptLen, cache, mesh, false).graph(),
          Gemma.decode(c, batch, cache, mesh).graph()), cmd.out);
    } else {
      int devices = p.isCpu() ? (int) (long) mesh.map(Mesh::numDevices).orElse(1L) : 0;
      try (Client client = p.client(devices)) {
        long t0 = System.nanoTime();
        try (GemmaPrograms programs = GemmaPrograms.compile(c, batch, cmd.promptLen, cache, mesh, client)) {
          System.out.printf("compile    %.2f s (prefill + decode)%n", (System.nanoTime() - t0) / 1e9);
          CompileMlirCommand.print(programs.prefill().executable().executable(), client.platformName() + " "
              + programs.prefill().devices());
          CompileMlirCommand.print(programs.decode().executable().executable(), client.platformName() + " "
              + programs.decode().devices());
          if (cmd.out != null) {
            programs.save(cmd.out);
          }
        }
      }
    }
    if (cmd.out != null) {
      if (p.isTopology()) {
        java.nio.file.Files.writeString(cmd.out.resolve(GemmaPrograms.CONFIG),
            new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(c.toHuggingFace()));
      }
      System.out.println("artifact   " + cmd.out);
    }
    return 0;
  }

  /**
   * Compiles each graph deviceless for the topology of {@code p}, printing its compile time and per-device memory;
   * with {@code out}, saves each under {@code out/NAME} (the graph name after its model prefix: {@code prefill}).
   */
  static void compileForTopology(PluginOption p, java.util.List<Graph> graphs, Path out) throws Exception {
    try (Topology t = p.topology()) {
      for (Graph g : graphs) {
        Signature sig = g.signature();
        CompileOptions options = CompileOptions.builder().replicas(sig.replicas()).partitions(sig.numPartitions())
            .shardy(!sig.gspmd()).build();
        long t0 = System.nanoTime();
        try (Executable e = t.compile(g.toMlir(), options)) {
          System.out.printf("%-10s compiled in %.2f s%n", g.name(), (System.nanoTime() - t0) / 1e9);
          CompileMlirCommand.print(e, t.platformName() + " topology " + t.name());
          if (out != null) {
            CompiledArtifact.of(e, sig, t.platformName(), t.platformVersion(), t.plugin().version(), t.name())
                .save(out.resolve(g.name().substring(g.name().indexOf('_') + 1)));
          }
        }
      }
    }
  }
}
