package xla4j.dsl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import xla4j.array.DType;

/**
 * Built-in sample graphs (for {@code emit} and the printer goldens in {@code hlo/goldens}): an MLP, a bf16
 * attention block, its 2-way sharded versions (Shardy and GSPMD), control flow, and SPMD collectives.
 */
public final class Samples {
  private Samples() {}

  /** Sample name to builder, in a stable order. */
  public static Map<String, Supplier<Graph>> all() {
    Map<String, Supplier<Graph>> m = new LinkedHashMap<>();
    m.put("mlp_f32", Samples::mlp);
    m.put("attention_bf16", () -> attention(null, false));
    m.put("attention_bf16_sharded_shardy", () -> attention(Mesh.of("x", 2), false));
    m.put("attention_bf16_sharded_gspmd", () -> attention(Mesh.of("x", 2), true));
    m.put("control_flow", Samples::controlFlow);
    m.put("collectives", Samples::collectives);
    m.put("shard_map_collectives", Samples::shardMapCollectives);
    return m;
  }

  /** {@code gelu(x @ w1 + b1) @ w2 + b2}, batch 4, 16 -> 32 -> 8, then softmax. */
  public static Graph mlp() {
    Graph g = new Graph("mlp_f32");
    Tensor x = g.parameter("x", Shape.of(DType.F32, 4, 16));
    Tensor w1 = g.parameter("w1", Shape.of(DType.F32, 16, 32));
    Tensor b1 = g.parameter("b1", Shape.of(DType.F32, 32));
    Tensor w2 = g.parameter("w2", Shape.of(DType.F32, 32, 8));
    Tensor b2 = g.parameter("b2", Shape.of(DType.F32, 8));
    Tensor h = Composites.gelu(x.matmul(w1).add(b1), false);
    g.output("probs", Composites.softmax(h.matmul(w2).add(b2), -1));
    return g;
  }

  /**
   * Pre-LN self-attention block with bf16 inputs (B=4, T=8, D=16, N=2 heads of H=8), accumulating the attention
   * logits in f32. With a mesh, the batch is split over axis "x" and the weights are replicated.
   */
  public static Graph attention(Mesh mesh, boolean gspmd) {
    String name = mesh == null ? "attention_bf16" : gspmd ? "attention_bf16_sharded_gspmd" : "attention_bf16_sharded_shardy";
    Graph g = new Graph(name, mesh, gspmd);
    PartitionSpec batch = mesh == null ? null : PartitionSpec.of("x", null, null);
    PartitionSpec rep3 = mesh == null ? null : PartitionSpec.replicated(3);
    PartitionSpec rep1 = mesh == null ? null : PartitionSpec.replicated(1);
    Tensor x = g.parameter("x", Shape.of(DType.BF16, 4, 8, 16), batch);
    Tensor scale = g.parameter("ln/scale", Shape.of(DType.BF16, 16), rep1);
    Tensor bias = g.parameter("ln/bias", Shape.of(DType.BF16, 16), rep1);
    Tensor wq = g.parameter("query/kernel", Shape.of(DType.BF16, 16, 2, 8), rep3);
    Tensor wk = g.parameter("key/kernel", Shape.of(DType.BF16, 16, 2, 8), rep3);
    Tensor wv = g.parameter("value/kernel", Shape.of(DType.BF16, 16, 2, 8), rep3);
    Tensor wo = g.parameter("out/kernel", Shape.of(DType.BF16, 2, 8, 16), rep3);
    Tensor y = Composites.layerNorm(x.convert(DType.F32), scale.convert(DType.F32), bias.convert(DType.F32), 1e-6)
        .convert(DType.BF16);
    if (mesh != null) {
      y = y.shard(batch);
    }
    Tensor q = Ops.einsum("btd,dnh->btnh", y, wq).div(Math.sqrt(8));
    Tensor k = Ops.einsum("btd,dnh->btnh", y, wk);
    Tensor v = Ops.einsum("btd,dnh->btnh", y, wv);
    Tensor logits = Ops.dotGeneral(q, k).batch(new int[] {0, 2}, new int[] {0, 2}).contract(new int[] {3}, new int[] {3})
        .resultType(DType.F32).build(); // b n q k
    Tensor probs = Composites.softmax(logits, -1).convert(DType.BF16);
    Tensor out = Ops.einsum("bnqk,bknh->bqnh", probs, v);
    g.output("y", x.add(Ops.einsum("bqnh,nhd->bqd", out, wo)), batch);
    return g;
  }

  /** A counted loop with a conditional inside: doubles x n times, then negates it if its sum is negative. */
  public static Graph controlFlow() {
    Graph g = new Graph("control_flow");
    Tensor x = g.parameter("x", Shape.of(DType.F32, 3));
    Tensor n = g.parameter("n", Shape.scalar(DType.S32));
    List<Tensor> loop = g.whileLoop(List.of(g.scalar(0, DType.S32), x), s -> s.get(0).lt(n),
        s -> List.of(s.get(0).add(1), s.get(1).mul(2)));
    Tensor r = loop.get(1);
    Tensor flipped = g.cond(r.sum().lt(0), () -> List.of(r.neg()), () -> List.of(r)).get(0);
    g.output("y", flipped);
    g.output("steps", loop.get(0));
    return g;
  }

  /** Collectives over 2 replicas. */
  public static Graph collectives() {
    Graph g = Graph.withReplicas("collectives", 2);
    Tensor x = g.parameter("x", Shape.of(DType.F32, 4, 2));
    long[][] both = {{0, 1}};
    g.output("all_reduce", Ops.allReduce(x, Reducer.SUM, both));
    g.output("all_gather", Ops.allGather(x, 0, both));
    g.output("reduce_scatter", Ops.reduceScatter(x, Reducer.MAX, 0, both));
    g.output("all_to_all", Ops.allToAll(x, 0, 1, both));
    g.output("collective_permute", Ops.collectivePermute(x, new long[][] {{0, 1}, {1, 0}}));
    return g;
  }

  /**
   * {@code shard_map} over a 2x2 mesh (data, model): a local matmul, then psum, all_gather, all_to_all, ppermute,
   * psum_scatter and pmax by mesh-axis name (the same program as tools/dsl_goldens.py's shard_map_collectives).
   */
  public static Graph shardMapCollectives() {
    Graph g = new Graph("shard_map_collectives", Mesh.of("data", 2, "model", 2), false);
    PartitionSpec xs = PartitionSpec.of("data", "model");
    PartitionSpec ws = PartitionSpec.of("model", null);
    Tensor x = g.parameter("x", Shape.of(DType.F32, 4, 8), xs);
    Tensor w = g.parameter("w", Shape.of(DType.F32, 8, 4), ws);
    List<PartitionSpec> outSpecs = List.of(PartitionSpec.of("data", null), PartitionSpec.of(null, "model"),
        PartitionSpec.of("data", "model"), PartitionSpec.of("data", "model"), PartitionSpec.of("data", "model"),
        PartitionSpec.replicated(2));
    List<Tensor> r = g.shardMap(List.of(x, w), List.of(xs, ws), outSpecs, a -> {
      Tensor y = a.get(0).matmul(a.get(1));
      return List.of(Ops.psum(y, "model"), Ops.allGather(a.get(0), 0, "data"), Ops.allToAll(y, 0, 1, "model"),
          Ops.ppermute(a.get(0), "data", new long[][] {{0, 1}, {1, 0}}), Ops.psumScatter(y, 1, "model"),
          Ops.allReduce(a.get(0), Reducer.MAX, "data", "model"));
    });
    for (int i = 0; i < r.size(); i++) {
      g.output("out" + i, r.get(i), outSpecs.get(i));
    }
    return g;
  }
}
