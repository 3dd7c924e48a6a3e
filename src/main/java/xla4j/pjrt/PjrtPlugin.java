package xla4j.pjrt;

import static xla4j.pjrt.capi.global.PjrtC.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import xla4j.pjrt.capi.PJRT_Client_Create_Args;
import xla4j.pjrt.capi.PJRT_Plugin_Attributes_Args;
import xla4j.pjrt.capi.PJRT_Plugin_Initialize_Args;
import xla4j.pjrt.capi.PJRT_TopologyDescription_Create_Args;
import xla4j.pjrt.capi.global.PjrtC;

/**
 * A loaded PJRT plugin: a shared library exporting {@code GetPjrtApi}. Loaded once per path for the
 * life of the process (PJRT plugins are never unloaded); {@link #load} returns the same instance for
 * the same file.
 *
 * <pre>{@code
 * try (Client client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 4L))) { ... }
 * try (Topology t = PjrtPlugin.tpu().topology("v5e:2x2")) { Executable e = t.compile(mlir, options); }
 * }</pre>
 */
public final class PjrtPlugin {
  /** System property naming our XLA:CPU plugin's .so (overrides the environment and the build location). */
  public static final String CPU_PROPERTY = "xla4j.pjrt.cpu";
  /** Environment variable naming our XLA:CPU plugin's .so. */
  public static final String CPU_ENV = "XLA4J_PJRT_CPU";
  /** System property naming libtpu.so. */
  public static final String TPU_PROPERTY = "xla4j.pjrt.tpu";
  /** Environment variable naming libtpu.so. */
  public static final String TPU_ENV = "XLA4J_PJRT_TPU";
  /** Set to true when running on a real TPU host: libtpu may then query the metadata server. */
  public static final String TPU_HOST_PROPERTY = "xla4j.tpu.host";

  private static final Map<Path, PjrtPlugin> LOADED = new ConcurrentHashMap<>();

  static {
    // The JNI library of the generated bindings (and JavaCPP's own natives) before any Pointer is made.
    org.bytedeco.javacpp.Loader.load(PjrtC.class);
  }

  private final Path path;
  private final Api api;
  private final int majorVersion;
  private final int minorVersion;

  private PjrtPlugin(Path path, Api api, int majorVersion, int minorVersion) {
    this.path = path;
    this.api = api;
    this.majorVersion = majorVersion;
    this.minorVersion = minorVersion;
  }

  /**
   * Loads the PJRT plugin at {@code file}, checks its C API version and initializes it.
   *
   * @throws IllegalArgumentException if the file does not exist
   * @throws PjrtException if it is no PJRT plugin, has an incompatible API version or fails to initialize
   */
  public static PjrtPlugin load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("PJRT plugin file not found: " + file.toAbsolutePath());
    }
    Path key;
    try {
      key = file.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot resolve PJRT plugin path " + file + ": " + e.getMessage(), e);
    }
    return LOADED.computeIfAbsent(key, PjrtPlugin::open);
  }

  /**
   * Our XLA:CPU plugin, found (in this order) through system property {@value #CPU_PROPERTY},
   * environment variable {@value #CPU_ENV}, or where this checkout's {@code tools/build-native} puts it.
   */
  public static PjrtPlugin cpu() {
    return load(locate("cpu", CPU_PROPERTY, CPU_ENV, "tools/build-native"));
  }

  /**
   * libtpu, for deviceless ahead-of-time compilation to TPU topologies (and for TPU hosts). Unless
   * system property {@value #TPU_HOST_PROPERTY} is true, sets {@code TPU_SKIP_MDS_QUERY=1} in the
   * process environment before loading, so libtpu does not query a cloud metadata server, and
   * {@code ALLOW_MULTIPLE_LIBTPU_LOAD=1}, so several processes can compile for TPUs at once.
   */
  public static PjrtPlugin tpu() {
    return tpu(Boolean.getBoolean(TPU_HOST_PROPERTY));
  }

  /** As {@link #tpu()}; {@code onTpuHost} true leaves libtpu's metadata-server queries enabled. */
  public static PjrtPlugin tpu(boolean onTpuHost) {
    Path file = locate("tpu", TPU_PROPERTY, TPU_ENV, "tools/fetch-xla");
    if (!onTpuHost) {
      skipTpuMetadataQuery();
    }
    return load(file);
  }

  /** Where {@link #cpu()} would load from (may not exist). */
  public static Path cpuPath() {
    return candidate("cpu", CPU_PROPERTY, CPU_ENV);
  }

  /** Where {@link #tpu()} would load from (may not exist). */
  public static Path tpuPath() {
    return candidate("tpu", TPU_PROPERTY, TPU_ENV);
  }

  private static Path locate(String kind, String property, String env, String builtBy) {
    Path p = candidate(kind, property, env);
    if (p == null || !Files.isRegularFile(p)) {
      throw new IllegalArgumentException("PJRT " + kind + " plugin not found"
          + (p == null ? "" : " at " + p) + ": set system property " + property + " or environment variable "
          + env + " to its .so file, or run " + builtBy + " in the xla4j checkout");
    }
    return p;
  }

  private static Path candidate(String kind, String property, String env) {
    String s = System.getProperty(property);
    if (s == null || s.isEmpty()) {
      s = System.getenv(env);
    }
    if (s == null || s.isEmpty()) {
      s = buildLocations().getProperty(kind);
    }
    return s == null || s.isEmpty() ? null : Paths.get(s);
  }

  private static Properties buildLocations() {
    Properties p = new Properties();
    try (InputStream in = PjrtPlugin.class.getResourceAsStream("build-locations.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read xla4j/pjrt/build-locations.properties", e);
    }
    return p;
  }

  /**
   * Prepares the native process environment (read by libtpu when it loads) for use without a TPU:
   * {@code TPU_SKIP_MDS_QUERY=1} (no cloud metadata-server queries over the network) and
   * {@code ALLOW_MULTIPLE_LIBTPU_LOAD=1} (no exclusive /tmp/libtpu_lockfile, which only guards TPU
   * hardware: several processes may compile deviceless at once).
   */
  static void skipTpuMetadataQuery() {
    PjrtC.xla4j_setenv("TPU_SKIP_MDS_QUERY", "1", 1);
    PjrtC.xla4j_setenv("ALLOW_MULTIPLE_LIBTPU_LOAD", "1", 1);
  }

  private static PjrtPlugin open(Path file) {
    if (file.getFileName().toString().startsWith("libtpu") && !Boolean.getBoolean(TPU_HOST_PROPERTY)) {
      skipTpuMetadataQuery();
    }
    xla4j.pjrt.capi.PJRT_Api raw;
    String error;
    try (PointerScope scope = new PointerScope()) {
      BytePointer err = new BytePointer(1024);
      err.zero();
      raw = PjrtC.xla4j_load_plugin(file.toString(), err, err.capacity());
      byte[] message = new byte[(int) err.capacity()];
      err.get(message);
      error = untilNul(message);
    }
    if (raw == null || raw.isNull()) {
      throw new PjrtException("loading PJRT plugin " + file, PjrtException.Code.NOT_FOUND, error);
    }
    int major = raw.pjrt_api_version().major_version();
    int minor = raw.pjrt_api_version().minor_version();
    checkVersion(file, major, minor, PJRT_API_MAJOR, PJRT_API_MINOR);
    Api api = new Api(raw);
    PjrtPlugin plugin = new PjrtPlugin(file, api, major, minor);
    if (!api.missing().isEmpty()) {
      LOG.log(System.Logger.Level.INFO, "PJRT plugin " + file + " (C API " + plugin.version()
          + ") lacks " + api.missing() + "; xla4j calls needing them fail with UNIMPLEMENTED");
    }
    if (api.PJRT_Plugin_Initialize != null) {
      try (PointerScope scope = new PointerScope()) {
        PJRT_Plugin_Initialize_Args args = new PJRT_Plugin_Initialize_Args();
        args.struct_size(PJRT_Plugin_Initialize_Args_STRUCT_SIZE());
        CApi.check(api, api.PJRT_Plugin_Initialize.call(args), "PJRT_Plugin_Initialize of " + file);
      }
    }
    return plugin;
  }

  private static final System.Logger LOG = NativeResource.LOG;

  /**
   * The C string in {@code buffer}: the bytes before the first NUL, as UTF-8 (BytePointer.getString reads a
   * fixed-size buffer to its end, NUL padding included).
   */
  static String untilNul(byte[] buffer) {
    int n = 0;
    while (n < buffer.length && buffer[n] != 0) {
      n++;
    }
    return new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Rejects a plugin whose PJRT C API major version differs from the header xla4j was built with. */
  static void checkVersion(Path file, int major, int minor, int builtMajor, int builtMinor) {
    if (major != builtMajor) {
      throw new PjrtException("loading PJRT plugin " + file, PjrtException.Code.FAILED_PRECONDITION,
          "plugin implements PJRT C API " + major + "." + minor + ", xla4j was built for " + builtMajor + "."
              + builtMinor + " (major versions must match)");
    }
  }

  Api api() {
    return api;
  }

  /** The plugin file. */
  public Path path() {
    return path;
  }

  /** The PJRT C API version the plugin implements, "major.minor". */
  public String version() {
    return majorVersion + "." + minorVersion;
  }

  public int majorVersion() {
    return majorVersion;
  }

  public int minorVersion() {
    return minorVersion;
  }

  /** The plugin's attributes ({@code PJRT_Plugin_Attributes}), e.g. xla_version, stablehlo versions. */
  public Map<String, Object> attributes() {
    if (api.PJRT_Plugin_Attributes == null) {
      return Collections.emptyMap();
    }
    try (PointerScope scope = new PointerScope()) {
      PJRT_Plugin_Attributes_Args args = new PJRT_Plugin_Attributes_Args();
      args.struct_size(PJRT_Plugin_Attributes_Args_STRUCT_SIZE());
      CApi.check(api, api.PJRT_Plugin_Attributes.call(args), "PJRT_Plugin_Attributes");
      return Collections.unmodifiableMap(CApi.namedValues(args.attributes(), args.num_attributes()));
    }
  }

  /** A client with the plugin's default options. */
  public Client createClient() {
    return createClient(Map.of());
  }

  /**
   * A client with create options (String, Integer/Long, long[], Float/Double or Boolean values), e.g.
   * {@code Map.of("cpu_device_count", 4L)} for our CPU plugin.
   */
  public Client createClient(Map<String, ?> options) {
    try (PointerScope scope = new PointerScope()) {
      PJRT_Client_Create_Args args = new PJRT_Client_Create_Args();
      args.struct_size(PJRT_Client_Create_Args_STRUCT_SIZE());
      if (!options.isEmpty()) {
        args.create_options(CApi.toNamedValues(options)).num_options(options.size());
      }
      CApi.check(api, api.PJRT_Client_Create.call(args), "PJRT_Client_Create (" + path.getFileName() + ")");
      return new Client(this, args.client());
    }
  }

  /**
   * A topology description for ahead-of-time compilation without devices, e.g. {@code "v5e:2x2"} or
   * {@code "v4:2x2x1"} for libtpu.
   */
  public Topology topology(String name) {
    return topology(name, Map.of());
  }

  /** As {@link #topology(String)} with plugin-specific create options. */
  public Topology topology(String name, Map<String, ?> options) {
    api.require(api.PJRT_TopologyDescription_Create, "PJRT_TopologyDescription_Create");
    try (PointerScope scope = new PointerScope()) {
      PJRT_TopologyDescription_Create_Args args = new PJRT_TopologyDescription_Create_Args();
      BytePointer n = CApi.utf8(name);
      args.struct_size(PJRT_TopologyDescription_Create_Args_STRUCT_SIZE())
          .topology_name(n).topology_name_size(CApi.utf8Length(n));
      if (!options.isEmpty()) {
        args.create_options(CApi.toNamedValues(options)).num_options(options.size());
      }
      CApi.check(api, api.PJRT_TopologyDescription_Create.call(args),
          "PJRT_TopologyDescription_Create(\"" + name + "\")");
      return new Topology(this, name, args.topology());
    }
  }

  @Override
  public String toString() {
    return "PjrtPlugin[" + path + ", C API " + version() + "]";
  }
}
