package xla4j.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xla4j.array.NdArray;
import xla4j.pjrt.Client;
import xla4j.pjrt.CompileOptions;
import xla4j.pjrt.LoadedExecutable;
import xla4j.runtime.Runner;
import xla4j.runtime.Sharding;

/**
 * A {@link Graph} compiled by a PJRT client: {@link #execute} takes global host arrays (one per parameter, in
 * order), splits sharded ones over the mesh's devices, runs, and returns the outputs reassembled. Convenience
 * for tests and small programs; models with device-resident parameters use {@code xla4j.runtime} directly.
 */
public final class CompiledGraph implements AutoCloseable {
  private final Graph graph;
  private final String mlir;
  private final LoadedExecutable exe;
  private final List<Sharding> inputShardings;
  private final List<Sharding> outputShardings;

  private CompiledGraph(Graph graph, String mlir, LoadedExecutable exe, List<Sharding> in, List<Sharding> out) {
    this.graph = graph;
    this.mlir = mlir;
    this.exe = exe;
    this.inputShardings = in;
    this.outputShardings = out;
  }

  /**
   * Compiles the graph's MLIR with locations, so XLA's op metadata (and its error messages and profiles) name the
   * Java lines that built each op.
   */
  static CompiledGraph compile(Graph g, Client client) {
    String mlir = g.toMlirWithLocations();
    int partitions = g.mesh() == null ? 1 : Math.toIntExact(g.mesh().numDevices());
    CompileOptions options = CompileOptions.builder().replicas(g.replicas()).partitions(partitions)
        .shardy(!g.isGspmd()).build();
    LoadedExecutable exe = client.compile(mlir, options);
    return new CompiledGraph(g, mlir, exe, shardings(g, g.parameterSpecs()), shardings(g, g.outputSpecs()));
  }

  private static List<Sharding> shardings(Graph g, List<PartitionSpec> specs) {
    List<Sharding> out = new ArrayList<>();
    for (PartitionSpec s : specs) {
      if (s == null || g.mesh() == null) {
        out.add(null);
        continue;
      }
      Map<String, Integer> mesh = new LinkedHashMap<>();
      for (xla4j.hlo.MeshDecl.Axis a : g.mesh().decl().axes()) {
        mesh.put(a.name(), Math.toIntExact(a.size()));
      }
      out.add(Sharding.of(mesh, s.dims()));
    }
    return out;
  }

  public Graph graph() {
    return graph;
  }

  /** The MLIR text that was compiled (with {@code loc(...)} on each op). */
  public String mlir() {
    return mlir;
  }

  public LoadedExecutable executable() {
    return exe;
  }

  /**
   * Runs on global host arrays, one per parameter in declaration order.
   *
   * @throws IllegalArgumentException naming the parameter whose array has the wrong dtype or shape
   */
  public List<NdArray> execute(NdArray... inputs) {
    List<String> names = graph.parameterNames();
    List<Shape> shapes = graph.parameterShapes();
    if (inputs.length != names.size()) {
      throw new IllegalArgumentException("graph '" + graph.name() + "' requires " + names.size() + " inputs " + names
          + ", got " + inputs.length);
    }
    for (int i = 0; i < inputs.length; i++) {
      Shape got = Shape.of(inputs[i].dtype(), inputs[i].shape());
      if (!got.equals(shapes.get(i))) {
        throw new IllegalArgumentException("graph '" + graph.name() + "' requires input '" + names.get(i) + "' to be "
            + shapes.get(i) + ", got " + got);
      }
    }
    return Runner.run(exe, List.of(inputs), inputShardings, outputShardings);
  }

  /** As {@link #execute(NdArray...)} with inputs and outputs by name. */
  public Map<String, NdArray> execute(Map<String, NdArray> inputs) {
    List<String> names = graph.parameterNames();
    NdArray[] in = new NdArray[names.size()];
    for (int i = 0; i < in.length; i++) {
      in[i] = inputs.get(names.get(i));
      if (in[i] == null) {
        throw new IllegalArgumentException("graph '" + graph.name() + "' requires input '" + names.get(i) + "', got only "
            + inputs.keySet());
      }
    }
    List<NdArray> out = execute(in);
    Map<String, NdArray> named = new LinkedHashMap<>();
    for (int i = 0; i < out.size(); i++) {
      named.put(graph.outputNames().get(i), out.get(i));
    }
    return named;
  }

  @Override
  public void close() {
    exe.close();
  }
}
