package xla4j.runtime;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xla4j.array.NdArray;
import xla4j.pjrt.Client;
import xla4j.pjrt.Executable;
import xla4j.pjrt.LoadedExecutable;
import xla4j.pjrt.ProgramSignature;
import xla4j.pjrt.TensorSpec;

/**
 * A compiled program that runs without its source: a directory holding {@value #EXECUTABLE} (the
 * plugin's serialized executable) and {@value #MANIFEST} (a {@link Manifest}: program name, input and
 * output types and shardings, partitions, plugin platform and version, topology).
 */
public final class CompiledArtifact {
  public static final String EXECUTABLE = "executable.bin";
  public static final String MANIFEST = "manifest.json";
  public static final String FORMAT = "xla4j-artifact/1";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  /** One input or output: element type, global shape, and optional Shardy sharding. */
  public record Tensor(String dtype, long[] shape, Map<String, Integer> mesh, List<List<String>> sharding) {
    TensorSpec spec() {
      return TensorSpec.of(xla4j.array.DType.fromXlaName(dtype), shape);
    }

    Sharding toSharding() {
      return mesh == null ? null : Sharding.of(mesh, sharding);
    }

    static Tensor of(TensorSpec spec, Sharding s) {
      return new Tensor(spec.dtype().xlaName(), spec.dims(), s == null ? null : s.mesh(), s == null ? null : s.dims());
    }
  }

  /** The JSON manifest. */
  public record Manifest(String format, String program, List<Tensor> inputs, List<Tensor> outputs, int numPartitions,
      int numReplicas, String platform, String platformVersion, String pjrtApiVersion, String topology,
      String fingerprint) {}

  private final Manifest manifest;
  private final byte[] executable;

  private CompiledArtifact(Manifest manifest, byte[] executable) {
    this.manifest = manifest;
    this.executable = executable;
  }

  /**
   * Describes a compiled program.
   *
   * @param mlir the StableHLO source (for the signature and shardings)
   * @param topology the topology name for a deviceless compile, or null
   */
  public static CompiledArtifact of(Executable exe, String mlir, String platform, String platformVersion,
      String pjrtApiVersion, String topology) {
    ProgramSignature sig = ProgramSignature.parse(mlir);
    Sharding.Signature sh = Sharding.parseProgram(mlir);
    List<Tensor> in = new ArrayList<>();
    for (int i = 0; i < sig.inputs().size(); i++) {
      in.add(Tensor.of(sig.inputs().get(i), i < sh.inputs().size() ? sh.inputs().get(i) : null));
    }
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < sig.outputs().size(); i++) {
      out.add(Tensor.of(sig.outputs().get(i), i < sh.outputs().size() ? sh.outputs().get(i) : null));
    }
    Manifest m = new Manifest(FORMAT, exe.name(), in, out, exe.numPartitions(), exe.numReplicas(), platform,
        platformVersion, pjrtApiVersion, topology, fingerprintOf(exe));
    return new CompiledArtifact(m, exe.serialize());
  }

  private static String fingerprintOf(Executable exe) {
    try {
      return exe.fingerprint();
    } catch (RuntimeException e) {
      return "";
    }
  }

  public Manifest manifest() {
    return manifest;
  }

  /** A copy of the serialized executable. */
  public byte[] executableBytes() {
    return executable.clone();
  }

  /** The program's parameter and result types (global shapes). */
  public ProgramSignature signature() {
    List<TensorSpec> in = new ArrayList<>();
    manifest.inputs().forEach(t -> in.add(t.spec()));
    List<TensorSpec> out = new ArrayList<>();
    manifest.outputs().forEach(t -> out.add(t.spec()));
    return ProgramSignature.of(in, out, manifest.numPartitions());
  }

  /** Writes {@code dir}/{@value #EXECUTABLE} and {@code dir}/{@value #MANIFEST} (creating dir). */
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve(EXECUTABLE), executable);
    Files.writeString(dir.resolve(MANIFEST), GSON.toJson(manifest) + "\n", StandardCharsets.UTF_8);
  }

  public static CompiledArtifact load(Path dir) throws IOException {
    Path m = dir.resolve(MANIFEST);
    Path e = dir.resolve(EXECUTABLE);
    if (!Files.isRegularFile(m) || !Files.isRegularFile(e)) {
      throw new IOException(dir + " is not an xla4j artifact (needs " + MANIFEST + " and " + EXECUTABLE + ")");
    }
    Manifest manifest = GSON.fromJson(Files.readString(m, StandardCharsets.UTF_8), Manifest.class);
    if (manifest == null || !FORMAT.equals(manifest.format())) {
      throw new IOException(m + ": unknown artifact format " + (manifest == null ? null : manifest.format())
          + ", expected " + FORMAT);
    }
    return new CompiledArtifact(manifest, Files.readAllBytes(e));
  }

  /** Loads the executable onto {@code client}'s devices (which must match the platform it was built for). */
  public LoadedExecutable load(Client client) {
    if (!client.platformName().equals(manifest.platform())) {
      throw new IllegalArgumentException("artifact " + manifest.program() + " was compiled for platform '"
          + manifest.platform() + "', got a '" + client.platformName() + "' client");
    }
    return client.deserializeAndLoad(executable, signature());
  }

  /** Loads, checks {@code inputs} against the manifest, runs (sharding inputs as recorded), returns outputs. */
  public List<NdArray> run(Client client, List<NdArray> inputs) {
    List<TensorSpec> params = signature().inputs();
    Runner.checkInputs(manifest.program(), params, inputs);
    List<Sharding> in = new ArrayList<>();
    manifest.inputs().forEach(t -> in.add(t.toSharding()));
    List<Sharding> out = new ArrayList<>();
    manifest.outputs().forEach(t -> out.add(t.toSharding()));
    try (LoadedExecutable exe = load(client)) {
      return Runner.run(exe, inputs, in, out);
    }
  }
}
