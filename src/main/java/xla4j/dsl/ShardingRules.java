package xla4j.dsl;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import xla4j.array.DType;

/**
 * Partition rules for a model's parameters, as big_vision's {@code sharding_strategy} ({@code big_vision/sharding.py},
 * {@code infer_sharding}): an ordered list of (regex, tactics); a parameter name is matched by the first pattern that
 * matches it whole ({@code re.fullmatch}), and that rule's tactics update its spec in turn (big_vision's {@code "a|b"});
 * an unmatched parameter is replicated. Tactics: {@link #replicate()}, {@link #fsdp}, {@link #shardDim}. Immutable.
 */
public final class ShardingRules {
  /** Updates a parameter's spec; as big_vision's registered {@code shardings.*} functions. */
  @FunctionalInterface
  public interface Tactic {
    /** The parameter's spec after this tactic, given its spec so far, the mesh, its name, shape and dtype. */
    PartitionSpec apply(PartitionSpec current, Mesh mesh, String name, long[] shape, DType dtype);
  }

  /** One rule: parameters whose whole name matches {@code pattern} get {@code tactics}, in order. */
  public record Rule(Pattern pattern, List<Tactic> tactics) {
    /** Copies the tactics. */
    public Rule {
      tactics = ImmutableList.copyOf(tactics);
    }
  }

  private final List<Rule> rules;

  private ShardingRules(List<Rule> rules) {
    this.rules = ImmutableList.copyOf(rules);
  }

  /** No rules: everything replicated. */
  public static ShardingRules replicated() {
    return new ShardingRules(List.of());
  }

  /** Adds a rule after the existing ones (so with a lower priority). */
  public ShardingRules add(String regex, Tactic... tactics) {
    Pattern p;
    try {
      p = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("sharding rule requires a valid regex, got '" + regex + "': "
          + e.getDescription(), e);
    }
    List<Rule> next = new ArrayList<>(rules);
    next.add(new Rule(p, List.of(tactics)));
    return new ShardingRules(next);
  }

  /** The rules in priority order (first match wins); immutable. */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * The spec of parameter {@code name} of {@code shape} on {@code mesh}.
   *
   * @throws IllegalArgumentException naming the parameter when a tactic cannot apply
   */
  public PartitionSpec spec(String name, long[] shape, DType dtype, Mesh mesh) {
    PartitionSpec spec = PartitionSpec.replicated(shape.length);
    for (Rule r : rules) {
      if (r.pattern().matcher(name).matches()) {
        for (Tactic t : r.tactics()) {
          spec = t.apply(spec, mesh, name, shape.clone(), dtype);
        }
        break;
      }
    }
    new NamedSharding(mesh, spec).shardShape(shape); // divisible, or a clear error naming the sharding
    return spec;
  }

  /** big_vision's {@code replicate}: states that a parameter stays replicated (an error if a tactic sharded it). */
  public static Tactic replicate() {
    return (cur, mesh, name, shape, dtype) -> {
      if (!cur.isReplicated()) {
        throw new IllegalArgumentException("sharding rule 'replicate' requires a replicated parameter, got "
            + name + " with " + cur);
      }
      return cur;
    };
  }

  /**
   * big_vision's {@code fsdp(axis, min_size_to_shard_mb=4)}: shards the largest dimension that is divisible by the
   * size of {@code axes} (together) and not sharded yet; tensors of at most {@code minSizeToShardMb} MiB, or with no
   * such dimension, are left as they are.
   */
  public static Tactic fsdp(List<String> axes, double minSizeToShardMb) {
    List<String> a = List.copyOf(axes);
    return (cur, mesh, name, shape, dtype) -> {
      long axisSize = 1;
      for (String x : a) {
        axisSize *= mesh.axisSize(x);
      }
      long bytes = Arrays.stream(shape).reduce(1, Math::multiplyExact) * dtype.byteSize();
      if (bytes <= minSizeToShardMb * (1 << 20)) {
        return cur;
      }
      Integer[] order = new Integer[shape.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      // np.argsort(shape)[::-1]: largest first; among equal sizes, the later dimension first.
      Arrays.sort(order, Comparator.<Integer>comparingLong(i -> shape[i]).thenComparingInt(i -> i).reversed());
      for (int i : order) {
        if (shape[i] % axisSize == 0 && cur.dims().get(i).isEmpty()) {
          return cur.with(i, a);
        }
      }
      return cur;
    };
  }

  /** {@code fsdp} over one axis with big_vision's default {@code min_size_to_shard_mb=4}. */
  public static Tactic fsdp(String axis) {
    return fsdp(List.of(axis), 4);
  }

  /**
   * big_vision's {@code shard_dim(axis, dim)}: shards dimension {@code dim} (negative counts from the end) over
   * {@code axis}.
   */
  public static Tactic shardDim(String axis, int dim) {
    return (cur, mesh, name, shape, dtype) -> {
      if (Math.abs(dim) >= shape.length) { // as big_vision: np.abs(dim) >= len(cur_spec)
        throw new IllegalArgumentException("shard_dim(" + axis + ", " + dim + ") requires a dimension of " + name
            + " " + Arrays.toString(shape) + ", got " + dim);
      }
      int d = dim < 0 ? dim + shape.length : dim;
      if (!cur.dims().get(d).isEmpty()) {
        throw new IllegalArgumentException("shard_dim(" + axis + ", " + dim + ") requires an unsharded dimension, got "
            + name + " with " + cur);
      }
      mesh.axisSize(axis); // an unknown axis is an error naming the mesh's axes
      return cur.with(d, List.of(axis));
    };
  }
}
