package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * How a tensor is split over a mesh: for each dimension, the mesh axes (major to minor) it is sharded
 * over; an empty list means replicated along that dimension. Printed as Shardy
 * ({@code #sdy.sharding<@mesh, [{"x"}, {}]>}) or as a GSPMD {@code mhlo.sharding} string
 * ({@code {devices=[2,1]<=[2]}}).
 */
public record Sharding(MeshDecl mesh, List<List<String>> dimAxes) {
  public Sharding {
    dimAxes = dimAxes.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList());
    Set<String> used = new HashSet<>();
    for (List<String> axes : dimAxes) {
      for (String a : axes) {
        mesh.axis(a);
        Shapes.check(used.add(a), "sharding requires each mesh axis at most once, got '%s' twice in %s", a, dimAxes);
      }
    }
  }

  /** Checks that this sharding fits a tensor type: same rank and each sharded dim divisible. */
  public void checkFits(String op, TensorType type) {
    Shapes.check(dimAxes.size() == type.rank(),
        "%s requires a sharding with one entry per dimension, got %d entries for %s", op, dimAxes.size(),
        type.shortString());
    for (int d = 0; d < dimAxes.size(); d++) {
      long parts = 1;
      for (String a : dimAxes.get(d)) {
        parts *= mesh.axis(a).size();
      }
      Shapes.check(type.dim(d) % parts == 0,
          "%s requires sharded dimensions to be divisible by the number of shards, got dimension %d of size %d"
              + " split %d ways in %s", op, d, type.dim(d), parts, type.shortString());
    }
  }

  /** {@code <@mesh, [{"x"}, {}]>} as it appears after {@code #sdy.sharding} or in a constraint. */
  public String shardyBody() {
    StringJoiner dims = new StringJoiner(", ", "[", "]");
    for (List<String> axes : dimAxes) {
      StringJoiner j = new StringJoiner(", ", "{", "}");
      for (String a : axes) {
        j.add(Attr.quote(a));
      }
      dims.add(j.toString());
    }
    return "<@" + mesh.name() + ", " + dims + ">";
  }

  /** {@code #sdy.sharding<@mesh, [{"x"}, {}]>}. */
  public Attr shardy() {
    return Attr.raw("#sdy.sharding" + shardyBody());
  }

  /**
   * GSPMD sharding string, e.g. {@code {devices=[2,1]<=[2]}}, {@code {replicated}}, or with
   * {@code last_tile_dim_replicate} when some mesh axes are unused. Device order is the mesh's
   * row-major order, transposed so each dimension's axes come first.
   */
  public String gspmd() {
    List<String> all = mesh.axisNames();
    List<String> usedOrder = new java.util.ArrayList<>();
    long[] tiles = new long[dimAxes.size()];
    boolean any = false;
    for (int d = 0; d < dimAxes.size(); d++) {
      tiles[d] = 1;
      for (String a : dimAxes.get(d)) {
        tiles[d] *= mesh.axis(a).size();
        usedOrder.add(a);
        any = true;
      }
    }
    if (!any) {
      return "{replicated}";
    }
    long replicated = 1;
    List<String> unused = new java.util.ArrayList<>();
    for (String a : all) {
      if (!usedOrder.contains(a)) {
        replicated *= mesh.axis(a).size();
        unused.add(a);
      }
    }
    StringJoiner t = new StringJoiner(",", "[", "]");
    for (long x : tiles) {
      t.add(Long.toString(x));
    }
    if (replicated > 1) {
      t.add(Long.toString(replicated));
    }
    List<String> order = new java.util.ArrayList<>(usedOrder);
    order.addAll(unused);
    StringBuilder sb = new StringBuilder("{devices=").append(t);
    int[] perm = order.stream().mapToInt(all::indexOf).toArray();
    boolean identity = true;
    for (int i = 0; i < perm.length; i++) {
      identity &= perm[i] == i;
    }
    if (identity) {
      // XLA's canonical form: devices in mesh order, <=[n]. (It misreads <=[2,2] without a transpose.)
      sb.append("<=[").append(mesh.numDevices()).append(']');
    } else {
      StringJoiner dims = new StringJoiner(",", "<=[", "]");
      for (String a : all) {
        dims.add(Long.toString(mesh.axis(a).size()));
      }
      StringJoiner p = new StringJoiner(",", "T(", ")");
      for (int x : perm) {
        p.add(Integer.toString(x));
      }
      sb.append(dims).append(p);
    }
    if (replicated > 1) {
      sb.append(" last_tile_dim_replicate");
    }
    return sb.append('}').toString();
  }
}
