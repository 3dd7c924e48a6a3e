package xla4j.hlo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-device ops (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#all_reduce">all_reduce</a>, <a href="https://openxla.org/stablehlo/spec#all_gather">all_gather</a>, <a href="https://openxla.org/stablehlo/spec#reduce_scatter">reduce_scatter</a>, <a href="https://openxla.org/stablehlo/spec#all_to_all">all_to_all</a>, <a href="https://openxla.org/stablehlo/spec#collective_permute">collective_permute</a>),
 * one record each, printed in the generic form with {@code replica_groups} as a dense i64 matrix and a
 * {@code #stablehlo.channel_handle} when {@code channelId > 0}.
 */
public final class Collectives {
  private Collectives() {}

  /** {@code dense<[[0, 1]]> : tensor<1x2xi64>}; a splat when all equal. */
  static String denseI64Matrix(long[][] m) {
    long cols = m.length == 0 ? 0 : m[0].length;
    boolean splat = m.length > 0 && cols > 0;
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < m.length; i++) {
      sb.append(i > 0 ? ", " : "").append(Shapes.list(m[i]));
      for (long v : m[i]) {
        splat &= v == m[0][0];
      }
    }
    sb.append(']');
    String body = splat ? Long.toString(m[0][0]) : sb.toString();
    return "dense<" + body + "> : tensor<" + m.length + "x" + cols + "xi64>";
  }

  static void checkGroups(String op, long[][] groups) {
    Shapes.check(groups.length > 0, "%s requires at least one replica group, got 0", op);
    for (long[] g : groups) {
      Shapes.check(g.length == groups[0].length, "%s requires replica groups of equal size, got %d and %d", op,
          groups[0].length, g.length);
    }
  }

  static void common(Map<String, String> p, long[][] groups, long channelId, boolean useGlobalDeviceIds) {
    if (channelId > 0) {
      p.put("channel_handle", "#stablehlo.channel_handle<handle = " + channelId + ", type = 1>");
    }
    p.put("replica_groups", denseI64Matrix(groups));
    if (useGlobalDeviceIds) {
      p.put("use_global_device_ids", null);
    }
  }

  static long[][] copy(long[][] m) {
    return java.util.Arrays.stream(m).map(long[]::clone).toArray(long[][]::new);
  }

  /** {@code stablehlo.all_reduce}: reduces across each replica group with a binary scalar body. */
  public record AllReduce(Value operand, long[][] replicaGroups, long channelId, boolean useGlobalDeviceIds,
      Region body, Value result) implements Operation {
    public AllReduce {
      replicaGroups = copy(replicaGroups);
    }

    public static AllReduce of(Value operand, long[][] groups, long channelId, boolean useGlobalDeviceIds, Region body) {
      checkGroups("all_reduce", groups);
      TensorType s = TensorType.scalar(operand.type().dtype());
      Regions.checkArguments("all_reduce", "body", body, List.of(s, s));
      Regions.checkReturns("all_reduce", "body", body, List.of(s));
      return new AllReduce(operand, groups, channelId, useGlobalDeviceIds, body, Value.of(operand.type()));
    }

    @Override
    public String name() {
      return "stablehlo.all_reduce";
    }

    @Override
    public List<Value> operands() {
      return List.of(operand);
    }

    @Override
    public List<Value> results() {
      return List.of(result);
    }

    @Override
    public List<Region> regions() {
      return List.of(body);
    }

    @Override
    public void print(MlirPrinter.OpWriter w) {
      Map<String, String> p = new LinkedHashMap<>();
      common(p, replicaGroups, channelId, useGlobalDeviceIds);
      w.generic(this, p);
    }
  }

  /** {@code stablehlo.all_gather}: concatenates the group's operands along {@code dimension}. */
  public record AllGather(Value operand, long dimension, long[][] replicaGroups, long channelId,
      boolean useGlobalDeviceIds, Value result) implements Operation {
    public AllGather {
      replicaGroups = copy(replicaGroups);
    }

    public static AllGather of(Value operand, int dimension, long[][] groups, long channelId, boolean useGlobalDeviceIds) {
      checkGroups("all_gather", groups);
      TensorType t = operand.type();
      Shapes.check(dimension >= 0 && dimension < t.rank(), "all_gather requires all_gather_dim to be in range [0, %d), got %d",
          t.rank(), dimension);
      long[] dims = t.dims();
      dims[dimension] *= groups[0].length;
      return new AllGather(operand, dimension, groups, channelId, useGlobalDeviceIds, Value.of(t.withDims(dims)));
    }

    @Override
    public String name() {
      return "stablehlo.all_gather";
    }

    @Override
    public List<Value> operands() {
      return List.of(operand);
    }

    @Override
    public List<Value> results() {
      return List.of(result);
    }

    @Override
    public void print(MlirPrinter.OpWriter w) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("all_gather_dim", dimension + " : i64");
      common(p, replicaGroups, channelId, useGlobalDeviceIds);
      w.generic(this, p);
    }
  }

  /** {@code stablehlo.reduce_scatter}: reduces across the group, each member keeping one slice of {@code dimension}. */
  public record ReduceScatter(Value operand, long dimension, long[][] replicaGroups, long channelId,
      boolean useGlobalDeviceIds, Region body, Value result) implements Operation {
    public ReduceScatter {
      replicaGroups = copy(replicaGroups);
    }

    public static ReduceScatter of(Value operand, int dimension, long[][] groups, long channelId,
        boolean useGlobalDeviceIds, Region body) {
      checkGroups("reduce_scatter", groups);
      TensorType t = operand.type();
      Shapes.check(dimension >= 0 && dimension < t.rank(),
          "reduce_scatter requires scatter_dimension to be in range [0, %d), got %d", t.rank(), dimension);
      long n = groups[0].length;
      Shapes.check(t.dim(dimension) % n == 0,
          "reduce_scatter requires the scatter dimension to be divisible by the group size, got %d and %d",
          t.dim(dimension), n);
      TensorType s = TensorType.scalar(t.dtype());
      Regions.checkArguments("reduce_scatter", "body", body, List.of(s, s));
      Regions.checkReturns("reduce_scatter", "body", body, List.of(s));
      long[] dims = t.dims();
      dims[dimension] /= n;
      return new ReduceScatter(operand, dimension, groups, channelId, useGlobalDeviceIds, body,
          Value.of(t.withDims(dims)));
    }

    @Override
    public String name() {
      return "stablehlo.reduce_scatter";
    }

    @Override
    public List<Value> operands() {
      return List.of(operand);
    }

    @Override
    public List<Value> results() {
      return List.of(result);
    }

    @Override
    public List<Region> regions() {
      return List.of(body);
    }

    @Override
    public void print(MlirPrinter.OpWriter w) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("scatter_dimension", dimension + " : i64");
      common(p, replicaGroups, channelId, useGlobalDeviceIds);
      w.generic(this, p);
    }
  }

  /** {@code stablehlo.all_to_all}: splits {@code splitDimension} into {@code splitCount} parts, exchanges, concatenates. */
  public record AllToAll(Value operand, long splitDimension, long concatDimension, long splitCount,
      long[][] replicaGroups, long channelId, Value result) implements Operation {
    public AllToAll {
      replicaGroups = copy(replicaGroups);
    }

    public static AllToAll of(Value operand, int splitDimension, int concatDimension, long[][] groups, long channelId) {
      checkGroups("all_to_all", groups);
      TensorType t = operand.type();
      long n = groups[0].length;
      Shapes.check(splitDimension >= 0 && splitDimension < t.rank() && concatDimension >= 0 && concatDimension < t.rank(),
          "all_to_all requires split and concat dimensions in range [0, %d), got %d and %d", t.rank(), splitDimension,
          concatDimension);
      Shapes.check(t.dim(splitDimension) % n == 0,
          "all_to_all requires the split dimension to be divisible by split_count, got %d and %d",
          t.dim(splitDimension), n);
      long[] dims = t.dims();
      dims[splitDimension] /= n;
      dims[concatDimension] *= n;
      return new AllToAll(operand, splitDimension, concatDimension, n, groups, channelId, Value.of(t.withDims(dims)));
    }

    @Override
    public String name() {
      return "stablehlo.all_to_all";
    }

    @Override
    public List<Value> operands() {
      return List.of(operand);
    }

    @Override
    public List<Value> results() {
      return List.of(result);
    }

    @Override
    public void print(MlirPrinter.OpWriter w) {
      Map<String, String> p = new LinkedHashMap<>();
      if (channelId > 0) {
        p.put("channel_handle", "#stablehlo.channel_handle<handle = " + channelId + ", type = 1>");
      }
      p.put("concat_dimension", concatDimension + " : i64");
      p.put("replica_groups", denseI64Matrix(replicaGroups));
      p.put("split_count", splitCount + " : i64");
      p.put("split_dimension", splitDimension + " : i64");
      w.generic(this, p);
    }
  }

  /** {@code stablehlo.collective_permute}: sends each source's operand to its target; non-targets get zeros. */
  public record CollectivePermute(Value operand, long[][] sourceTargetPairs, long channelId, Value result)
      implements Operation {
    public CollectivePermute {
      sourceTargetPairs = copy(sourceTargetPairs);
    }

    public static CollectivePermute of(Value operand, long[][] pairs, long channelId) {
      Shapes.check(pairs.length > 0, "collective_permute requires at least one source-target pair, got 0");
      java.util.Set<Long> sources = new java.util.HashSet<>();
      java.util.Set<Long> targets = new java.util.HashSet<>();
      for (long[] p : pairs) {
        Shapes.check(p.length == 2, "collective_permute requires (source, target) pairs, got %s", Shapes.tuple(p));
        Shapes.check(sources.add(p[0]), "collective_permute requires unique sources, got %d twice", p[0]);
        Shapes.check(targets.add(p[1]), "collective_permute requires unique targets, got %d twice", p[1]);
      }
      return new CollectivePermute(operand, pairs, channelId, Value.of(operand.type()));
    }

    @Override
    public String name() {
      return "stablehlo.collective_permute";
    }

    @Override
    public List<Value> operands() {
      return List.of(operand);
    }

    @Override
    public List<Value> results() {
      return List.of(result);
    }

    @Override
    public void print(MlirPrinter.OpWriter w) {
      Map<String, String> p = new LinkedHashMap<>();
      if (channelId > 0) {
        p.put("channel_handle", "#stablehlo.channel_handle<handle = " + channelId + ", type = 1>");
      }
      p.put("source_target_pairs", denseI64Matrix(sourceTargetPairs));
      w.generic(this, p);
    }
  }
}
