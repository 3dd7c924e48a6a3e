package xla4j.dsl;

import java.util.Arrays;
import java.util.List;
import xla4j.hlo.Sharding;

/**
 * A {@link PartitionSpec} over a {@link Mesh}, as {@code jax.sharding.NamedSharding}: the one sharding model of
 * xla4j. Partition {@code p} sits at the mesh coordinates of {@code p} in row-major order over the mesh axes (the
 * order in which a runtime assigns devices to partitions); {@link #lower()} gives the IR attribute printed as
 * Shardy or GSPMD. Immutable.
 *
 * @param mesh the named mesh axes
 * @param spec per array dimension, the mesh axes it is split over
 */
public record NamedSharding(Mesh mesh, PartitionSpec spec) {
  /**
   * Checks that both are given and that the spec uses only the mesh's axes, each at most once; throws {@code
   * IllegalArgumentException} otherwise.
   */
  public NamedSharding {
    if (mesh == null || spec == null) {
      throw new IllegalArgumentException("NamedSharding requires a mesh and a partition spec, got " + mesh + " and "
          + spec);
    }
    spec.toSharding(mesh); // checks the axes: known, each used at most once
  }

  /** Every dimension replicated. */
  public static NamedSharding replicated(Mesh mesh, int rank) {
    return new NamedSharding(mesh, PartitionSpec.replicated(rank));
  }

  /** The IR form ({@code #sdy.sharding} / {@code mhlo.sharding}). */
  public Sharding lower() {
    return spec.toSharding(mesh);
  }

  /** Number of partitions (devices) of the mesh. */
  public int numPartitions() {
    return Math.toIntExact(mesh.numDevices());
  }

  /** Whether every partition holds the whole array. */
  public boolean isFullyReplicated() {
    return spec.dims().stream().allMatch(List::isEmpty);
  }

  /** Number of pieces dimension {@code d} is split into. */
  public long splits(int d) {
    long n = 1;
    for (String a : spec.dims().get(d)) {
      n *= mesh.axisSize(a);
    }
    return n;
  }

  /**
   * The shape each partition holds of a global array of shape {@code global}, as
   * {@code NamedSharding.shard_shape}.
   *
   * @throws IllegalArgumentException for another rank or a dimension not divisible by its number of pieces
   */
  public long[] shardShape(long[] global) {
    checkRank(global);
    long[] s = global.clone();
    for (int d = 0; d < s.length; d++) {
      long k = splits(d);
      if (s[d] % k != 0) {
        throw new IllegalArgumentException("sharding " + this + " requires dimension " + d + " of "
            + Arrays.toString(global) + " to be divisible by " + k + ", got " + s[d]);
      }
      s[d] /= k;
    }
    return s;
  }

  /** Where partition {@code p}'s block of a global array of shape {@code global} starts, per dimension. */
  public long[] shardStart(int p, long[] global) {
    long[] shape = shardShape(global);
    if (p < 0 || p >= numPartitions()) {
      throw new IllegalArgumentException("sharding " + this + " requires a partition in [0, " + numPartitions()
          + "), got " + p);
    }
    long[] coords = coordinates(p);
    List<String> names = mesh.decl().axisNames();
    long[] start = new long[shape.length];
    for (int d = 0; d < shape.length; d++) {
      long index = 0;
      for (String a : spec.dims().get(d)) {
        index = index * mesh.axisSize(a) + coords[names.indexOf(a)];
      }
      start[d] = index * shape[d];
    }
    return start;
  }

  /** Mesh coordinates of partition {@code p} (row-major over the axes). */
  private long[] coordinates(int p) {
    List<String> names = mesh.decl().axisNames();
    long[] c = new long[names.size()];
    long rest = p;
    for (int i = names.size() - 1; i >= 0; i--) {
      long size = mesh.axisSize(names.get(i));
      c[i] = rest % size;
      rest /= size;
    }
    return c;
  }

  private void checkRank(long[] shape) {
    if (shape.length != spec.dims().size()) {
      throw new IllegalArgumentException("sharding " + this + " requires an array of rank " + spec.dims().size()
          + ", got shape " + Arrays.toString(shape));
    }
  }

  /** {@code NamedSharding(mesh=<["data"=2]>, spec=PartitionSpec('data', None))}. */
  @Override
  public String toString() {
    return "NamedSharding(mesh=" + mesh.shape() + ", spec=" + spec + ")";
  }
}
