package xla4j.dsl;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a program takes and returns, as data: the entry function's named parameters and results with their global
 * shapes, shardings and donations, the mesh, and the replica count. {@link Graph#signature()} gives it for a DSL
 * graph; runtimes compile, check arguments and store artifacts from it, never from the MLIR text. Immutable.
 *
 * @param name the program (module) name
 * @param mesh the mesh the shardings refer to, empty for an unsharded program
 * @param gspmd whether the shardings are emitted as GSPMD {@code mhlo.sharding} rather than Shardy
 * @param replicas {@code mhlo.num_replicas}
 * @param parameters the entry function's parameters in order
 * @param results the entry function's results in order
 */
public record Signature(String name, Optional<Mesh> mesh, boolean gspmd, int replicas, List<Arg> parameters,
    List<Arg> results) {

  /**
   * One parameter or result.
   *
   * @param name its name ({@code jax.arg_info} / {@code jax.result_info})
   * @param shape its global shape and dtype
   * @param spec its partition spec over the mesh; empty when none was given (then it is replicated)
   * @param aliasedOutput for a donated parameter, the result that reuses its buffer ({@code tf.aliasing_output})
   */
  public record Arg(String name, Shape shape, Optional<PartitionSpec> spec, Optional<String> aliasedOutput) {
    /**
     * Checks the entry; throws {@code IllegalArgumentException} for a missing component or a spec whose rank differs
     * from the shape's.
     */
    public Arg {
      if (name == null || name.isEmpty() || shape == null || spec == null || aliasedOutput == null) {
        throw new IllegalArgumentException("signature entries require a name, shape, spec and alias, got " + name
            + ", " + shape + ", " + spec + ", " + aliasedOutput);
      }
      if (spec.isPresent() && spec.get().rank() != shape.rank()) {
        throw new IllegalArgumentException("'" + name + "' requires a partition spec of rank " + shape.rank()
            + ", got " + spec.get());
      }
    }

    /** An unsharded, undonated entry. */
    public static Arg of(String name, Shape shape) {
      return new Arg(name, shape, Optional.empty(), Optional.empty());
    }

    /** Its spec, or fully replicated when none was given. */
    public PartitionSpec specOrReplicated() {
      return spec.orElseGet(() -> PartitionSpec.replicated(shape.rank()));
    }
  }

  /** Checks the signature; throws {@code IllegalArgumentException} naming the first inconsistency. */
  public Signature {
    if (replicas < 1) {
      throw new IllegalArgumentException("signature requires replicas >= 1, got " + replicas);
    }
    if (replicas > 1 && mesh.isPresent()) {
      throw new IllegalArgumentException("signature requires a mesh or several replicas, not both, got " + replicas
          + " replicas over " + mesh.get());
    }
    parameters = ImmutableList.copyOf(parameters);
    results = ImmutableList.copyOf(results);
    checkUnique("parameter", parameters);
    checkUnique("result", results);
    for (Arg a : parameters) {
      if (a.spec().isPresent() && mesh.isEmpty()) {
        throw new IllegalArgumentException("parameter '" + a.name() + "' has a partition spec but the program has no mesh");
      }
      if (a.aliasedOutput().isPresent()) {
        Arg out = results.stream().filter(r -> r.name().equals(a.aliasedOutput().get())).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("parameter '" + a.name() + "' is donated to result '"
                + a.aliasedOutput().get() + "', which the program does not have"));
        if (!out.shape().equals(a.shape()) || !out.specOrReplicated().equals(a.specOrReplicated())) {
          throw new IllegalArgumentException("donation requires the same shape and sharding, got parameter '"
              + a.name() + "' " + a.shape() + " " + a.specOrReplicated() + " and result '" + out.name() + "' "
              + out.shape() + " " + out.specOrReplicated());
        }
      }
    }
    Set<String> aliased = new HashSet<>();
    for (Arg a : parameters) {
      if (a.aliasedOutput().isPresent() && !aliased.add(a.aliasedOutput().get())) {
        throw new IllegalArgumentException("donation requires one parameter per result, got result '"
            + a.aliasedOutput().get() + "' twice");
      }
    }
  }

  /** Devices one execution runs on: the mesh's size, or the replica count. */
  public int numDevices() {
    return mesh.map(m -> Math.toIntExact(m.numDevices())).orElse(replicas);
  }

  /** {@code mhlo.num_partitions}. */
  public int numPartitions() {
    return mesh.map(m -> Math.toIntExact(m.numDevices())).orElse(1);
  }

  /** The parameter named {@code name}. */
  public Arg parameter(String name) {
    return find(parameters, name, "parameter");
  }

  /** The result named {@code name}. */
  public Arg result(String name) {
    return find(results, name, "result");
  }

  /** Index of parameter {@code name}, or -1. */
  public int parameterIndex(String name) {
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Index of result {@code name}, or -1. */
  public int resultIndex(String name) {
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The sharding of {@code arg} over the mesh, or empty for a program without a mesh. */
  public Optional<NamedSharding> sharding(Arg arg) {
    return mesh.map(m -> new NamedSharding(m, arg.specOrReplicated()));
  }

  private Arg find(List<Arg> args, String n, String what) {
    for (Arg a : args) {
      if (a.name().equals(n)) {
        return a;
      }
    }
    throw new IllegalArgumentException("program '" + name + "' has no " + what + " '" + n + "'; it has "
        + args.stream().map(Arg::name).toList());
  }

  private static void checkUnique(String what, List<Arg> args) {
    Set<String> seen = new HashSet<>();
    for (Arg a : args) {
      if (!seen.add(a.name())) {
        throw new IllegalArgumentException("signature requires unique " + what + " names, got '" + a.name() + "' twice");
      }
    }
  }
}
