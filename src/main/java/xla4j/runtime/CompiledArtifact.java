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

/**
 * A compiled program that runs without its source: a directory holding {@value #EXECUTABLE} (the bytes
 * of {@link Executable#serialize()}: the plugin's serialized executable in xla4j's envelope, which
 * {@link Client#deserializeAndLoad} verifies again) and {@value #MANIFEST} (a {@link Manifest}).
 *
 * <p>The manifest, format {@value #FORMAT}, is one JSON object; every field is required unless noted:
 * <pre>
 * format            "xla4j-artifact/2"
 * program           the executable's name (non-empty)
 * inputs, outputs   arrays of tensors, each {"dtype": "f32", "shape": [4, 3]} (dims &gt;= 0), optionally
 *                   with "mesh": {"x": 2, "y": 2} (axis sizes &gt;= 1) and "sharding": [["x"], []] (per
 *                   dimension its mesh axes, major first; both or neither)
 * numPartitions     &gt;= 1
 * numReplicas       &gt;= 1
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
 * the manifest. Format {@code xla4j-artifact/1} (no
 * checksum) is refused with a request to recompile.
 */
public final class CompiledArtifact {
  public static final String EXECUTABLE = "executable.bin";
  public static final String MANIFEST = "manifest.json";
  public static final String FORMAT = "xla4j-artifact/2";
  private static final String FORMAT_1 = "xla4j-artifact/1";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
  private static final Pattern API_VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]*");

  /** One input or output: element type, global shape, and optional Shardy sharding. */
  public record Tensor(String dtype, long[] shape, Map<String, Integer> mesh, List<List<String>> sharding) {
    TensorSpec spec() {
      return TensorSpec.of(DType.fromXlaName(dtype), shape);
    }

    Sharding toSharding() {
      return mesh == null ? null : Sharding.of(mesh, sharding);
    }

    static Tensor of(TensorSpec spec, Sharding s) {
      return new Tensor(spec.dtype().xlaName(), spec.dims(), s == null ? null : s.mesh(), s == null ? null : s.dims());
    }
  }

  /** The JSON manifest (see the class comment for its fields). */
  public record Manifest(String format, String program, List<Tensor> inputs, List<Tensor> outputs, int numPartitions,
      int numReplicas, String platform, String platformVersion, String pjrtApiVersion, String topology,
      String fingerprint, String executableSha256) {}

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
   * @param mlir the StableHLO source (for the signature and shardings)
   * @param pjrtApiVersion the plugin's PJRT C API version, "major.minor"
   * @param topology the topology name for a deviceless compile, or null
   */
  public static CompiledArtifact of(Executable exe, String mlir, String platform, String platformVersion,
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
    byte[] bytes = exe.serialize();
    String program = exe.name().isEmpty() ? "main" : exe.name();
    Manifest m = new Manifest(FORMAT, program, in, out, exe.numPartitions(), exe.numReplicas(), platform,
        platformVersion, pjrtApiVersion, topology, fingerprintOf(exe), sha256(bytes));
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
    LoadedExecutable exe = client.deserializeAndLoad(executable, signature());
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
    for (int o = 0; o < got.size(); o++) {
      Tensor t = manifest.outputs().get(o);
      Sharding s = t.toSharding();
      TensorSpec want = s == null ? t.spec() : TensorSpec.of(t.spec().dtype(), s.shardShape(t.shape()));
      if (!want.equals(got.get(o))) {
        throw new IllegalStateException(name + ": " + MANIFEST + " outputs[" + o + "] is " + t.spec()
            + (s == null ? "" : " sharded " + s) + ", " + want + " per device; the loaded " + EXECUTABLE + " gives "
            + got.get(o) + " per device");
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
      if (format.equals(FORMAT_1)) {
        throw error("format", "is " + FORMAT_1 + ", which has no executableSha256 to check " + EXECUTABLE
            + " against; recompile the artifact (xla4j compile-mlir) to get " + FORMAT);
      }
      if (!format.equals(FORMAT)) {
        throw error("format", "must be " + FORMAT + ", got '" + format + "'");
      }
      String program = string(root, "program");
      List<Tensor> inputs = tensors("inputs");
      List<Tensor> outputs = tensors("outputs");
      int numPartitions = positiveInt(root, "numPartitions");
      int numReplicas = positiveInt(root, "numReplicas");
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
      return new Manifest(format, program, inputs, outputs, numPartitions, numReplicas, platform, platformVersion,
          apiVersion, topology, fingerprint, sha);
    }

    private List<Tensor> tensors(String field) throws IOException {
      JsonArray array = array(root, field, field);
      List<Tensor> out = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        String at = field + "[" + i + "]";
        if (!array.get(i).isJsonObject()) {
          throw error(at, "must be an object {\"dtype\": ..., \"shape\": [...]}, got " + abbreviate(array.get(i)));
        }
        out.add(tensor(array.get(i).getAsJsonObject(), at));
      }
      return out;
    }

    private Tensor tensor(JsonObject t, String at) throws IOException {
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
      boolean hasMesh = t.has("mesh") && !t.get("mesh").isJsonNull();
      boolean hasSharding = t.has("sharding") && !t.get("sharding").isJsonNull();
      if (hasMesh != hasSharding) {
        throw error(at + (hasMesh ? ".sharding" : ".mesh"), "is missing (" + at + " has "
            + (hasMesh ? "a mesh" : "a sharding") + "; give both or neither)");
      }
      if (!hasMesh) {
        return new Tensor(dtype, shape, null, null);
      }
      Map<String, Integer> mesh = mesh(t.get("mesh"), at + ".mesh");
      List<List<String>> sharding = sharding(t, at, mesh, shape.length);
      try {
        Sharding.of(mesh, sharding).shardShape(shape);
      } catch (IllegalArgumentException e) {
        throw error(at + ".sharding", "is invalid: " + e.getMessage());
      }
      return new Tensor(dtype, shape, mesh, sharding);
    }

    private Map<String, Integer> mesh(JsonElement e, String at) throws IOException {
      if (!e.isJsonObject()) {
        throw error(at, "must be an object of axis sizes like {\"x\": 2}, got " + abbreviate(e));
      }
      Map<String, Integer> mesh = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> axis : e.getAsJsonObject().entrySet()) {
        String where = at + "." + axis.getKey();
        if (axis.getKey().isEmpty()) {
          throw error(at, "has an axis with an empty name");
        }
        mesh.put(axis.getKey(), positiveInt(axis.getValue(), where));
      }
      return mesh;
    }

    private List<List<String>> sharding(JsonObject t, String at, Map<String, Integer> mesh, int rank)
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
