package xla4j.cli;

import java.util.List;
import java.util.Optional;
import xla4j.array.DType;
import xla4j.dsl.Graph;
import xla4j.dsl.Mesh;
import xla4j.io.JsonConfig;
import xla4j.models.paligemma.PaliGemma;
import xla4j.models.paligemma.PaliGemmaConfig;
import xla4j.models.paligemma.PaliGemmaPrograms;
import xla4j.pjrt.Client;
import xla4j.runtime.DeviceMesh;
import xla4j.runtime.Program;

/**
 * {@code xla4j compile paligemma}: compiles the image encoder, prefill and decode programs of a PaliGemma variant (or
 * a model directory's config.json) for a plugin or, deviceless, a TPU topology, and prints each one's per-device
 * memory.
 */
final class PaliGemmaCompile {
  private PaliGemmaCompile() {}

  static int run(CompileCommand cmd) throws Exception {
    DType dt = DType.fromXlaName(cmd.model.dtype);
    PaliGemmaConfig c = cmd.gemmaModel != null
        ? PaliGemmaConfig.fromHuggingFace(JsonConfig.read(cmd.gemmaModel.resolve("config.json")), dt)
        : PaliGemmaConfig.fromVariant(cmd.model.variant).withDtype(dt);
    Optional<Mesh> mesh = cmd.model.mesh == null ? Optional.empty() : Optional.of(Mesh.parse(cmd.model.mesh));
    int batch = Math.toIntExact(cmd.model.batch);
    int cache = PaliGemmaPrograms.cacheSize(c, cmd.promptLen, cmd.maxNewTokens);
    System.out.printf("paligemma  %s (%d px, %d image tokens, %s %d layers, %s), batch %d, prompt %d, KV cache %d%s%n",
        c.variant(), c.imageSize(), c.imageTokens(), c.text().architecture().modelType(), c.text().depth(),
        dt.xlaName(), batch, cmd.promptLen, cache, mesh.map(m -> ", mesh " + m.shape()).orElse(""));
    List<Graph> graphs = List.of(PaliGemma.image(c, batch, mesh).graph(),
        PaliGemma.prefill(c, batch, cmd.promptLen, cache, mesh, false).graph(),
        PaliGemma.decode(c, batch, cache, mesh).graph());
    PluginOption p = new PluginOption(cmd.plugin);
    if (p.isTopology()) {
      GemmaCompile.compileForTopology(p, graphs, cmd.out);
    } else {
      if (cmd.out != null) {
        throw new IllegalArgumentException("compile paligemma --out saves deviceless TPU executables only "
            + "(--plugin tpu:TOPOLOGY); the paligemma command compiles for its own devices");
      }
      int devices = p.isCpu() ? (int) (long) mesh.map(Mesh::numDevices).orElse(1L) : 0;
      try (Client client = p.client(devices)) {
        DeviceMesh dm = mesh.isPresent() ? DeviceMesh.of(mesh.get(), client)
            : DeviceMesh.single(client.addressableDevices().get(0));
        for (Graph g : graphs) {
          long t0 = System.nanoTime();
          try (Program prog = Program.compile(g, dm)) {
            System.out.printf("%-10s compiled in %.2f s%n", g.name(), (System.nanoTime() - t0) / 1e9);
            CompileMlirCommand.print(prog.executable().executable(), client.platformName() + " " + prog.devices());
          }
        }
      }
    }
    if (cmd.out != null) {
      System.out.println("artifact   " + cmd.out);
    }
    return 0;
  }
}
