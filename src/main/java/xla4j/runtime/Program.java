package xla4j.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xla4j.array.NdArray;
import xla4j.dsl.Graph;
import xla4j.dsl.NamedSharding;
import xla4j.dsl.Shape;
import xla4j.dsl.Signature;
import xla4j.pjrt.Buffer;
import xla4j.pjrt.Client;
import xla4j.pjrt.CompileOptions;
import xla4j.pjrt.LoadedExecutable;
import xla4j.pjrt.TensorSpec;

/**
 * A compiled program with its {@link Signature} as data, on a {@link DeviceMesh}: {@link #call} binds arguments
 * <em>by name</em> (inputs, and parameters from a {@link ParamStore} shared by several programs), takes and returns
 * device-resident {@link ShardedArray}s, and copies nothing to the host unless asked ({@link ShardedArray#toHost},
 * or the host-array shortcuts {@link #execute}). Parameters donated to a result ({@link Graph#donate}) are updated
 * in place; the donated array becomes unusable after the call. Close the program to free the executable.
 *
 * <p>Calls may run from several threads at once; close it once, after the calls.
 */
public final class Program implements AutoCloseable {
  private final Signature signature;
  private final DeviceMesh devices;
  private final LoadedExecutable exe;
  private final String mlir;
  private final int[] donated;
  private final List<Optional<NamedSharding>> parameterShardings = new ArrayList<>();
  private final List<Optional<NamedSharding>> resultShardings = new ArrayList<>();
  private final List<TensorSpec> parameterSpecs = new ArrayList<>();
  private final List<TensorSpec> resultSpecs = new ArrayList<>();

  Program(Signature signature, DeviceMesh devices, LoadedExecutable exe, String mlir) {
    this.signature = signature;
    this.devices = devices;
    this.exe = exe;
    this.mlir = mlir;
    if (signature.numDevices() != devices.size()) {
      throw new IllegalArgumentException("program '" + signature.name() + "' runs on " + signature.numDevices()
          + " devices, got " + devices);
    }
    if (!signature.mesh().equals(devices.mesh())) {
      throw new IllegalArgumentException("program '" + signature.name() + "' is sharded over "
          + signature.mesh().map(m -> "mesh " + m.shape()).orElse("no mesh") + ", got devices " + devices);
    }
    List<Integer> d = new ArrayList<>();
    for (int i = 0; i < signature.parameters().size(); i++) {
      Signature.Arg a = signature.parameters().get(i);
      parameterShardings.add(signature.sharding(a));
      parameterSpecs.add(spec(a.shape()));
      if (a.aliasedOutput().isPresent()) {
        d.add(i);
      }
    }
    for (Signature.Arg a : signature.results()) {
      resultShardings.add(signature.sharding(a));
      resultSpecs.add(spec(a.shape()));
    }
    this.donated = d.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Compiles {@code graph} for the client's first devices (one, one per mesh device, or one per replica). The MLIR is
   * compiled with locations, so XLA's op metadata (its error messages and profiles) name the Java lines that built
   * each op.
   */
  public static Program compile(Graph graph, Client client) {
    Signature sig = graph.signature();
    DeviceMesh devices = sig.mesh().isPresent() ? DeviceMesh.of(sig.mesh().get(), client)
        : sig.replicas() > 1 ? DeviceMesh.replicas(client, sig.replicas())
        : DeviceMesh.single(client.addressableDevices().get(0));
    return compile(graph, devices);
  }

  /** Compiles {@code graph} for {@code devices} (partition p on {@code devices.device(p)}). */
  public static Program compile(Graph graph, DeviceMesh devices) {
    return compile(graph.toMlirWithLocations(), graph.signature(), devices);
  }

  /** Compiles StableHLO text whose entry function has {@code signature}. */
  public static Program compile(String mlir, Signature signature, DeviceMesh devices) {
    LoadedExecutable exe = devices.client().compile(mlir, compileOptions(signature, devices));
    try {
      return new Program(signature, devices, exe, mlir);
    } catch (RuntimeException | Error e) {
      exe.close();
      throw e;
    }
  }

  /** The options {@link #compile} uses: replicas, partitions, Shardy or GSPMD, the device assignment. */
  public static CompileOptions compileOptions(Signature signature, DeviceMesh devices) {
    return CompileOptions.builder().replicas(signature.replicas()).partitions(signature.numPartitions())
        .shardy(!signature.gspmd()).deviceAssignment(devices.deviceAssignment()).build();
  }

  /** A program around an executable loaded elsewhere (e.g. from an artifact); takes ownership of {@code exe}. */
  static Program of(LoadedExecutable exe, Signature signature, DeviceMesh devices) {
    return new Program(signature, devices, exe, null);
  }

  /** Names, global shapes, shardings and donations of its parameters and results. */
  public Signature signature() {
    return signature;
  }

  /** The devices it runs on, one per partition (or replica). */
  public DeviceMesh devices() {
    return devices;
  }

  /** The loaded executable (owned by this program: do not close it separately). */
  public LoadedExecutable executable() {
    return exe;
  }

  /** The MLIR text that was compiled (with {@code loc(...)} for DSL graphs), or empty for a loaded executable. */
  public Optional<String> mlir() {
    return Optional.ofNullable(mlir);
  }

  /**
   * Runs with every parameter given by name; returns the results by name, on the devices. The caller owns (closes)
   * the results; donated arguments are unusable afterwards.
   *
   * @throws IllegalArgumentException naming a missing, unexpected or mismatched (dtype, shape, sharding, devices)
   *     argument
   */
  public Map<String, ShardedArray> call(Map<String, ShardedArray> args) {
    return call(null, args);
  }

  /**
   * As {@link #call(Map)}, taking every parameter not in {@code inputs} from {@code params} by name.
   */
  public Map<String, ShardedArray> call(ParamStore params, Map<String, ShardedArray> inputs) {
    List<Signature.Arg> ps = signature.parameters();
    ShardedArray[] bound = new ShardedArray[ps.size()];
    List<String> missing = null;
    int fromInputs = 0;
    for (int i = 0; i < bound.length; i++) {
      String n = ps.get(i).name();
      ShardedArray a = inputs.get(n);
      if (a != null) {
        fromInputs++;
      } else if (params != null) {
        a = params.getOrNull(n);
      }
      if (a == null) {
        missing = missing == null ? new ArrayList<>() : missing;
        missing.add(n);
        continue;
      }
      check(i, a);
      bound[i] = a;
    }
    if (missing != null || fromInputs != inputs.size()) {
      Set<String> unexpected = new TreeSet<>(inputs.keySet());
      ps.forEach(p -> unexpected.remove(p.name()));
      throw new IllegalArgumentException("program '" + signature.name() + "' requires "
          + (missing == null ? "" : "arguments " + missing + (params == null ? "" : " (not in the parameter store either)"))
          + (missing != null && !unexpected.isEmpty() ? ", and " : "")
          + (unexpected.isEmpty() ? "" : "no arguments " + unexpected + " (it takes " + ps.stream()
              .map(Signature.Arg::name).limit(20).toList() + (ps.size() > 20 ? " ..." : "") + ")"));
    }
    List<List<Buffer>> perDevice = new ArrayList<>(devices.size());
    for (int p = 0; p < devices.size(); p++) {
      List<Buffer> mine = new ArrayList<>(bound.length);
      for (ShardedArray a : bound) {
        mine.add(a.shard(p));
      }
      perDevice.add(mine);
    }
    List<List<Buffer>> outs = exe.executeSharded(perDevice, donated);
    for (int i : donated) {
      bound[i].markDonated(signature.name());
    }
    Map<String, ShardedArray> results = new LinkedHashMap<>();
    List<Signature.Arg> rs = signature.results();
    for (int o = 0; o < rs.size(); o++) {
      List<Buffer> shards = new ArrayList<>(devices.size());
      for (int p = 0; p < devices.size(); p++) {
        shards.add(outs.get(p).get(o));
      }
      results.put(rs.get(o).name(), new ShardedArray(rs.get(o).name(), resultSpecs.get(o), resultShardings.get(o),
          devices, shards));
    }
    return results;
  }

  private void check(int i, ShardedArray a) {
    String n = signature.parameters().get(i).name();
    if (!a.spec().equals(parameterSpecs.get(i))) {
      throw new IllegalArgumentException("program '" + signature.name() + "' requires argument '" + n + "' to be "
          + parameterSpecs.get(i) + ", got " + a.spec() + " ('" + a.name() + "')");
    }
    if (!a.devices().devices().equals(devices.devices())) {
      throw new IllegalArgumentException("program '" + signature.name() + "' requires argument '" + n + "' on "
          + devices + ", got it on " + a.devices());
    }
    Optional<NamedSharding> want = parameterShardings.get(i);
    if (!sameLayout(a.sharding(), want)) {
      throw new IllegalArgumentException("program '" + signature.name() + "' requires argument '" + n
          + "' sharded as " + want.map(NamedSharding::spec).map(Object::toString).orElse("none") + ", got "
          + a.sharding().map(NamedSharding::spec).map(Object::toString).orElse("none") + " ('" + a.name() + "')");
    }
  }

  /** Equal shardings, where an absent one and a fully replicated one are the same layout. */
  private static boolean sameLayout(Optional<NamedSharding> a, Optional<NamedSharding> b) {
    boolean ra = a.isEmpty() || a.get().isFullyReplicated();
    boolean rb = b.isEmpty() || b.get().isFullyReplicated();
    return ra && rb || a.equals(b);
  }

  /** Places {@code value} as parameter {@code name} wants it (its sharding over this program's devices). */
  public ShardedArray put(String name, NdArray value) {
    int i = signature.parameterIndex(name);
    if (i < 0) {
      throw new IllegalArgumentException("program '" + signature.name() + "' has no parameter '" + name + "'; it has "
          + signature.parameters().stream().map(Signature.Arg::name).toList());
    }
    TensorSpec got = TensorSpec.of(value);
    if (!got.equals(parameterSpecs.get(i))) {
      throw new IllegalArgumentException("program '" + signature.name() + "' requires input '" + name + "' to be "
          + parameterSpecs.get(i) + ", got " + got);
    }
    return ShardedArray.put(name, value, parameterShardings.get(i), devices);
  }

  /**
   * Runs on host arrays: places {@code inputs} (by name) as the signature says, takes the other parameters from
   * {@code params} (may be null), and copies every result to the host. Device buffers it made are freed.
   */
  public Map<String, NdArray> execute(ParamStore params, Map<String, NdArray> inputs) {
    Map<String, ShardedArray> placed = new LinkedHashMap<>();
    Map<String, ShardedArray> results = Map.of();
    try {
      for (Map.Entry<String, NdArray> e : inputs.entrySet()) {
        placed.put(e.getKey(), put(e.getKey(), e.getValue()));
      }
      results = call(params, placed);
      Map<String, NdArray> host = new LinkedHashMap<>();
      for (Map.Entry<String, ShardedArray> e : results.entrySet()) {
        host.put(e.getKey(), e.getValue().toHost());
      }
      return host;
    } finally {
      placed.values().forEach(ShardedArray::close);
      results.values().forEach(ShardedArray::close);
    }
  }

  /** As {@link #execute(ParamStore, Map)} with every parameter given. */
  public Map<String, NdArray> execute(Map<String, NdArray> inputs) {
    return execute(null, inputs);
  }

  /**
   * Runs on global host arrays, one per parameter in declaration order; returns the results in order.
   *
   * @throws IllegalArgumentException naming the parameter whose array has the wrong count, dtype or shape
   */
  public List<NdArray> execute(NdArray... inputs) {
    List<Signature.Arg> ps = signature.parameters();
    if (inputs.length != ps.size()) {
      throw new IllegalArgumentException("program '" + signature.name() + "' requires " + ps.size() + " inputs "
          + ps.stream().map(Signature.Arg::name).toList() + ", got " + inputs.length);
    }
    Map<String, NdArray> named = new LinkedHashMap<>();
    for (int i = 0; i < inputs.length; i++) {
      named.put(ps.get(i).name(), inputs[i]);
    }
    return new ArrayList<>(execute(named).values());
  }

  /**
   * Saves this program as a {@link CompiledArtifact} directory (created if needed): {@value CompiledArtifact#EXECUTABLE}
   * and {@value CompiledArtifact#MANIFEST} with the signature (names, shapes, dtypes, mesh, shardings, donations) and
   * the plugin's platform and versions, which {@code CompiledArtifact.load(dir).program(client)} runs later without
   * the source.
   *
   * @return the artifact that was written
   * @throws IOException naming the file that could not be written
   * @throws IllegalStateException if the program is closed
   */
  public CompiledArtifact saveArtifact(Path dir) throws IOException {
    Client client = devices.client();
    CompiledArtifact artifact = CompiledArtifact.of(exe.executable(), signature, client.platformName(),
        client.platformVersion(), client.plugin().version(), null);
    artifact.save(dir);
    return artifact;
  }

  @Override
  public void close() {
    exe.close();
  }

  static TensorSpec spec(Shape s) {
    return TensorSpec.of(s.dtype(), s.dims());
  }

  @Override
  public String toString() {
    return "Program[" + signature.name() + " on " + devices + "]";
  }
}
