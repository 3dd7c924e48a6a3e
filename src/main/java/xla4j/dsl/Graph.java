package xla4j.dsl;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.hlo.Attr;
import xla4j.hlo.Case;
import xla4j.hlo.Constant;
import xla4j.hlo.Func;
import xla4j.hlo.Iota;
import xla4j.hlo.MlirPrinter;
import xla4j.hlo.Module;
import xla4j.hlo.Operation;
import xla4j.hlo.Region;
import xla4j.hlo.RngBitGenerator;
import xla4j.hlo.TensorType;
import xla4j.hlo.Value;
import xla4j.hlo.While;

/**
 * Builds one StableHLO function ({@code func.func public @main}) with shape and dtype inference at each call:
 * an invalid op throws {@link IllegalArgumentException} at once, naming the op, the operands and the rule,
 * followed by the caller's location. {@link #build()} returns the {@link Module}; after it the graph is frozen.
 *
 * <pre>{@code
 * Graph g = new Graph("mlp");
 * Tensor x = g.parameter("x", Shape.of(DType.F32, 8, 16));
 * Tensor w = g.parameter("w", Shape.of(DType.F32, 16, 4));
 * g.output("y", x.matmul(w).add(1.0f).relu());
 * String mlir = g.toMlir();
 * }</pre>
 *
 * <p>A graph is built from one thread; it is not thread-safe while building. The built {@link Module} is immutable.
 */
public final class Graph {
  private final String name;
  private final Mesh mesh;
  private final boolean gspmd;
  private final List<Value> params = new ArrayList<>();
  private final List<Map<String, Attr>> paramAttrs = new ArrayList<>();
  private final List<String> paramNames = new ArrayList<>();
  private final List<PartitionSpec> paramSpecs = new ArrayList<>();
  private final List<PartitionSpec> outputSpecs = new ArrayList<>();
  private final List<Value> outputs = new ArrayList<>();
  private final List<Map<String, Attr>> outputAttrs = new ArrayList<>();
  private final List<String> outputNames = new ArrayList<>();
  private final Map<String, String> donations = new LinkedHashMap<>();
  private final Map<Operation, StackTraceElement> locations = new IdentityHashMap<>();
  private final Map<Value, StackTraceElement> valueLocations = new IdentityHashMap<>();
  private final Map<Value, Scope> owner = new IdentityHashMap<>();
  private final Scope root;
  private Scope current;
  private Module built;
  private long nextChannel = 1;
  private int replicas = 1;

  /** A block under construction: the function body or a region being built by a lambda. */
  static final class Scope {
    final Scope parent;
    final String what;
    final boolean isolated;
    boolean manual;
    final List<Operation> ops = new ArrayList<>();
    boolean closed;

    Scope(Scope parent, String what, boolean isolated) {
      this.parent = parent;
      this.what = what;
      this.isolated = isolated;
    }
  }

  /** A graph named {@code name} (the module name), without sharding. */
  public Graph(String name) {
    this(name, null, false);
  }

  /**
   * A graph whose parameters, results and constraints may carry shardings over {@code mesh}; emitted as
   * Shardy ({@code sdy.mesh}, {@code sdy.sharding}) or, with {@code gspmd}, as {@code mhlo.sharding} strings.
   */
  public Graph(String name, Mesh mesh, boolean gspmd) {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_$.]*")) {
      throw new IllegalArgumentException("graph requires a name made of letters, digits, '_', '$' or '.', got '" + name + "'");
    }
    this.name = name;
    this.mesh = mesh;
    this.gspmd = gspmd;
    this.root = new Scope(null, "graph '" + name + "'", false);
    this.current = root;
  }

  /**
   * A graph for {@code replicas} replicas ({@code mhlo.num_replicas}): collectives then work across replicas
   * (replica groups list replica ids, no channel handles), as a pmap-style program.
   */
  public static Graph withReplicas(String name, int replicas) {
    if (replicas < 1) {
      throw new IllegalArgumentException("graph requires at least one replica, got " + replicas);
    }
    Graph g = new Graph(name);
    g.replicas = replicas;
    return g;
  }

  /** The graph's name (the printed module's name). */
  public String name() {
    return name;
  }

  /** Number of replicas ({@code mhlo.num_replicas}); 1 unless made by {@link #withReplicas}. */
  public int replicas() {
    return replicas;
  }

  /** The device mesh of a sharded graph, or null for an unsharded one. */
  public Mesh mesh() {
    return mesh;
  }

  // ---------------------------------------------------------------------------------------------
  // Parameters, constants, outputs

  /** A named parameter ({@code %argN}, with {@code jax.arg_info = "name"}). */
  public Tensor parameter(String name, Shape shape) {
    return parameter(name, shape, null);
  }

  /** A named parameter sharded by {@code spec} over the graph's mesh. */
  public Tensor parameter(String name, Shape shape, PartitionSpec spec) {
    checkBuilding("parameter");
    if (current != root) {
      throw new IllegalStateException("parameter '" + name + "' must be declared at the top level of graph '"
          + this.name + "', not inside " + current.what);
    }
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("parameter requires a non-empty name, got '" + name + "'");
    }
    if (paramNames.contains(name)) {
      throw new IllegalArgumentException("parameter requires a unique name, got '" + name + "' twice");
    }
    Value v = Value.of(shape.toTensorType());
    Map<String, Attr> attrs = new LinkedHashMap<>();
    attrs.put("jax.arg_info", Attr.string(name));
    addSharding(attrs, "parameter '" + name + "'", spec, v.type());
    params.add(v);
    paramAttrs.add(attrs);
    paramNames.add(name);
    paramSpecs.add(spec);
    owner.put(v, root);
    return new Tensor(this, v);
  }

  private void addSharding(Map<String, Attr> attrs, String what, PartitionSpec spec, TensorType type) {
    if (spec == null) {
      return;
    }
    if (mesh == null) {
      throw new IllegalStateException(what + " has a partition spec but graph '" + name + "' has no mesh");
    }
    xla4j.hlo.Sharding s = spec.toSharding(mesh);
    s.checkFits(what, type);
    if (gspmd) {
      attrs.put("mhlo.sharding", Attr.string(s.gspmd()));
    } else {
      attrs.put("sdy.sharding", s.shardy());
    }
  }

  /** Marks {@code t} as a result named {@code name} ({@code jax.result_info}). */
  public Graph output(String name, Tensor t) {
    return output(name, t, null);
  }

  /** Marks {@code t} as a result with a sharding. */
  public Graph output(String name, Tensor t, PartitionSpec spec) {
    checkBuilding("output");
    if (outputNames.contains(name)) {
      throw new IllegalArgumentException("output requires a unique name, got '" + name + "' twice");
    }
    use(t, "output '" + name + "'");
    if (current != root) {
      throw new IllegalStateException("output '" + name + "' must be declared at the top level, not inside " + current.what);
    }
    Map<String, Attr> attrs = new LinkedHashMap<>();
    attrs.put("jax.result_info", Attr.string(name));
    addSharding(attrs, "output '" + name + "'", spec, t.value().type());
    outputs.add(t.value());
    outputAttrs.add(attrs);
    outputNames.add(name);
    outputSpecs.add(spec);
    return this;
  }

  /** Parameter names in order. */
  public List<String> parameterNames() {
    return ImmutableList.copyOf(paramNames);
  }

  /** Output names in order. */
  public List<String> outputNames() {
    return ImmutableList.copyOf(outputNames);
  }

  /** Partition specs of the parameters (null entries: replicated / none given). */
  public List<PartitionSpec> parameterSpecs() {
    return java.util.Collections.unmodifiableList(new ArrayList<>(paramSpecs));
  }

  /** Partition specs of the outputs (null entries: replicated / none given). */
  public List<PartitionSpec> outputSpecs() {
    return java.util.Collections.unmodifiableList(new ArrayList<>(outputSpecs));
  }

  /** Whether shardings are emitted as GSPMD {@code mhlo.sharding} rather than Shardy. */
  public boolean isGspmd() {
    return gspmd;
  }

  /**
   * Sets the sharding of parameter {@code name} after it was declared (e.g. from a model's partition rules, which
   * need every parameter's name and shape first); null removes it.
   */
  public Graph parameterSharding(String name, PartitionSpec spec) {
    checkBuilding("a parameter sharding");
    int i = paramNames.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("graph '" + this.name + "' has no parameter '" + name + "'; it has "
          + paramNames);
    }
    Map<String, Attr> attrs = paramAttrs.get(i);
    attrs.remove("sdy.sharding");
    attrs.remove("mhlo.sharding");
    addSharding(attrs, "parameter '" + name + "'", spec, params.get(i).type());
    paramSpecs.set(i, spec);
    return this;
  }

  /**
   * Donates parameter {@code parameter}'s buffer to result {@code output}, as {@code jax.jit(donate_argnums=...)}:
   * emitted as {@code tf.aliasing_output}, so XLA writes the result in place of the argument and a runtime invalidates
   * the donated argument after a call. Both must have the same shape, dtype and sharding.
   */
  public Graph donate(String parameter, String output) {
    checkBuilding("a donation");
    int p = paramNames.indexOf(parameter);
    int o = outputNames.indexOf(output);
    if (p < 0 || o < 0) {
      throw new IllegalArgumentException("donate requires a parameter and an output of graph '" + name + "', got '"
          + parameter + "' (parameters " + paramNames + ") and '" + output + "' (outputs " + outputNames + ")");
    }
    if (donations.containsKey(parameter) || donations.containsValue(output)) {
      throw new IllegalArgumentException("donate requires each parameter and output at most once, got '" + parameter
          + "' -> '" + output + "' after " + donations);
    }
    TensorType pt = params.get(p).type();
    TensorType ot = outputs.get(o).type();
    PartitionSpec ps = paramSpecs.get(p) == null ? PartitionSpec.replicated(pt.rank()) : paramSpecs.get(p);
    PartitionSpec os = outputSpecs.get(o) == null ? PartitionSpec.replicated(ot.rank()) : outputSpecs.get(o);
    if (!pt.equals(ot) || !ps.equals(os)) {
      throw new IllegalArgumentException("donate requires the same type and sharding, got parameter '" + parameter
          + "' " + pt.shortString() + " " + ps + " and output '" + output + "' " + ot.shortString() + " " + os);
    }
    donations.put(parameter, output);
    return this;
  }

  /** The program's signature as data: names, shapes, shardings, donations, mesh and replicas. */
  public Signature signature() {
    List<Signature.Arg> in = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      in.add(new Signature.Arg(paramNames.get(i), Shape.of(params.get(i).type()), Optional.ofNullable(paramSpecs.get(i)),
          Optional.ofNullable(donations.get(paramNames.get(i)))));
    }
    List<Signature.Arg> out = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      out.add(new Signature.Arg(outputNames.get(i), Shape.of(outputs.get(i).type()),
          Optional.ofNullable(outputSpecs.get(i)), Optional.empty()));
    }
    return new Signature(name, Optional.ofNullable(mesh), gspmd, replicas, in, out);
  }

  /** Parameter shapes in order. */
  public List<Shape> parameterShapes() {
    return params.stream().map(v -> Shape.of(v.type())).collect(ImmutableList.toImmutableList());
  }

  /** Output shapes in order. */
  public List<Shape> outputShapes() {
    return outputs.stream().map(v -> Shape.of(v.type())).collect(ImmutableList.toImmutableList());
  }

  /** A constant holding a copy of {@code value}. */
  public Tensor constant(NdArray value) {
    return single(() -> Constant.of(value));
  }

  /** An f32 constant from a Java array (row-major) of the given shape. */
  public Tensor constant(float[] values, long... shape) {
    return constant(NdArray.of(values, shape));
  }

  /** An f64 constant. */
  public Tensor constant(double[] values, long... shape) {
    return constant(NdArray.of(values, shape));
  }

  /** An s32 constant. */
  public Tensor constant(int[] values, long... shape) {
    return constant(NdArray.of(values, shape));
  }

  /** An s64 constant. */
  public Tensor constant(long[] values, long... shape) {
    return constant(NdArray.of(values, shape));
  }

  /** A pred constant. */
  public Tensor constant(boolean[] values, long... shape) {
    return constant(NdArray.of(values, shape));
  }

  /** A constant of any numeric dtype from float values (rounded to nearest-even for bf16/f16). */
  public Tensor constant(DType dtype, float[] values, long... shape) {
    return constant(NdArray.fromFloats(dtype, values, shape));
  }

  /** A rank-0 constant of {@code dtype} (integers truncate, pred is {@code value != 0}). */
  public Tensor scalar(double value, DType dtype) {
    // u64 values from 2^63 up do not fit a Java long: take their two's complement bits (a plain cast saturates).
    long bits = value >= 0x1p63 ? (long) (value - 0x1p64) : (long) value;
    return constant(Reducer.scalar(dtype, value, dtype == DType.PRED ? (value != 0 ? 1 : 0) : bits));
  }

  /** A constant of {@code shape} with every element {@code value}, emitted as a splat. */
  public Tensor full(Shape shape, double value) {
    return scalar(value, shape.dtype()).broadcastTo(shape.dims());
  }

  /** A constant of {@code shape} filled with zeros. */
  public Tensor zeros(Shape shape) {
    return full(shape, 0);
  }

  /** A constant of {@code shape} filled with ones. */
  public Tensor ones(Shape shape) {
    return full(shape, 1);
  }

  /** {@code 0, 1, ...} along {@code axis} of {@code shape}. */
  public Tensor iota(Shape shape, int axis) {
    return single(() -> Iota.of(shape.toTensorType(), axis));
  }

  // ---------------------------------------------------------------------------------------------
  // Control flow and random bits

  /**
   * {@code stablehlo.while}: loops {@code body} over the state while {@code cond} returns true. The lambdas
   * receive the state as tensors local to their region; they may also use tensors from outside.
   */
  public List<Tensor> whileLoop(List<Tensor> initial, Function<List<Tensor>, Tensor> cond,
      Function<List<Tensor>, List<Tensor>> body) {
    List<TensorType> types = new ArrayList<>();
    for (Tensor t : initial) {
      use(t, "while");
      types.add(t.value().type());
    }
    Region c = region("while cond", false, types, args -> List.of(cond.apply(args)));
    Region b = region("while body", false, types, body);
    return multi(() -> While.of(values(initial), c, b));
  }

  /** {@code stablehlo.if}: {@code pred} is a pred scalar; both branches return the same types. */
  public List<Tensor> cond(Tensor pred, Supplier<List<Tensor>> onTrue, Supplier<List<Tensor>> onFalse) {
    use(pred, "if");
    Region t = region("if true branch", false, List.of(), args -> onTrue.get());
    Region f = region("if false branch", false, List.of(), args -> onFalse.get());
    return multi(() -> Case.ifOp(pred.value(), t, f));
  }

  /** {@code stablehlo.case}: runs branch {@code index} (an s32 scalar; out of range runs the last one). */
  public List<Tensor> switchCase(Tensor index, List<Supplier<List<Tensor>>> branches) {
    use(index, "case");
    List<Region> regions = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      Supplier<List<Tensor>> b = branches.get(i);
      regions.add(region("case branch " + i, false, List.of(), args -> b.get()));
    }
    return multi(() -> Case.caseOp(index.value(), regions));
  }

  /**
   * {@code stablehlo.rng_bit_generator} with an explicit {@code u64[2]} key (JAX-style): returns
   * {@code [newKey, bits]} where bits has {@code shape} (an unsigned dtype).
   */
  public List<Tensor> rngBitGenerator(Tensor key, Shape shape, RngBitGenerator.Algorithm algorithm) {
    use(key, "rng_bit_generator");
    return multi(() -> RngBitGenerator.of(algorithm, key.value(), shape.toTensorType()));
  }

  /**
   * {@code jax.shard_map}: runs {@code body} once per device on local shards ({@code sdy.manual_computation},
   * manual over all mesh axes). Inputs are split by {@code inSpecs}; the body returns local tensors that are
   * assembled by {@code outSpecs}. Inside, use the axis-named collectives ({@link Ops#psum}, {@link Ops#allGather(Tensor, int, String)}, ...).
   */
  public List<Tensor> shardMap(List<Tensor> inputs, List<PartitionSpec> inSpecs, List<PartitionSpec> outSpecs,
      Function<List<Tensor>, List<Tensor>> body) {
    if (mesh == null || gspmd) {
      throw new IllegalStateException("shard_map needs a graph with a mesh and Shardy shardings, but graph '" + name
          + "' has " + (mesh == null ? "no mesh" : "GSPMD shardings"));
    }
    List<xla4j.hlo.Sharding> in = new ArrayList<>();
    List<TensorType> local = new ArrayList<>();
    StackTraceElement where = callerLocation();
    for (int i = 0; i < inputs.size(); i++) {
      use(inputs.get(i), "shard_map");
      if (i >= inSpecs.size()) {
        break;
      }
      xla4j.hlo.Sharding s = inSpecs.get(i).toSharding(mesh);
      in.add(s);
      try {
        local.add(xla4j.hlo.ManualComputation.localType("shard_map input " + i, s, inputs.get(i).value().type()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage() + where(where), e);
      }
    }
    List<xla4j.hlo.Sharding> out = new ArrayList<>();
    for (PartitionSpec p : outSpecs) {
      out.add(p.toSharding(mesh));
    }
    Region r = region("shard_map body", true, local, args -> {
      current.manual = true;
      return body.apply(args);
    });
    return multi(() -> xla4j.hlo.ManualComputation.of(values(inputs), in, out, r));
  }

  /** Throws unless the current block is (inside) a shard_map body. */
  void checkManual(String op) {
    for (Scope c = current; c != null; c = c.parent) {
      if (c.manual) {
        return;
      }
    }
    throw new IllegalStateException(op + " over mesh axes is only valid inside shardMap, not in " + current.what);
  }

  /**
   * Replica groups (global device ids, mesh row-major) of devices that differ only in {@code axes}: one group per
   * coordinate of the other axes, as JAX computes them for {@code psum(x, axes)}.
   */
  long[][] groupsOver(String op, String... axes) {
    List<xla4j.hlo.MeshDecl.Axis> all = mesh.decl().axes();
    java.util.Set<String> in = new java.util.LinkedHashSet<>(List.of(axes));
    if (in.isEmpty()) {
      throw new IllegalArgumentException(op + " requires at least one mesh axis, got none" + where(callerLocation()));
    }
    for (String a : in) {
      if (!mesh.decl().axisNames().contains(a)) {
        throw new IllegalArgumentException(op + " requires mesh axes of " + mesh.decl().axisNames() + ", got '" + a + "'"
            + where(callerLocation()));
      }
    }
    int n = all.size();
    long[] strides = new long[n];
    long stride = 1;
    for (int i = n - 1; i >= 0; i--) {
      strides[i] = stride;
      stride *= all.get(i).size();
    }
    List<Integer> inner = new ArrayList<>();
    List<Integer> outer = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      (in.contains(all.get(i).name()) ? inner : outer).add(i);
    }
    List<long[]> groups = new ArrayList<>();
    for (long[] oc : coords(all, outer)) {
      List<long[]> members = coords(all, inner);
      long[] g = new long[members.size()];
      for (int m = 0; m < g.length; m++) {
        long id = 0;
        for (int k = 0; k < outer.size(); k++) {
          id += oc[k] * strides[outer.get(k)];
        }
        for (int k = 0; k < inner.size(); k++) {
          id += members.get(m)[k] * strides[inner.get(k)];
        }
        g[m] = id;
      }
      groups.add(g);
    }
    return groups.toArray(new long[0][]);
  }

  /** All coordinates (row-major) over the given axes. */
  private static List<long[]> coords(List<xla4j.hlo.MeshDecl.Axis> all, List<Integer> axes) {
    List<long[]> out = new ArrayList<>();
    out.add(new long[axes.size()]);
    for (int k = 0; k < axes.size(); k++) {
      List<long[]> next = new ArrayList<>();
      for (long[] c : out) {
        for (long v = 0; v < all.get(axes.get(k)).size(); v++) {
          long[] d = c.clone();
          d[k] = v;
          next.add(d);
        }
      }
      out = next;
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Building

  /** The module: {@code module @name attributes {mhlo.num_partitions, mhlo.num_replicas}} with {@code @main}. */
  public Module build() {
    if (built != null) {
      return built;
    }
    if (current != root) {
      throw new IllegalStateException("graph '" + name + "' cannot be built while " + current.what + " is open");
    }
    if (outputs.isEmpty()) {
      throw new IllegalStateException("graph '" + name + "' has no outputs; call output(name, tensor) first");
    }
    Region body = new Region(params, root.ops, outputs);
    // On a mesh, a parameter or result without a spec is replicated, as a runtime places and reads it: say so in
    // the module, or the partitioner may choose another layout for it.
    List<Map<String, Attr>> argAttrs = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      Map<String, Attr> attrs = new LinkedHashMap<>(paramAttrs.get(i));
      if (paramSpecs.get(i) == null && mesh != null) {
        addSharding(attrs, "parameter '" + paramNames.get(i) + "'", PartitionSpec.replicated(params.get(i).type().rank()),
            params.get(i).type());
      }
      String aliased = donations.get(paramNames.get(i));
      if (aliased != null) {
        attrs.put("tf.aliasing_output", Attr.i32(outputNames.indexOf(aliased)));
      }
      argAttrs.add(attrs);
    }
    List<Map<String, Attr>> resultAttrs = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      Map<String, Attr> attrs = new LinkedHashMap<>(outputAttrs.get(i));
      if (outputSpecs.get(i) == null && mesh != null) {
        addSharding(attrs, "output '" + outputNames.get(i) + "'", PartitionSpec.replicated(outputs.get(i).type().rank()),
            outputs.get(i).type());
      }
      resultAttrs.add(attrs);
    }
    Func main = new Func("main", true, body, argAttrs, resultAttrs);
    int partitions = mesh == null ? 1 : Math.toIntExact(mesh.numDevices());
    List<xla4j.hlo.MeshDecl> meshes = mesh == null || gspmd ? List.of() : List.of(mesh.decl());
    built = new Module(name, Module.partitionAttrs(partitions, replicas), meshes, List.of(main));
    root.closed = true;
    return built;
  }

  /** MLIR text of {@link #build()}. */
  public String toMlir() {
    return MlirPrinter.print(build());
  }

  /** MLIR text with {@code loc("File.java":line:0)} on each op, naming the line of user code that made it. */
  public String toMlirWithLocations() {
    Module m = build();
    return MlirPrinter.print(m, op -> {
      StackTraceElement e = locations.get(op);
      return e == null ? null : Attr.quote(String.valueOf(e.getFileName())) + ":" + e.getLineNumber() + ":0";
    });
  }

  /** The caller's location recorded for {@code t}'s defining op, or null for parameters and block arguments. */
  public StackTraceElement location(Tensor t) {
    return valueLocations.get(t.value());
  }

  // ---------------------------------------------------------------------------------------------
  // Internals shared by Tensor and Ops

  void checkBuilding(String what) {
    if (built != null) {
      throw new IllegalStateException("graph '" + name + "' was already built; cannot add " + what);
    }
  }

  /** Checks that {@code t} may be used as an operand here. */
  void use(Tensor t, String op) {
    if (t == null) {
      throw new IllegalArgumentException(op + " requires non-null operands, got null");
    }
    if (t.graph() != this) {
      throw new IllegalArgumentException(op + " requires operands from graph '" + name + "', got a tensor from graph '"
          + t.graph().name + "'" + where(callerLocation()));
    }
    Scope s = owner.get(t.value());
    if (s == null || s.closed && s != root) {
      throw new IllegalStateException(op + " cannot use " + t.shape() + " defined inside " + (s == null ? "?" : s.what)
          + ", which is already closed; return it from the region instead");
    }
    for (Scope c = current; c != s; c = c.parent) {
      if (c == null) {
        throw new IllegalStateException(op + " cannot use " + t.shape() + " defined inside " + s.what
            + ", which is not enclosing the current block");
      }
      if (c.isolated) {
        throw new IllegalArgumentException(op + " inside " + c.what + " cannot use " + t.shape()
            + " from outside the region; " + c.what + " may only use its arguments and values made inside it"
            + where(callerLocation()));
      }
    }
  }

  static List<Value> values(List<Tensor> ts) {
    List<Value> vs = new ArrayList<>();
    for (Tensor t : ts) {
      vs.add(t.value());
    }
    return vs;
  }

  /** Runs a shape rule, appending the caller's location to its message; adds the op to the current block. */
  Operation emit(Supplier<? extends Operation> rule) {
    StackTraceElement where = callerLocation();
    checkBuilding("operations");
    Operation op;
    try {
      op = rule.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + where(where), e);
    }
    for (Value v : op.operands()) {
      if (!owner.containsKey(v)) {
        throw new IllegalArgumentException(op.name() + " requires operands from graph '" + name + "'" + where(where));
      }
    }
    current.ops.add(op);
    for (Value r : op.results()) {
      owner.put(r, current);
    }
    if (where != null) {
      locations.put(op, where);
      for (Value r : op.results()) {
        valueLocations.put(r, where);
      }
    }
    return op;
  }

  static String where(StackTraceElement e) {
    return e == null ? "" : " (at " + e.getFileName() + ":" + e.getLineNumber() + ")";
  }

  Tensor single(Supplier<? extends Operation> rule) {
    Operation op = emit(rule);
    return new Tensor(this, op.results().get(0));
  }

  List<Tensor> multi(Supplier<? extends Operation> rule) {
    Operation op = emit(rule);
    List<Tensor> out = new ArrayList<>();
    for (Value v : op.results()) {
      out.add(new Tensor(this, v));
    }
    return out;
  }

  /**
   * Builds a region: pushes a block with scalar/tensor arguments of {@code argTypes}, runs {@code body} on them,
   * pops it. {@code isolated} regions (reduction bodies, comparators) may not use outer values.
   */
  Region region(String what, boolean isolated, List<TensorType> argTypes, Function<List<Tensor>, List<Tensor>> body) {
    checkBuilding(what);
    Scope scope = new Scope(current, what, isolated);
    List<Value> args = new ArrayList<>();
    List<Tensor> argTensors = new ArrayList<>();
    for (TensorType t : argTypes) {
      Value v = Value.of(t);
      args.add(v);
      owner.put(v, scope);
      argTensors.add(new Tensor(this, v));
    }
    current = scope;
    List<Tensor> rets;
    try {
      rets = body.apply(argTensors);
      if (rets == null) {
        throw new IllegalArgumentException(what + " requires the lambda to return tensors, got null");
      }
      for (Tensor r : rets) {
        use(r, what + " result");
      }
    } finally {
      current = scope.parent;
      scope.closed = true;
    }
    return new Region(args, scope.ops, values(rets));
  }

  /** A fresh channel id for a cross-partition collective (SPMD graphs with a mesh), or 0 (cross-replica). */
  long nextChannelId() {
    return mesh == null ? 0 : nextChannel++;
  }

  boolean gspmd() {
    return gspmd;
  }

  private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  private static final java.security.CodeSource OWN_CODE = Graph.class.getProtectionDomain().getCodeSource();

  /**
   * The first stack frame that is not xla4j.dsl / xla4j.hlo library code: the user's line. (Library classes are
   * recognised by package and by coming from the same jar or directory as this class, so tests living in the
   * same packages still count as user code.)
   */
  static StackTraceElement callerLocation() {
    return WALKER.walk(frames -> frames.filter(f -> !isLibrary(f.getDeclaringClass())).findFirst()
        .map(StackWalker.StackFrame::toStackTraceElement).orElse(null));
  }

  private static boolean isLibrary(Class<?> c) {
    String n = c.getName();
    if (!n.startsWith("xla4j.dsl.") && !n.startsWith("xla4j.hlo.")) {
      return false;
    }
    java.security.CodeSource cs = c.getProtectionDomain().getCodeSource();
    return OWN_CODE == null || cs == null || java.util.Objects.equals(cs.getLocation(), OWN_CODE.getLocation());
  }
}
