package xla4j.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xla4j.array.DType;
import xla4j.dsl.Graph;
import xla4j.dsl.Shape;
import xla4j.dsl.Tensor;

/**
 * Where layers get their parameters while a model is written into a {@link Graph}: each parameter becomes a
 * graph parameter named by its full path ({@code encoderblock_0/MlpBlock_0/Dense_0/kernel}), exactly the
 * flattened big_vision / Flax checkpoint name, and its {@link ParamSpec} is recorded so that checkpoints can
 * be checked against the model and random parameters drawn for it.
 *
 * <p>Like a Flax module scope: {@link #child} descends by name, and every parameter name is used once.
 */
public final class Scope {
  private final Graph graph;
  private final String prefix;
  private final DType paramDtype;
  private final Map<String, ParamSpec> specs;
  private final String separator;

  private Scope(Graph graph, String prefix, DType paramDtype, Map<String, ParamSpec> specs, String separator) {
    this.graph = graph;
    this.prefix = prefix;
    this.paramDtype = paramDtype;
    this.specs = specs;
    this.separator = separator;
  }

  /** The root scope of a model written into {@code graph}, with parameters stored as {@code paramDtype}. */
  public static Scope root(Graph graph, DType paramDtype) {
    return root(graph, paramDtype, "/");
  }

  /**
   * A root scope whose names join with {@code separator}: {@code "/"} for Flax names, {@code "."} for PyTorch's
   * ({@code model.layers.0.self_attn.q_proj.weight}).
   */
  public static Scope root(Graph graph, DType paramDtype, String separator) {
    if (separator == null || separator.length() != 1) {
      throw new IllegalArgumentException("scope separator must be one character, got '" + separator + "'");
    }
    return new Scope(graph, "", paramDtype, new LinkedHashMap<>(), separator);
  }

  /** The scope of a sub-module named {@code name}. */
  public Scope child(String name) {
    if (name == null || name.isEmpty() || name.contains(separator)) {
      throw new IllegalArgumentException("scope name must be non-empty and contain no '" + separator + "', got '"
          + name + "'");
    }
    return new Scope(graph, prefix + name + separator, paramDtype, specs, separator);
  }

  /** The graph parameters and ops are added to. */
  public Graph graph() {
    return graph;
  }

  /** The dtype parameters are stored and computed in. */
  public DType dtype() {
    return paramDtype;
  }

  /** The full name a parameter {@code name} of this scope gets. */
  public String path(String name) {
    return prefix + name;
  }

  /** Declares a parameter with Flax's default fans (receptive field = all but the last two dims). */
  public Tensor param(String name, long[] shape, Init init) {
    long receptive = 1;
    for (int i = 0; i < shape.length - 2; i++) {
      receptive *= shape[i];
    }
    long fanIn = shape.length >= 2 ? shape[shape.length - 2] * receptive : shape.length == 1 ? shape[0] : 1;
    long fanOut = shape.length >= 1 ? shape[shape.length - 1] * receptive : 1;
    return param(name, shape, init, fanIn, fanOut);
  }

  /** Declares a parameter with explicit fans (for kernels Flax flattens, as DenseGeneral's). */
  public Tensor param(String name, long[] shape, Init init, long fanIn, long fanOut) {
    String full = path(name);
    if (specs.containsKey(full)) {
      throw new IllegalArgumentException("parameter '" + full + "' is declared twice");
    }
    Init withFans = (dtype, s, fi, fo, rng) -> init.sample(dtype, s, fanIn, fanOut, rng);
    if (init.caveat().isPresent()) {
      withFans = withFans.withCaveat(init.caveat().get());
    }
    specs.put(full, new ParamSpec(full, paramDtype, shape, withFans));
    return graph.parameter(full, Shape.of(paramDtype, shape));
  }

  /** Every parameter declared so far, in declaration order (the graph's parameter order). */
  public List<ParamSpec> params() {
    return Collections.unmodifiableList(new ArrayList<>(specs.values()));
  }

  @Override
  public String toString() {
    return "Scope(" + (prefix.isEmpty() ? "/" : prefix) + ", " + specs.size() + " params)";
  }
}
