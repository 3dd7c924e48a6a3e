package xla4j.dsl;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import xla4j.hlo.Sharding;

/**
 * Per-dimension mesh axes, as {@code jax.sharding.PartitionSpec}: {@code PartitionSpec.of("data", null)}
 * shards dim 0 over "data" and replicates dim 1; a {@code String[]} entry shards one dim over several axes.
 */
public final class PartitionSpec {
  private final List<List<String>> dims;

  private PartitionSpec(List<List<String>> dims) {
    this.dims = dims;
  }

  /** Each entry: null (replicated), an axis name, or a {@code String[]} / {@code List<String>} of axis names. */
  public static PartitionSpec of(Object... entries) {
    List<List<String>> dims = new ArrayList<>();
    for (Object e : entries) {
      if (e == null) {
        dims.add(List.of());
      } else if (e instanceof String) {
        dims.add(List.of((String) e));
      } else if (e instanceof String[]) {
        dims.add(List.of((String[]) e));
      } else if (e instanceof List<?>) {
        List<String> axes = new ArrayList<>();
        for (Object a : (List<?>) e) {
          axes.add((String) a);
        }
        dims.add(axes);
      } else {
        throw new IllegalArgumentException("partition spec entries must be null, a String or String[], got " + e);
      }
    }
    return new PartitionSpec(dims.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList()));
  }

  /** Fully replicated for a tensor of the given rank. */
  public static PartitionSpec replicated(int rank) {
    return of(new Object[rank]);
  }

  /** Per array dimension, the mesh axes it is split over (empty: not split); immutable. */
  public List<List<String>> dims() {
    return dims;
  }

  /** The rank this spec is for. */
  public int rank() {
    return dims.size();
  }

  /** Whether no dimension is split. */
  public boolean isReplicated() {
    return dims.stream().allMatch(List::isEmpty);
  }

  /** This spec with dimension {@code dim} split over {@code axes} (replacing what it had). */
  public PartitionSpec with(int dim, List<String> axes) {
    List<List<String>> copy = new ArrayList<>(dims);
    copy.set(dim, ImmutableList.copyOf(axes));
    return new PartitionSpec(ImmutableList.copyOf(copy));
  }

  Sharding toSharding(Mesh mesh) {
    return new Sharding(mesh.decl(), dims);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartitionSpec && ((PartitionSpec) o).dims.equals(dims);
  }

  @Override
  public int hashCode() {
    return dims.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("PartitionSpec(");
    for (int i = 0; i < dims.size(); i++) {
      List<String> d = dims.get(i);
      sb.append(i > 0 ? ", " : "").append(d.isEmpty() ? "None" : d.size() == 1 ? "'" + d.get(0) + "'" : d.toString());
    }
    return sb.append(')').toString();
  }
}
