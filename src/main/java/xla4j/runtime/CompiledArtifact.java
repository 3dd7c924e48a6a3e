package xla4j.runtime;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.pjrt.Client;
import xla4j.pjrt.Executable;
import xla4j.pjrt.LoadedExecutable;
import xla4j.pjrt.ProgramSignature;
import xla4j.pjrt.TensorSpec;
import xla4j.dsl.Mesh;
import xla4j.dsl.NamedSharding;
import xla4j.dsl.PartitionSpec;
import xla4j.dsl.Shape;
import xla4j.dsl.Signature;
import xla4j.hlo.MeshDecl;

/**
 * A compiled program that runs without its source: a directory holding {@value #EXECUTABLE} (the bytes
 * of {@link Executable#serialize()}: the plugin's serialized executable in xla4j's envelope, which
 * {@link Client#deserializeAndLoad} verifies again) and {@value #MANIFEST} (a {@link Manifest}).
 *
 * <p>The manifest, format {@value #FORMAT}, is one JSON object holding the program's {@link Signature} as data;
 * every field is required unless noted:
 * <pre>
 * format            "xla4j-artifact/3"
 * program           the executable's name (non-empty)
 * mesh              optional: the mesh's axis sizes in major-to-minor order, {"data": 2, "model": 4}
 * inputs, outputs   arrays of tensors, each {"name": "image", "dtype": "f32", "shape": [4, 3]} (dims &gt;= 0, names
 *                   unique), optionally with "sharding": [["data"], []] (per dimension its mesh axes, major first;
 *                   needs the mesh) and, for inputs, "aliasedOutput": "name" (the input is donated to that output)
 * numPartitions     &gt;= 1 (the mesh's size when there is one)
 * numReplicas       &gt;= 1
 * gspmd             optional boolean: shardings were GSPMD (mhlo.sharding) rather than Shardy
 * platform          the plugin's platform name, e.g. "cpu", "tpu"
 * platformVersion   the plugin's platform version it was compiled with
 * pjrtApiVersion    the plugin's PJRT C API version, "major.minor"
 * topology          optional: the topology name of a deviceless (AOT) compile
 * fingerprint       the executable's fingerprint (lower-case hex), "" when the plugin gives none
 * executableSha256  SHA-256 of {@value #EXECUTABLE}, 64 lower-case hex digits
 * </pre>
 *
 * <p>{@link #load(Path)} checks all of this and the checksum before any byte reaches a plugin (a damaged
 * executable can crash the process inside it; the checksum catches damage, not deliberate tampering);
 * {@link #load(Client)} checks platform, platform version and PJRT major version against the client,
 * and the loaded executable's fingerprint, partitions, replicas and per-device output types against
 * the manifest. Formats {@code xla4j-artifact/1} (no checksum) and {@code /2} (no names) are refused with a
 * request to recompile.
 *
 * <p>Thread-safe: an artifact is not modified after it is loaded or written; each {@link #program(Client)} loads
 * its own executable.
 */
public final class CompiledArtifact {
  /** File name of the serialized executable in an artifact directory. */
  public static final String EXECUTABLE = "executable.bin";
  /** File name of the JSON manifest in an artifact directory. */
  public static final String MANIFEST = "manifest.json";
  /** The manifest format this version writes and reads. */
  public static final String FORMAT = "xla4j-artifact/3";
  private static final String FORMAT_1 = "xla4j-artifact/1";
  private static final String FORMAT_2 = "xla4j-artifact/2";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
  /** "major.minor", each part an int (9 digits at most). */
  private static final Pattern API_VERSION = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]*");

  /**
   * One input or output: name, element type, global shape, optional sharding (per dimension its mesh axes) and, for
   * an input, the output it is donated to.
   */
  public record Tensor(String name, String dtype, long[] shape, List<List<String>> sharding, String aliasedOutput) {
    Signature.Arg toArg() {
      Optional<PartitionSpec> spec = Optional.empty();
      if (sharding != null) {
        Object[] dims = new Object[sharding.size()];
        for (int d = 0; d < dims.length; d++) {
          dims[d] = sharding.get(d);
        }
        spec = Optional.of(PartitionSpec.of(dims));
      }
      return new Signature.Arg(name, Shape.of(DType.fromXlaName(dtype), shape), spec, Optional.ofNullable(aliasedOutput));
    }

    static Tensor of(Signature.Arg a) {
      return new Tensor(a.name(), a.shape().dtype().xlaName(), a.shape().dims(),
          a.spec().map(PartitionSpec::dims).orElse(null), a.aliasedOutput().orElse(null));
    }
  }

  /** The JSON manifest (see the class comment for its fields). */
  public record Manifest(String format, String program, Map<String, Long> mesh, List<Tensor> inputs,
      List<Tensor> outputs, int numPartitions, int numReplicas, Boolean gspmd, String platform, String platformVersion,
      String pjrtApiVersion, String topology, String fingerprint, String executableSha256) {}

  private final Manifest manifest;
  private final byte[] executable;
  private final String name;

  private CompiledArtifact(Manifest manifest, byte[] executable, Path dir) {
    this.manifest = manifest;
    this.executable = executable;
    this.name = "artifact " + manifest.program() + (dir == null ? "" : " (" + dir + ")");
  }

  /**
   * Describes a compiled program.
   *
   * @param signature the program's signature ({@code Graph.signature()}, or {@link MlirSignature#read} of a module
   *     xla4j did not build)
   * @param pjrtApiVersion the plugin's PJRT C API version, "major.minor"
   * @param topology the topology name for a deviceless compile, or null
   */
  public static CompiledArtifact of(Executable exe, Signature signature, String platform, String platformVersion,
      String pjrtApiVersion, String topology) {
    if (platform == null || platform.isEmpty() || platformVersion == null || platformVersion.isEmpty()) {
      throw new IllegalArgumentException("an artifact requires a platform and platform version, got '" + platform
          + "' and '" + platformVersion + "'");
    }
    if (pjrtApiVersion == null || !API_VERSION.matcher(pjrtApiVersion).matches()) {
      throw new IllegalArgumentException("an artifact requires pjrtApiVersion as \"major.minor\", got '"
          + pjrtApiVersion + "'");
    }
    if (topology != null && topology.isEmpty()) {
      throw new IllegalArgumentException("an artifact's topology is a name or null, got ''");
    }
    List<Tensor> in = new ArrayList<>();
    signature.parameters().forEach(a -> in.add(Tensor.of(a)));
    List<Tensor> out = new ArrayList<>();
    signature.results().forEach(a -> out.add(Tensor.of(a)));
    Map<String, Long> mesh = signature.mesh().map(m -> {
      Map<String, Long> axes = new LinkedHashMap<>();
      m.decl().axes().forEach(a -> axes.put(a.name(), a.size()));
      return axes;
    }).orElse(null);
    byte[] bytes = exe.serialize();
    String program = exe.name().isEmpty() ? "main" : exe.name();
    Manifest m = new Manifest(FORMAT, program, mesh, in, out, exe.numPartitions(), exe.numReplicas(),
        signature.gspmd() ? Boolean.TRUE : null, platform, platformVersion, pjrtApiVersion, topology, fingerprintOf(exe),
        sha256(bytes));
    return new CompiledArtifact(m, bytes, null);
  }

  private static String fingerprintOf(Executable exe) {
    try {
      return exe.fingerprint();
    } catch (RuntimeException e) {
      return "";
    }
  }

  static String sha256(byte[] bytes) {
    try {
      StringBuilder hex = new StringBuilder();
      for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) {
        hex.append(String.format("%02x", b & 0xff));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The checked manifest: the program's signature, platform and checksums. */
  public Manifest manifest() {
    return manifest;
  }

  /** A copy of the serialized executable. */
  public byte[] executableBytes() {
    return executable.clone();
  }

  /** The program's signature: names, global shapes, shardings, donations, mesh. */
  public Signature signature() {
    List<Signature.Arg> in = new ArrayList<>();
    manifest.inputs().forEach(t -> in.add(t.toArg()));
    List<Signature.Arg> out = new ArrayList<>();
    manifest.outputs().forEach(t -> out.add(t.toArg()));
    Optional<Mesh> mesh = Optional.ofNullable(manifest.mesh()).map(axes -> {
      List<MeshDecl.Axis> list = new ArrayList<>();
      axes.forEach((k, v) -> list.add(new MeshDecl.Axis(k, v)));
      return Mesh.of(new MeshDecl("mesh", list));
    });
    return new Signature(manifest.program(), mesh, Boolean.TRUE.equals(manifest.gspmd()),
        mesh.isPresent() ? 1 : manifest.numReplicas(), in, out);
  }

  /** The parameter and result types (global shapes), for the plugin's argument checks. */
  private ProgramSignature types() {
    List<TensorSpec> in = new ArrayList<>();
    manifest.inputs().forEach(t -> in.add(TensorSpec.of(DType.fromXlaName(t.dtype()), t.shape())));
    List<TensorSpec> out = new ArrayList<>();
    manifest.outputs().forEach(t -> out.add(TensorSpec.of(DType.fromXlaName(t.dtype()), t.shape())));
    return ProgramSignature.of(in, out, manifest.numPartitions());
  }

  /** Writes {@code dir}/{@value #EXECUTABLE} and {@code dir}/{@value #MANIFEST} (creating dir). */
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve(EXECUTABLE), executable);
    Files.writeString(dir.resolve(MANIFEST), GSON.toJson(manifest) + "\n", StandardCharsets.UTF_8);
  }

  /**
   * Reads an artifact directory, checking the manifest's fields and {@value #EXECUTABLE}'s SHA-256.
   *
   * @throws IOException naming the file (and field) that is missing, malformed or does not match
   */
  public static CompiledArtifact load(Path dir) throws IOException {
    Path m = dir.resolve(MANIFEST);
    Path e = dir.resolve(EXECUTABLE);
    if (!Files.isRegularFile(m) || !Files.isRegularFile(e)) {
      throw new IOException(dir + " is not an xla4j artifact (needs " + MANIFEST + " and " + EXECUTABLE + ")");
    }
    Manifest manifest = ManifestReader.read(m);
    byte[] bytes = Files.readAllBytes(e);
    String sha = sha256(bytes);
    if (!sha.equals(manifest.executableSha256())) {
      throw new IOException(e + " is damaged or not this artifact's: its SHA-256 is " + sha + ", " + MANIFEST
          + " executableSha256 is " + manifest.executableSha256());
    }
    return new CompiledArtifact(manifest, bytes, dir);
  }

  /**
   * Loads the executable onto {@code client}'s devices.
   *
   * @throws IllegalArgumentException if the client's platform, platform version or PJRT C API major
   *     version is not the one the artifact was compiled with
   * @throws IllegalStateException if the loaded executable's fingerprint is not the manifest's (both
   *     non-empty), or its partitions, replicas or per-device output types are not the manifest's
   */
  public LoadedExecutable load(Client client) {
    checkClient(client);
    LoadedExecutable exe = client.deserializeAndLoad(executable, types());
    try {
      String got = fingerprintOf(exe.executable());
      String want = manifest.fingerprint();
      if (!got.isEmpty() && !want.isEmpty() && !got.equals(want)) {
        throw new IllegalStateException(name + ": the loaded " + EXECUTABLE + " has fingerprint " + got + ", "
            + MANIFEST + " fingerprint is " + want);
      }
      checkLayout(exe.executable());
      return exe;
    } catch (RuntimeException e) {
      exe.close();
      throw e;
    }
  }

  /**
   * Partitions, replicas and each output's per-device type must be what the manifest says, or outputs
   * would be reassembled by the wrong sharding.
   */
  private void checkLayout(Executable exe) {
    if (exe.numPartitions() != manifest.numPartitions() || exe.numReplicas() != manifest.numReplicas()) {
      throw new IllegalStateException(name + ": " + MANIFEST + " says " + manifest.numPartitions() + " partition(s) x "
          + manifest.numReplicas() + " replica(s), the loaded " + EXECUTABLE + " has " + exe.numPartitions() + " x "
          + exe.numReplicas());
    }
    List<TensorSpec> got = exe.outputs();
    if (got.size() != manifest.outputs().size()) {
      throw new IllegalStateException(name + ": " + MANIFEST + " lists " + manifest.outputs().size()
          + " output(s), the loaded " + EXECUTABLE + " has " + got.size());
    }
    Signature sig = signature();
    for (int o = 0; o < got.size(); o++) {
      Signature.Arg a = sig.results().get(o);
      Optional<NamedSharding> sh = sig.sharding(a);
      TensorSpec global = Program.spec(a.shape());
      TensorSpec want = sh.isEmpty() ? global : TensorSpec.of(global.dtype(), sh.get().shardShape(global.dims()));
      if (!want.equals(got.get(o))) {
        throw new IllegalStateException(name + ": " + MANIFEST + " outputs[" + o + "] is " + global
            + sh.filter(x -> !x.isFullyReplicated()).map(x -> " sharded " + x.spec()).orElse("") + ", " + want + " per device; the loaded " + EXECUTABLE
            + " gives " + got.get(o) + " per device");
      }
    }
  }

  private void checkClient(Client client) {
    if (!client.platformName().equals(manifest.platform())) {
      throw new IllegalArgumentException(name + " was compiled for platform '" + manifest.platform() + "', got a '"
          + client.platformName() + "' client");
    }
    if (!client.platformVersion().equals(manifest.platformVersion())) {
      throw new IllegalArgumentException(name + " was compiled for " + manifest.platform() + " platform version '"
          + manifest.platformVersion() + "', got a client of version '" + client.platformVersion()
          + "' (recompile it with this plugin)");
    }
    Matcher v = API_VERSION.matcher(manifest.pjrtApiVersion());
    if (!v.matches() || Integer.parseInt(v.group(1)) != client.plugin().majorVersion()) {
      throw new IllegalArgumentException(name + " was compiled with PJRT C API " + manifest.pjrtApiVersion()
          + ", got a plugin with PJRT C API " + client.plugin().version() + " (major versions differ)");
    }
  }

  /** Loads the executable onto {@code client}'s devices as a {@link Program} (the devices the executable chose). */
  public Program program(Client client) {
    LoadedExecutable exe = load(client);
    try {
      Signature sig = signature();
      DeviceMesh devices = new DeviceMesh(sig.mesh(), exe.devices());
      return Program.of(exe, sig, devices);
    } catch (RuntimeException | Error e) {
      exe.close();
      throw e;
    }
  }

  /** Loads, runs on host arrays (one per input, in order; sharded as recorded), returns the outputs in order. */
  public List<NdArray> run(Client client, List<NdArray> inputs) {
    try (Program p = program(client)) {
      return p.execute(inputs.toArray(new NdArray[0]));
    }
  }

  /** Reads and checks {@value #MANIFEST}; every error names the file and the field. */
  private static final class ManifestReader {
    private final Path file;
    private final JsonObject root;

    private ManifestReader(Path file, JsonObject root) {
      this.file = file;
      this.root = root;
    }

    static Manifest read(Path file) throws IOException {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (CharacterCodingException e) {
        throw new IOException(file + " is not UTF-8 text", e);
      }
      if (text.isBlank()) {
        throw new IOException(file + " is empty");
      }
      JsonElement json;
      try {
        JsonReader r = new JsonReader(new StringReader(text));
        r.setStrictness(Strictness.STRICT);
        json = JsonParser.parseReader(r);
        if (r.peek() != JsonToken.END_DOCUMENT) {
          throw new JsonParseException("content after the JSON value at " + r.getPath());
        }
      } catch (JsonParseException | IOException e) {
        throw new IOException(file + " is not valid JSON: " + jsonProblem(e), e);
      }
      if (!json.isJsonObject()) {
        throw new IOException(file + " must hold a JSON object, got " + abbreviate(json));
      }
      return new ManifestReader(file, json.getAsJsonObject()).manifest();
    }

    /** Reads the fields in the documented order, so the first bad one is the one named. */
    private Manifest manifest() throws IOException {
      String format = string(root, "format");
      if (format.equals(FORMAT_2)) {
        throw error("format", "is " + FORMAT_2 + ", which has no input and output names; recompile the artifact "
            + "(xla4j compile-mlir or compile) to get " + FORMAT);
      }
      if (format.equals(FORMAT_1)) {
        throw error("format", "is " + FORMAT_1 + ", which has no executableSha256 to check " + EXECUTABLE
            + " against; recompile the artifact (xla4j compile-mlir) to get " + FORMAT);
      }
      if (!format.equals(FORMAT)) {
        throw error("format", "must be " + FORMAT + ", got '" + format + "'");
      }
      String program = string(root, "program");
      Map<String, Long> mesh = root.has("mesh") && !root.get("mesh").isJsonNull() ? mesh(root.get("mesh"), "mesh")
          : null;
      List<Tensor> inputs = tensors("inputs", mesh);
      List<Tensor> outputs = tensors("outputs", mesh);
      int numPartitions = positiveInt(root, "numPartitions");
      int numReplicas = positiveInt(root, "numReplicas");
      if (mesh != null && mesh.values().stream().reduce(1L, Math::multiplyExact) != numPartitions) {
        throw error("numPartitions", "must be the mesh's size " + mesh + ", got " + numPartitions);
      }
      Boolean gspmd = null;
      if (root.has("gspmd") && !root.get("gspmd").isJsonNull()) {
        JsonElement g = root.get("gspmd");
        if (!g.isJsonPrimitive() || !g.getAsJsonPrimitive().isBoolean()) {
          throw error("gspmd", "must be true or false, got " + abbreviate(g));
        }
        gspmd = g.getAsBoolean();
      }
      String platform = string(root, "platform");
      String platformVersion = string(root, "platformVersion");
      String apiVersion = string(root, "pjrtApiVersion");
      if (!API_VERSION.matcher(apiVersion).matches()) {
        throw error("pjrtApiVersion", "must be \"major.minor\", got '" + apiVersion + "'");
      }
      String topology = root.has("topology") && !root.get("topology").isJsonNull() ? string(root, "topology") : null;
      String fingerprint = stringOrEmpty(root, "fingerprint", "fingerprint");
      if (!HEX.matcher(fingerprint).matches()) {
        throw error("fingerprint", "must be lower-case hex, got '" + fingerprint + "'");
      }
      String sha = string(root, "executableSha256");
      if (!SHA256.matcher(sha).matches()) {
        throw error("executableSha256", "must be 64 lower-case hex digits, got '" + sha + "'");
      }
      Manifest m = new Manifest(format, program, mesh, inputs, outputs, numPartitions, numReplicas, gspmd, platform,
          platformVersion, apiVersion, topology, fingerprint, sha);
      try {
        new CompiledArtifact(m, new byte[0], null).signature();
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": the signature is inconsistent: " + e.getMessage(), e);
      }
      return m;
    }

    private List<Tensor> tensors(String field, Map<String, Long> mesh) throws IOException {
      JsonArray array = array(root, field, field);
      List<Tensor> out = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (int i = 0; i < array.size(); i++) {
        String at = field + "[" + i + "]";
        if (!array.get(i).isJsonObject()) {
          throw error(at, "must be an object {\"name\": ..., \"dtype\": ..., \"shape\": [...]}, got "
              + abbreviate(array.get(i)));
        }
        Tensor t = tensor(array.get(i).getAsJsonObject(), at, mesh, field.equals("inputs"));
        if (!names.add(t.name())) {
          throw error(at + ".name", "must be unique among the " + field + ", got '" + t.name() + "' twice");
        }
        out.add(t);
      }
      return out;
    }

    private Tensor tensor(JsonObject t, String at, Map<String, Long> mesh, boolean input) throws IOException {
      String name = string(t, "name", at + ".name");
      String dtype = string(t, "dtype", at + ".dtype");
      try {
        DType.fromXlaName(dtype);
      } catch (IllegalArgumentException e) {
        throw error(at + ".dtype", "is invalid: " + e.getMessage());
      }
      JsonArray dims = array(t, "shape", at + ".shape");
      long[] shape = new long[dims.size()];
      for (int d = 0; d < shape.length; d++) {
        shape[d] = wholeNumber(dims.get(d), at + ".shape[" + d + "]");
        if (shape[d] < 0) {
          throw error(at + ".shape[" + d + "]", "must be >= 0, got " + shape[d]);
        }
      }
      String aliased = null;
      if (t.has("aliasedOutput") && !t.get("aliasedOutput").isJsonNull()) {
        if (!input) {
          throw error(at + ".aliasedOutput", "is only for inputs");
        }
        aliased = string(t, "aliasedOutput", at + ".aliasedOutput");
      }
      if (!t.has("sharding") || t.get("sharding").isJsonNull()) {
        return new Tensor(name, dtype, shape, null, aliased);
      }
      if (mesh == null) {
        throw error(at + ".sharding", "needs the manifest's mesh, which is missing");
      }
      List<List<String>> sharding = sharding(t, at, mesh, shape.length);
      try {
        List<MeshDecl.Axis> axes = new ArrayList<>();
        mesh.forEach((k, v) -> axes.add(new MeshDecl.Axis(k, v)));
        Object[] spec = new Object[sharding.size()];
        for (int d = 0; d < spec.length; d++) {
          spec[d] = sharding.get(d);
        }
        new NamedSharding(Mesh.of(new MeshDecl("mesh", axes)), PartitionSpec.of(spec)).shardShape(shape);
      } catch (IllegalArgumentException e) {
        throw error(at + ".sharding", "is invalid: " + e.getMessage());
      }
      return new Tensor(name, dtype, shape, sharding, aliased);
    }

    private Map<String, Long> mesh(JsonElement e, String at) throws IOException {
      if (!e.isJsonObject()) {
        throw error(at, "must be an object of axis sizes like {\"x\": 2}, got " + abbreviate(e));
      }
      Map<String, Long> mesh = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> axis : e.getAsJsonObject().entrySet()) {
        String where = at + "." + axis.getKey();
        if (axis.getKey().isEmpty()) {
          throw error(at, "has an axis with an empty name");
        }
        mesh.put(axis.getKey(), (long) positiveInt(axis.getValue(), where));
      }
      if (mesh.isEmpty()) {
        throw error(at, "must have at least one axis (or be absent)");
      }
      return mesh;
    }

    private List<List<String>> sharding(JsonObject t, String at, Map<String, Long> mesh, int rank)
        throws IOException {
      JsonArray dims = array(t, "sharding", at + ".sharding");
      if (dims.size() != rank) {
        throw error(at + ".sharding", "must have one entry per dimension of the shape (" + rank + "), got "
            + dims.size());
      }
      Set<String> used = new HashSet<>();
      List<List<String>> out = new ArrayList<>();
      for (int d = 0; d < dims.size(); d++) {
        String where = at + ".sharding[" + d + "]";
        if (!dims.get(d).isJsonArray()) {
          throw error(where, "must be an array of mesh axis names, got " + abbreviate(dims.get(d)));
        }
        List<String> axes = new ArrayList<>();
        for (JsonElement a : dims.get(d).getAsJsonArray()) {
          if (!a.isJsonPrimitive() || !a.getAsJsonPrimitive().isString()) {
            throw error(where, "must hold mesh axis names, got " + abbreviate(a));
          }
          String axis = a.getAsString();
          if (!mesh.containsKey(axis)) {
            throw error(where, "uses axis '" + axis + "', which is not in the mesh " + mesh);
          }
          if (!used.add(axis)) {
            throw error(where, "uses axis '" + axis + "' a second time");
          }
          axes.add(axis);
        }
        out.add(axes);
      }
      return out;
    }

    private JsonElement required(JsonObject o, String key, String at) throws IOException {
      JsonElement e = o.get(key);
      if (e == null) {
        throw error(at, "is missing");
      }
      if (e.isJsonNull()) {
        throw error(at, "is null");
      }
      return e;
    }

    private String string(JsonObject o, String key) throws IOException {
      return string(o, key, key);
    }

    private String string(JsonObject o, String key, String at) throws IOException {
      String s = stringOrEmpty(o, key, at);
      if (s.isEmpty()) {
        throw error(at, "is empty");
      }
      return s;
    }

    private String stringOrEmpty(JsonObject o, String key, String at) throws IOException {
      JsonElement e = required(o, key, at);
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
        throw error(at, "must be a string, got " + abbreviate(e));
      }
      return e.getAsString();
    }

    private JsonArray array(JsonObject o, String key, String at) throws IOException {
      JsonElement e = required(o, key, at);
      if (!e.isJsonArray()) {
        throw error(at, "must be an array, got " + abbreviate(e));
      }
      return e.getAsJsonArray();
    }

    private int positiveInt(JsonObject o, String key) throws IOException {
      return positiveInt(required(o, key, key), key);
    }

    private int positiveInt(JsonElement e, String at) throws IOException {
      long n = wholeNumber(e, at);
      if (n < 1) {
        throw error(at, "must be >= 1, got " + n);
      }
      if (n > Integer.MAX_VALUE) {
        throw error(at, "must be at most " + Integer.MAX_VALUE + ", got " + n);
      }
      return (int) n;
    }

    private long wholeNumber(JsonElement e, String at) throws IOException {
      if (e.isJsonNull()) {
        throw error(at, "is null");
      }
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
        throw error(at, "must be a whole number, got " + abbreviate(e));
      }
      try {
        return new BigDecimal(e.getAsString()).longValueExact();
      } catch (ArithmeticException | NumberFormatException x) {
        throw error(at, "must be a whole number, got " + e.getAsString());
      }
    }

    private IOException error(String field, String problem) {
      return new IOException(file + ": field '" + field + "' " + problem);
    }

    /** Gson's message without its exception class name and advice to programmers. */
    private static String jsonProblem(Exception e) {
      Throwable t = e instanceof JsonParseException && e.getCause() != null ? e.getCause() : e;
      String m = String.valueOf(t.getMessage()).lines().findFirst().orElse("");
      return m.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON ", "syntax error ");
    }

    private static String abbreviate(JsonElement e) {
      String s = e.toString();
      return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
  }
}
