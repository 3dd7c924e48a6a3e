package xla4j.pjrt;

import static xla4j.pjrt.capi.global.PjrtC.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
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
 *
 * <p>{@link #cpu()} and {@link #tpu()} find their files in one order: system property, environment
 * variable, the per-user runtime folder {@link #runtimeFolder()} that {@code tools/install-runtime}
 * fills, then the development build of the checkout the classes were loaded from. Native log lines of
 * the plugins are kept off stderr unless {@value #VERBOSE_PROPERTY} (or {@value #VERBOSE_ENV}) is set.
 * Thread-safe: plugins are loaded one at a time and shared.
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
  /**
   * System property: {@code true} shows the native libraries' own log lines (XLA, TensorFlow, absl,
   * oneDNN, libtpu), which are kept off stderr by default. Read when a plugin is loaded.
   */
  public static final String VERBOSE_PROPERTY = "xla4j.verbose";
  /** Environment variable with the meaning of {@link #VERBOSE_PROPERTY} ({@code 1} or {@code true}). */
  public static final String VERBOSE_ENV = "XLA4J_VERBOSE";

  private static final Map<Path, PjrtPlugin> LOADED = new ConcurrentHashMap<>();
  // One plugin is opened at a time: loading redirects the process's stderr for a moment.
  private static final Object OPENING = new Object();

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
    PjrtPlugin loaded = LOADED.get(key);
    if (loaded != null) {
      return loaded;
    }
    synchronized (OPENING) {
      return LOADED.computeIfAbsent(key, PjrtPlugin::open);
    }
  }

  /**
   * Our XLA:CPU plugin ({@code libxla4j_pjrt_cpu.so}, with TensorFlow's two libraries beside it), found
   * (in this order) through system property {@value #CPU_PROPERTY}, environment variable
   * {@value #CPU_ENV}, the per-user {@link #runtimeFolder()}, or the development build of the checkout
   * these classes come from.
   *
   * @throws IllegalStateException if none is found: the message lists the places and what to run
   */
  public static PjrtPlugin cpu() {
    return load(RuntimeLocator.locate(RuntimeLocator.Kind.CPU));
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
    Path file = RuntimeLocator.locate(RuntimeLocator.Kind.TPU);
    if (!onTpuHost) {
      skipTpuMetadataQuery();
    }
    return load(file);
  }

  /** The file {@link #cpu()} would load, or null when there is none. */
  public static Path cpuPath() {
    return RuntimeLocator.find(RuntimeLocator.Kind.CPU).orElse(null);
  }

  /** The file {@link #tpu()} would load, or null when there is none. */
  public static Path tpuPath() {
    return RuntimeLocator.find(RuntimeLocator.Kind.TPU).orElse(null);
  }

  /**
   * The per-user runtime folder, {@code ~/.xla4j/runtime/VERSION}: {@code tools/install-runtime} copies
   * the CPU plugin, its TensorFlow libraries and libtpu there (it may not exist).
   */
  public static Path runtimeFolder() {
    return RuntimeLocator.runtimeFolder();
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
    String[] error = {""};
    NativeLogs.Captured<xla4j.pjrt.capi.PJRT_Api> loaded = NativeLogs.quietly(() -> {
      try (PointerScope scope = new PointerScope()) {
        BytePointer err = new BytePointer(1024);
        err.zero();
        xla4j.pjrt.capi.PJRT_Api api = PjrtC.xla4j_load_plugin(file.toString(), err, err.capacity());
        byte[] message = new byte[(int) err.capacity()];
        err.get(message);
        error[0] = untilNul(message);
        return api;
      }
    });
    xla4j.pjrt.capi.PJRT_Api raw = loaded.result();
    if (raw == null || raw.isNull()) {
      throw new PjrtException("loading PJRT plugin " + file, PjrtException.Code.NOT_FOUND,
          error[0] + withOutput(loaded.output()));
    }
    int major = raw.pjrt_api_version().major_version();
    int minor = raw.pjrt_api_version().minor_version();
    checkVersion(file, major, minor, PJRT_API_MAJOR, PJRT_API_MINOR);
    Api api = new Api(raw);
    PjrtPlugin plugin = new PjrtPlugin(file, api, major, minor);
    if (!api.missing().isEmpty()) {
      LOG.info("PJRT plugin {} (C API {}) lacks {}; xla4j calls needing them fail with UNIMPLEMENTED",
          file, plugin.version(), api.missing());
    }
    if (api.PJRT_Plugin_Initialize != null) {
      // libtpu prints its host-detection messages here, before its log levels apply
      NativeLogs.Captured<xla4j.pjrt.capi.PJRT_Error> init = NativeLogs.quietly(() -> {
        try (PointerScope scope = new PointerScope()) {
          PJRT_Plugin_Initialize_Args args = new PJRT_Plugin_Initialize_Args();
          args.struct_size(PJRT_Plugin_Initialize_Args_STRUCT_SIZE());
          return api.PJRT_Plugin_Initialize.call(args);
        }
      });
      try {
        CApi.check(api, init.result(), "PJRT_Plugin_Initialize of " + file);
      } catch (PjrtException e) {
        if (init.output().isEmpty()) {
          throw e;
        }
        throw new PjrtException("PJRT_Plugin_Initialize of " + file, e.code(), e.pjrtMessage() + withOutput(init.output()));
      }
    }
    return plugin;
  }

  private static String withOutput(String nativeOutput) {
    return nativeOutput.isEmpty() ? "" : "; the plugin printed:\n" + nativeOutput;
  }

  private static final org.slf4j.Logger LOG = NativeResource.LOG;

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

  /** The PJRT C API major version the plugin implements. */
  public int majorVersion() {
    return majorVersion;
  }

  /** The PJRT C API minor version the plugin implements. */
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
