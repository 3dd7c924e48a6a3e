package xla4j.models.gemma;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import xla4j.array.DType;
import xla4j.dsl.Mesh;
import xla4j.io.JsonConfig;
import xla4j.pjrt.Client;
import xla4j.runtime.CompiledArtifact;
import xla4j.runtime.DeviceMesh;
import xla4j.runtime.Program;

/**
 * A model's prefill and decode programs, compiled together (same batch, KV cache size and mesh) or loaded from an
 * artifact directory ({@code prefill/} and {@code decode/} {@link CompiledArtifact}s and {@value #CONFIG}, the
 * config they were built for). Closing closes both.
 */
public record GemmaPrograms(GemmaConfig config, Program prefill, Program decode) implements AutoCloseable {
  /** The config file of an artifact directory (Hugging Face keys). */
  public static final String CONFIG = "gemma.json";

  /** Compiles prefill ({@code batch} x {@code promptLen}) and decode over a cache of {@code cacheSize} slots. */
  public static GemmaPrograms compile(GemmaConfig c, int batch, int promptLen, int cacheSize, Optional<Mesh> mesh,
      Client client) {
    DeviceMesh devices = mesh.isPresent() ? DeviceMesh.of(mesh.get(), client)
        : DeviceMesh.single(client.addressableDevices().get(0));
    Program pre = Program.compile(Gemma.prefill(c, batch, promptLen, cacheSize, mesh, false).graph(), devices);
    try {
      return new GemmaPrograms(c, pre, Program.compile(Gemma.decode(c, batch, cacheSize, mesh).graph(), devices));
    } catch (RuntimeException | Error e) {
      pre.close();
      throw e;
    }
  }

  /** Saves both programs and the config under {@code dir}. */
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    prefill.saveArtifact(dir.resolve("prefill"));
    decode.saveArtifact(dir.resolve("decode"));
    Files.writeString(dir.resolve(CONFIG), new GsonBuilder().setPrettyPrinting().create()
        .toJson(config.toHuggingFace()));
  }

  /** The config an artifact directory was compiled for. */
  public static GemmaConfig readConfig(Path dir) throws IOException {
    Path f = dir.resolve(CONFIG);
    if (!Files.isRegularFile(f)) {
      throw new IOException("Gemma artifact " + dir + " requires " + CONFIG + " (written by xla4j compile gemma --out)");
    }
    JsonConfig j = JsonConfig.read(f);
    return GemmaConfig.fromHuggingFace(j, j.string("dtype", "float32").equals("bfloat16") ? DType.BF16 : DType.F32);
  }

  /**
   * Loads the programs of an artifact directory onto {@code client}.
   *
   * @throws IllegalArgumentException if {@code expected} (the model's config) differs from the artifact's
   */
  public static GemmaPrograms load(Path dir, Client client, GemmaConfig expected) throws IOException {
    GemmaConfig c = readConfig(dir);
    if (!c.withVariant("-").equals(expected.withVariant("-"))) {
      throw new IllegalArgumentException("Gemma artifact " + dir + " was compiled for another model: " + c
          + ", got " + expected);
    }
    Program pre = CompiledArtifact.load(dir.resolve("prefill")).program(client);
    try {
      return new GemmaPrograms(c, pre, CompiledArtifact.load(dir.resolve("decode")).program(client));
    } catch (RuntimeException | Error e) {
      pre.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      prefill.close();
    } finally {
      decode.close();
    }
  }
}
