package xla4j.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xla4j.array.NdArray;
import xla4j.pjrt.Client;
import xla4j.pjrt.CompileOptions;
import xla4j.pjrt.Executable;
import xla4j.pjrt.LoadedExecutable;
import xla4j.pjrt.PjrtPlugin;
import xla4j.pjrt.Topology;

class ArtifactTest {
  static String example(String name) throws Exception {
    return Files.readString(Paths.get("hlo/examples", name));
  }

  static void needCpu() {
    Path p = PjrtPlugin.cpuPath();
    Assumptions.assumeTrue(p != null && Files.isRegularFile(p), "xla4j CPU plugin not built at " + p);
  }

  @Test
  void cpuArtifactRoundTripsAndRunsSharded(@TempDir Path dir) throws Exception {
    needCpu();
    String mlir = example("sharded_matmul.mlir");
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    float[] w = {1, 0, 0, 1, 1, 1};
    try (Client client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 2L))) {
      try (LoadedExecutable exe = client.compile(mlir, CompileOptions.spmd(2))) {
        CompiledArtifact.of(exe.executable(), MlirSignature.read(mlir), client.platformName(), client.platformVersion(),
            client.plugin().version(), null).save(dir);
      }
      CompiledArtifact a = CompiledArtifact.load(dir);
      assertEquals("sharded_matmul", a.manifest().program());
      assertEquals(2, a.manifest().numPartitions());
      assertEquals("f32", a.manifest().inputs().get(0).dtype());
      assertEquals(Map.of("x", 2L), a.manifest().mesh());
      assertEquals(List.of(List.of("x"), List.of()), a.manifest().inputs().get(0).sharding());
      List<NdArray> out = a.run(client, List.of(NdArray.of(x, 4, 3), NdArray.of(w, 3, 2)));
      assertArrayEquals(new float[] {4, 5, 10, 11, 16, 17, 22, 23}, out.get(0).toFloatArray());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> a.run(client, List.of(NdArray.of(x, 4, 3))));
      assertEquals("program 'sharded_matmul' requires 2 inputs [arg0, arg1], got 1", e.getMessage());
    }
  }

  @Test
  void artifactRecordsMainsShardingsNotAHelpersAndRunsWithThem(@TempDir Path dir) throws Exception {
    needCpu();
    String mlir = ShardingTest.HELPER_FIRST;
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8};
    try (Client client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 2L))) {
      try (LoadedExecutable exe = client.compile(mlir, CompileOptions.spmd(2))) {
        CompiledArtifact.of(exe.executable(), MlirSignature.read(mlir), client.platformName(), client.platformVersion(),
            client.plugin().version(), null).save(dir);
      }
      CompiledArtifact a = CompiledArtifact.load(dir);
      assertEquals(List.of(List.of()), a.manifest().inputs().get(0).sharding());
      assertEquals(List.of(List.of()), a.manifest().outputs().get(0).sharding());
      assertArrayEquals(x, a.run(client, List.of(NdArray.of(x, 8))).get(0).toFloatArray());
    }
  }

  @Test
  void tpuArtifactIsSavedWithItsManifest(@TempDir Path dir) throws Exception {
    Path p = PjrtPlugin.tpuPath();
    Assumptions.assumeTrue(p != null && Files.isRegularFile(p), "libtpu not found at " + p + " (run tools/fetch-xla)");
    String mlir = example("sharded_matmul.mlir");
    try (Topology t = PjrtPlugin.tpu().topology("v5e:2x2");
         Executable e = t.compile(mlir, CompileOptions.spmd(2))) {
      CompiledArtifact.of(e, MlirSignature.read(mlir), t.platformName(), t.platformVersion(), t.plugin().version(), t.name()).save(dir);
    }
    CompiledArtifact a = CompiledArtifact.load(dir);
    assertEquals("v5e:2x2", a.manifest().topology());
    assertEquals("tpu", a.manifest().platform());
    assertTrue(a.executableBytes().length > 100);
    assertTrue(Files.readString(dir.resolve(CompiledArtifact.MANIFEST)).contains("\"topology\": \"v5e:2x2\""));
  }

  // ---- manifest.json and executable.bin checks on load(dir): plain Java, no plugin needed ----

  static final byte[] BYTES = "stands in for a serialized executable".getBytes(StandardCharsets.UTF_8);

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** A well-formed manifest for {@link #BYTES}: one input sharded over a mesh of 2, one plain output. */
  static JsonObject manifest() throws Exception {
    JsonObject m = new JsonObject();
    m.addProperty("format", CompiledArtifact.FORMAT);
    m.addProperty("program", "add");
    m.add("mesh", JsonParser.parseString("{\"x\": 2}"));
    m.add("inputs", JsonParser.parseString("[{\"name\": \"x\", \"dtype\": \"f32\", \"shape\": [4], \"sharding\": [[\"x\"]]}]"));
    m.add("outputs", JsonParser.parseString("[{\"name\": \"out\", \"dtype\": \"f32\", \"shape\": [4]}]"));
    m.addProperty("numPartitions", 2);
    m.addProperty("numReplicas", 1);
    m.addProperty("platform", "cpu");
    m.addProperty("platformVersion", "XLA:CPU for a test");
    m.addProperty("pjrtApiVersion", "0.90");
    m.addProperty("fingerprint", "");
    m.addProperty("executableSha256", sha256(BYTES));
    return m;
  }

  static void write(Path dir, String manifest) throws IOException {
    Files.write(dir.resolve(CompiledArtifact.EXECUTABLE), BYTES);
    Files.writeString(dir.resolve(CompiledArtifact.MANIFEST), manifest);
  }

  /** Writes the artifact and returns load(dir)'s IOException message. */
  static String loadError(Path dir, String manifest) throws IOException {
    write(dir, manifest);
    return assertThrows(IOException.class, () -> CompiledArtifact.load(dir)).getMessage();
  }

  static String field(Path dir, String problem) {
    return dir.resolve(CompiledArtifact.MANIFEST) + ": field " + problem;
  }

  @Test
  void wellFormedManifestLoads(@TempDir Path dir) throws Exception {
    write(dir, manifest().toString());
    CompiledArtifact a = CompiledArtifact.load(dir);
    assertEquals("add", a.manifest().program());
    assertEquals(Map.of("x", 2L), a.manifest().mesh());
    assertEquals(List.of(List.of("x")), a.manifest().inputs().get(0).sharding());
    assertEquals("x", a.manifest().inputs().get(0).name());
    assertNull(a.manifest().outputs().get(0).sharding());
    assertEquals(a.signature().parameters().get(0).specOrReplicated(), xla4j.dsl.PartitionSpec.of("x"));
    assertNull(a.manifest().topology());
    assertArrayEquals(BYTES, a.executableBytes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"format", "program", "inputs", "outputs", "numPartitions", "numReplicas", "platform",
      "platformVersion", "pjrtApiVersion", "fingerprint", "executableSha256"})
  void missingFieldIsNamed(String name, @TempDir Path dir) throws Exception {
    JsonObject m = manifest();
    m.remove(name);
    assertEquals(field(dir, "'" + name + "' is missing"), loadError(dir, m.toString()));
    m.add(name, JsonNull.INSTANCE);
    assertEquals(field(dir, "'" + name + "' is null"), loadError(dir, m.toString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"format", "program", "platform", "platformVersion", "pjrtApiVersion", "executableSha256"})
  void emptyStringFieldIsNamed(String name, @TempDir Path dir) throws Exception {
    JsonObject m = manifest();
    m.addProperty(name, "");
    assertEquals(field(dir, "'" + name + "' is empty"), loadError(dir, m.toString()));
  }

  @Test
  void manifestWithOnlyFormatAndPlatformNamesTheFirstMissingField(@TempDir Path dir) throws Exception {
    String m = "{\"format\":\"" + CompiledArtifact.FORMAT + "\",\"platform\":\"cpu\"}";
    assertEquals(field(dir, "'program' is missing"), loadError(dir, m));
  }

  @Test
  void invalidJsonIsAnIOExceptionNamingTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(CompiledArtifact.MANIFEST);
    write(dir, "{\"format\":\"" + CompiledArtifact.FORMAT + "\",,");
    IOException e = assertThrows(IOException.class, () -> CompiledArtifact.load(dir));
    assertEquals(file + " is not valid JSON: syntax error at line 1 column 31 path $.format", e.getMessage());
    assertInstanceOf(JsonSyntaxException.class, e.getCause());
    assertEquals(file + " is not valid JSON: End of input at line 1 column 13 path $.format",
        loadError(dir, "{\"format\": 1"));
    assertEquals(file + " is not valid JSON: syntax error at line 1 column 5 path $", loadError(dir, "{} {}"));
    assertEquals(file + " is not valid JSON: syntax error at line 1 column 3 path $.",
        loadError(dir, "{'format': 'xla4j-artifact/2'}"));
  }

  @Test
  void manifestMustBeAJsonObject(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(CompiledArtifact.MANIFEST);
    assertEquals(file + " is empty", loadError(dir, " \n"));
    assertEquals(file + " must hold a JSON object, got [1,2]", loadError(dir, "[1, 2]"));
    assertEquals(file + " must hold a JSON object, got null", loadError(dir, "null"));
    Files.write(dir.resolve(CompiledArtifact.MANIFEST), new byte[] {'{', (byte) 0xff, '}'});
    assertEquals(file + " is not UTF-8 text", assertThrows(IOException.class, () -> CompiledArtifact.load(dir)).getMessage());
  }

  @Test
  void formatIsChecked(@TempDir Path dir) throws Exception {
    JsonObject m = manifest();
    m.addProperty("format", "xla4j-artifact/1");
    assertEquals(field(dir, "'format' is xla4j-artifact/1, which has no executableSha256 to check executable.bin "
        + "against; recompile the artifact (xla4j compile-mlir) to get xla4j-artifact/3"), loadError(dir, m.toString()));
    m.addProperty("format", "xla4j-artifact/2");
    assertEquals(field(dir, "'format' is xla4j-artifact/2, which has no input and output names; recompile the "
        + "artifact (xla4j compile-mlir or compile) to get xla4j-artifact/3"), loadError(dir, m.toString()));
    m.addProperty("format", "onnx");
    assertEquals(field(dir, "'format' must be xla4j-artifact/3, got 'onnx'"), loadError(dir, m.toString()));
    m.addProperty("format", 2);
    assertEquals(field(dir, "'format' must be a string, got 2"), loadError(dir, m.toString()));
  }

  /** {@link #manifest()} with inputs[0] replaced. */
  static String withInput(String tensor) throws Exception {
    JsonObject m = manifest();
    if (tensor.startsWith("{") && !tensor.contains("\"name\"")) {
      tensor = "{\"name\": \"x\", " + tensor.substring(1);
    }
    m.add("inputs", JsonParser.parseString("[" + tensor + "]"));
    return m.toString();
  }

  @Test
  void tensorShapesAreChecked(@TempDir Path dir) throws Exception {
    assertEquals(field(dir, "'inputs[0].shape[1]' must be >= 0, got -4"),
        loadError(dir, withInput("{\"dtype\": \"f32\", \"shape\": [2, -4]}")));
    assertEquals(field(dir, "'inputs[0].shape[0]' must be a whole number, got 2.5"),
        loadError(dir, withInput("{\"dtype\": \"f32\", \"shape\": [2.5]}")));
    assertEquals(field(dir, "'inputs[0].shape[0]' must be a whole number, got \"4\""),
        loadError(dir, withInput("{\"dtype\": \"f32\", \"shape\": [\"4\"]}")));
    assertEquals(field(dir, "'inputs[0].shape' is missing"), loadError(dir, withInput("{\"dtype\": \"f32\"}")));
    assertEquals(field(dir, "'inputs[0].shape' must be an array, got 4"),
        loadError(dir, withInput("{\"dtype\": \"f32\", \"shape\": 4}")));
    assertEquals(field(dir, "'inputs[0].dtype' is missing"), loadError(dir, withInput("{\"shape\": [4]}")));
    assertTrue(loadError(dir, withInput("{\"dtype\": \"f33\", \"shape\": [4]}"))
        .startsWith(field(dir, "'inputs[0].dtype' is invalid: unknown dtype 'f33', expected one of [")));
    assertEquals(field(dir, "'inputs[0]' must be an object {\"name\": ..., \"dtype\": ..., \"shape\": [...]}, got null"),
        loadError(dir, withInput("null")));
  }

  /** {@link #manifest()} with the mesh replaced (null removes it) and inputs[0] replaced. */
  static String withMesh(String mesh, String tensor) throws Exception {
    JsonObject m = JsonParser.parseString(withInput(tensor)).getAsJsonObject();
    if (mesh == null) {
      m.remove("mesh");
    } else {
      m.add("mesh", JsonParser.parseString(mesh));
    }
    return m.toString();
  }

  @Test
  void meshesAndShardingsAreChecked(@TempDir Path dir) throws Exception {
    String sharded = "{\"dtype\": \"f32\", \"shape\": [4], \"sharding\": [[\"x\"]]}";
    assertEquals(field(dir, "'mesh.x' must be >= 1, got 0"), loadError(dir, withMesh("{\"x\": 0}", sharded)));
    assertEquals(field(dir, "'mesh.x' must be >= 1, got -2"), loadError(dir, withMesh("{\"x\": -2}", sharded)));
    assertEquals(field(dir, "'mesh' must have at least one axis (or be absent)"), loadError(dir, withMesh("{}", sharded)));
    assertEquals(field(dir, "'inputs[0].sharding' needs the manifest's mesh, which is missing"),
        loadError(dir, withMesh(null, sharded)));
    assertEquals(field(dir, "'inputs[0].sharding[0]' uses axis 'y', which is not in the mesh {x=2}"),
        loadError(dir, withInput("{\"dtype\": \"f32\", \"shape\": [4], \"sharding\": [[\"y\"]]}")));
    assertEquals(field(dir, "'inputs[0].sharding[1]' uses axis 'x' a second time"),
        loadError(dir, withInput("{\"dtype\": \"f32\", \"shape\": [4, 4], \"sharding\": [[\"x\"], [\"x\"]]}")));
    assertEquals(field(dir, "'inputs[0].sharding' must have one entry per dimension of the shape (1), got 2"),
        loadError(dir, withInput("{\"dtype\": \"f32\", \"shape\": [4], \"sharding\": [[\"x\"], []]}")));
    assertEquals(field(dir, "'inputs[0].sharding' is invalid: sharding NamedSharding(mesh=x=2, spec=PartitionSpec('x')) "
        + "requires dimension 0 of [3] to be divisible by 2, got 3"),
        loadError(dir, withInput("{\"dtype\": \"f32\", \"shape\": [3], \"sharding\": [[\"x\"]]}")));
    assertEquals(field(dir, "'numPartitions' must be the mesh's size {x=2}, got 4"),
        loadError(dir, manifest().toString().replace("\"numPartitions\":2", "\"numPartitions\":4")));
    assertEquals(field(dir, "'inputs[1].name' must be unique among the inputs, got 'x' twice"),
        loadError(dir, withInput("{\"name\": \"x\", " + sharded.substring(1) + ", {\"name\": \"x\", \"dtype\": \"f32\", "
            + "\"shape\": [4]}")));
    assertEquals(dir.resolve(CompiledArtifact.MANIFEST) + ": the signature is inconsistent: parameter 'x' is donated "
        + "to result 'nope', which the program does not have",
        loadError(dir, withInput("{\"dtype\": \"f32\", \"shape\": [4], \"aliasedOutput\": \"nope\"}")));
  }

  @Test
  void countsAndVersionsAreChecked(@TempDir Path dir) throws Exception {
    JsonObject m = manifest();
    m.addProperty("numPartitions", 0);
    assertEquals(field(dir, "'numPartitions' must be >= 1, got 0"), loadError(dir, m.toString()));
    m = manifest();
    m.addProperty("numReplicas", 1L << 40);
    assertEquals(field(dir, "'numReplicas' must be at most 2147483647, got 1099511627776"), loadError(dir, m.toString()));
    m = manifest();
    m.addProperty("pjrtApiVersion", "v0");
    assertEquals(field(dir, "'pjrtApiVersion' must be \"major.minor\", got 'v0'"), loadError(dir, m.toString()));
    m = manifest(); // found by fuzzing: a major version beyond an int escaped load(client) as a NumberFormatException
    m.addProperty("pjrtApiVersion", "4294967296.0");
    assertEquals(field(dir, "'pjrtApiVersion' must be \"major.minor\", got '4294967296.0'"),
        loadError(dir, m.toString()));
    m = manifest();
    m.addProperty("fingerprint", "ABC");
    assertEquals(field(dir, "'fingerprint' must be lower-case hex, got 'ABC'"), loadError(dir, m.toString()));
    m = manifest();
    m.addProperty("executableSha256", "1234");
    assertEquals(field(dir, "'executableSha256' must be 64 lower-case hex digits, got '1234'"), loadError(dir, m.toString()));
  }

  @Test
  void executableThatDoesNotMatchItsChecksumIsRefused(@TempDir Path dir) throws Exception {
    write(dir, manifest().toString());
    byte[] other = BYTES.clone();
    other[5] ^= 0x5a;
    Files.write(dir.resolve(CompiledArtifact.EXECUTABLE), other);
    IOException e = assertThrows(IOException.class, () -> CompiledArtifact.load(dir));
    assertEquals(dir.resolve(CompiledArtifact.EXECUTABLE) + " is damaged or not this artifact's: its SHA-256 is "
        + sha256(other) + ", manifest.json executableSha256 is " + sha256(BYTES), e.getMessage());
  }

  // ---- checks against the plugin: a tampered artifact never reaches it, a mismatched one is named ----

  static final String ADD = "module @add { func.func public @main(%arg0: tensor<4xf32>) -> tensor<4xf32> {\n"
      + "  %0 = stablehlo.add %arg0, %arg0 : tensor<4xf32>\n  return %0 : tensor<4xf32>\n} }";

  static void saveAdd(Client client, Path dir) throws Exception {
    try (LoadedExecutable exe = client.compile(ADD, CompileOptions.singleDevice())) {
      CompiledArtifact.of(exe.executable(), MlirSignature.read(ADD), client.platformName(), client.platformVersion(),
          client.plugin().version(), null).save(dir);
    }
  }

  static JsonObject readManifest(Path dir) throws IOException {
    return JsonParser.parseString(Files.readString(dir.resolve(CompiledArtifact.MANIFEST))).getAsJsonObject();
  }

  static final List<NdArray> ADD_INPUT = List.of(NdArray.of(new float[] {1, 2, 3, 4}, 4));

  @Test
  void savedManifestRecordsTheExecutablesChecksumAndRuns(@TempDir Path dir) throws Exception {
    needCpu();
    try (Client client = PjrtPlugin.cpu().createClient()) {
      saveAdd(client, dir);
      JsonObject m = readManifest(dir);
      assertEquals(CompiledArtifact.FORMAT, m.get("format").getAsString());
      assertEquals(sha256(Files.readAllBytes(dir.resolve(CompiledArtifact.EXECUTABLE))), m.get("executableSha256").getAsString());
      assertArrayEquals(new float[] {2, 4, 6, 8}, CompiledArtifact.load(dir).run(client, ADD_INPUT).get(0).toFloatArray());
    }
  }

  /** The reviewer's crash: 64 bytes XORed in the middle of executable.bin crashed the JVM inside XLA:CPU. */
  @Test
  void tamperedExecutableIsRefusedBeforeItReachesThePlugin(@TempDir Path dir) throws Exception {
    needCpu();
    try (Client client = PjrtPlugin.cpu().createClient()) {
      saveAdd(client, dir);
      Path bin = dir.resolve(CompiledArtifact.EXECUTABLE);
      byte[] b = Files.readAllBytes(bin);
      String recorded = sha256(b);
      for (int i = b.length / 2; i < b.length / 2 + 64 && i < b.length; i++) {
        b[i] ^= 0x5a;
      }
      Files.write(bin, b);
      IOException e = assertThrows(IOException.class, () -> CompiledArtifact.load(dir));
      assertEquals(bin + " is damaged or not this artifact's: its SHA-256 is " + sha256(b)
          + ", manifest.json executableSha256 is " + recorded, e.getMessage());
      Files.write(bin, java.util.Arrays.copyOf(b, b.length / 2));
      assertTrue(assertThrows(IOException.class, () -> CompiledArtifact.load(dir)).getMessage()
          .startsWith(bin + " is damaged or not this artifact's"));
    }
  }

  @Test
  void otherPlatformVersionIsRefused(@TempDir Path dir) throws Exception {
    needCpu();
    try (Client client = PjrtPlugin.cpu().createClient()) {
      saveAdd(client, dir);
      JsonObject m = readManifest(dir);
      m.addProperty("platformVersion", "0.0.1-other");
      Files.writeString(dir.resolve(CompiledArtifact.MANIFEST), m.toString());
      CompiledArtifact a = CompiledArtifact.load(dir);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.run(client, ADD_INPUT));
      assertEquals("artifact add (" + dir + ") was compiled for cpu platform version '0.0.1-other', got a client of "
          + "version '" + client.platformVersion() + "' (recompile it with this plugin)", e.getMessage());
    }
  }

  @Test
  void otherPjrtApiMajorVersionIsRefusedAndOtherMinorIsNot(@TempDir Path dir) throws Exception {
    needCpu();
    try (Client client = PjrtPlugin.cpu().createClient()) {
      saveAdd(client, dir);
      JsonObject m = readManifest(dir);
      int major = client.plugin().majorVersion();
      m.addProperty("pjrtApiVersion", (major + 1) + ".0");
      Files.writeString(dir.resolve(CompiledArtifact.MANIFEST), m.toString());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> CompiledArtifact.load(dir).run(client, ADD_INPUT));
      assertEquals("artifact add (" + dir + ") was compiled with PJRT C API " + (major + 1) + ".0, got a plugin "
          + "with PJRT C API " + client.plugin().version() + " (major versions differ)", e.getMessage());
      m.addProperty("pjrtApiVersion", major + "." + (client.plugin().minorVersion() + 1));
      Files.writeString(dir.resolve(CompiledArtifact.MANIFEST), m.toString());
      assertArrayEquals(new float[] {2, 4, 6, 8}, CompiledArtifact.load(dir).run(client, ADD_INPUT).get(0).toFloatArray());
    }
  }

  @Test
  void fingerprintThatIsNotTheExecutablesIsRefused(@TempDir Path dir) throws Exception {
    needCpu();
    try (Client client = PjrtPlugin.cpu().createClient()) {
      saveAdd(client, dir);
      JsonObject m = readManifest(dir);
      String real = m.get("fingerprint").getAsString();
      assertFalse(real.isEmpty(), "the xla4j CPU plugin fingerprints executables");
      String other = "0".repeat(real.length());
      m.addProperty("fingerprint", other);
      Files.writeString(dir.resolve(CompiledArtifact.MANIFEST), m.toString());
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> CompiledArtifact.load(dir).load(client));
      assertEquals("artifact add (" + dir + "): the loaded executable.bin has fingerprint " + real
          + ", manifest.json fingerprint is " + other, e.getMessage());
      m.addProperty("fingerprint", "");
      Files.writeString(dir.resolve(CompiledArtifact.MANIFEST), m.toString());
      assertArrayEquals(new float[] {2, 4, 6, 8}, CompiledArtifact.load(dir).run(client, ADD_INPUT).get(0).toFloatArray());
    }
  }

  /** An edited output sharding would reassemble the outputs wrongly; the executable's own output types catch it. */
  @Test
  void manifestOutputsThatAreNotTheExecutablesAreRefused(@TempDir Path dir) throws Exception {
    needCpu();
    String mlir = example("sharded_matmul.mlir");
    try (Client client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 2L))) {
      try (LoadedExecutable exe = client.compile(mlir, CompileOptions.spmd(2))) {
        CompiledArtifact.of(exe.executable(), MlirSignature.read(mlir), client.platformName(), client.platformVersion(),
            client.plugin().version(), null).save(dir);
      }
      JsonObject m = readManifest(dir);
      JsonObject out = m.getAsJsonArray("outputs").get(0).getAsJsonObject();
      assertEquals("[[\"x\"],[]]", out.get("sharding").toString());
      out.add("sharding", JsonParser.parseString("[[], [\"x\"]]"));
      Files.writeString(dir.resolve(CompiledArtifact.MANIFEST), m.toString());
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> CompiledArtifact.load(dir).load(client));
      assertEquals("artifact sharded_matmul (" + dir + "): manifest.json outputs[0] is f32[4,2] sharded "
          + "PartitionSpec(None, 'x'), f32[4,1] per device; the loaded executable.bin gives f32[2,2] per device", e.getMessage());
      out.remove("mesh");
      out.remove("sharding");
      Files.writeString(dir.resolve(CompiledArtifact.MANIFEST), m.toString());
      e = assertThrows(IllegalStateException.class, () -> CompiledArtifact.load(dir).load(client));
      assertEquals("artifact sharded_matmul (" + dir + "): manifest.json outputs[0] is f32[4,2], f32[4,2] per device; "
          + "the loaded executable.bin gives f32[2,2] per device", e.getMessage());
      m.addProperty("numPartitions", 4);
      Files.writeString(dir.resolve(CompiledArtifact.MANIFEST), m.toString());
      IOException io = assertThrows(IOException.class, () -> CompiledArtifact.load(dir));
      assertEquals(field(dir, "'numPartitions' must be the mesh's size {x=2}, got 4"), io.getMessage());
      m.addProperty("numPartitions", 2);
      m.addProperty("numReplicas", 2);
      Files.writeString(dir.resolve(CompiledArtifact.MANIFEST), m.toString());
      e = assertThrows(IllegalStateException.class, () -> CompiledArtifact.load(dir).load(client));
      assertEquals("artifact sharded_matmul (" + dir + "): manifest.json says 2 partition(s) x 2 replica(s), the "
          + "loaded executable.bin has 2 x 1", e.getMessage());
    }
  }
}
