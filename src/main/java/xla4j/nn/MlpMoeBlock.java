package xla4j.nn;

import java.util.Map;
import xla4j.array.DType;
import xla4j.dsl.Composites;
import xla4j.dsl.Graph;
import xla4j.dsl.Ops;
import xla4j.dsl.PartitionSpec;
import xla4j.dsl.Shape;
import xla4j.dsl.Tensor;

/**
 * vmoe's sparse mixture of MLP experts ({@code vmoe/nn/vit_moe.py} {@code MlpMoeBlock}) at inference, with the
 * deterministic {@code NoisyTopExpertsPerItemRouter} ({@code vmoe/nn/routing.py}) and the Top-Experts-Per-Item
 * dispatchers of {@code vmoe/moe.py}.
 *
 * <p>The tokens are split into groups of {@code group_size} consecutive tokens, routed independently: the router
 * {@code Router/dense} (kernel (D, E), no bias) gives logits, their softmax over experts gives the gates, each token
 * picks its {@code k} largest gates ({@code lax.top_k}: ties to the lower expert id; the gates are not
 * renormalised), and each expert takes at most {@code capacity} tokens per group, by priority: every first choice
 * before any second choice; within a rank, token order, or with batch-priority routing descending max gate (stable).
 * A choice beyond capacity is dropped; a token all of whose choices are dropped gets 0 (its residual passes).
 * Output: the sum over kept choices of gate times the expert's MLP ({@code Mlp}, as {@link MlpBlock}, with kernels
 * stacked over experts).
 *
 * <p>Axis letters: G groups, S tokens per group, E experts, C capacity, K selected experts, D width, M MLP width.
 * Every shape is static. Dispatch and combine are either one-hot einsums ({@code GSEC,GSD->EGCD} and
 * {@code GSEC,EGCD->GSD}, vmoe's {@code EinsumDispatcher}) or gathers by (expert, slot) index; see
 * {@link Implementation}. The drop counts come out beside the output.
 */
public final class MlpMoeBlock {
  private MlpMoeBlock() {}

  /** How tokens reach their experts and come back; both give the same values. */
  public enum Implementation {
    /**
     * vmoe's {@code EinsumDispatcher}: one-hot einsums to and from the (E, G*C, D) buffers, and one batched einsum
     * over all experts' kernels: what a partitioner splits by expert (used on a mesh with an expert axis).
     */
    EINSUM,
    /**
     * vmoe's {@code ExpertIndicesDispatcher} idea: gathers to and from the buffers, and a loop over the experts of
     * plain matmuls; on one XLA:CPU device several times faster than {@link #EINSUM}, whose batched dots and
     * (G*S) x (E*C) products dominate there (see benchmarks/README.md).
     */
    INDICES
  }

  /**
   * How tokens are routed, with vmoe's option names.
   *
   * @param numExperts E, {@code num_experts}
   * @param numSelectedExperts k, the router's {@code num_selected_experts}
   * @param capacityFactor the dispatcher's {@code capacity_factor}: see {@link #computeCapacity}
   * @param batchPriority the dispatcher's {@code batch_priority}: within a rank, tokens with a larger max gate first
   * @param groupSize tokens per routing group, {@code group_size}
   * @param bfloat16 the dispatcher's {@code bfloat16}: dispatched and combined data rounded to bf16
   */
  public record Routing(int numExperts, int numSelectedExperts, double capacityFactor, boolean batchPriority,
      long groupSize, boolean bfloat16) {
    /** Checks the options; throws {@code IllegalArgumentException} naming the first bad one. */
    public Routing {
      if (numExperts < 1) {
        throw new IllegalArgumentException("MoE requires num_experts >= 1, got " + numExperts);
      }
      if (numSelectedExperts < 1 || numSelectedExperts > numExperts) {
        throw new IllegalArgumentException("MoE requires 1 <= k <= num_experts, got k=" + numSelectedExperts
            + " and num_experts=" + numExperts);
      }
      if (!(capacityFactor > 0) || Double.isInfinite(capacityFactor)) {
        throw new IllegalArgumentException("MoE requires a finite capacity_factor > 0, got " + capacityFactor);
      }
      if (groupSize < 1) {
        throw new IllegalArgumentException("MoE requires group_size >= 1 token, got " + groupSize);
      }
    }

    /** The expert capacity C of one group: {@link #computeCapacity}{@code (groupSize * k, E, capacityFactor)}. */
    public int capacity() {
      return computeCapacity(groupSize * numSelectedExperts, numExperts, capacityFactor);
    }
  }

  /**
   * vmoe's {@code compute_capacity} (ceil, {@code multiple_of=4}): {@code ceil(numTokens * capacityFactor /
   * numExperts)}, then rounded up to a multiple of 4; {@code numTokens} is a group's tokens times k.
   *
   * @throws IllegalArgumentException when the ceiling is below 1 (as vmoe), or the capacity overflows an int
   */
  public static int computeCapacity(long numTokens, int numExperts, double capacityFactor) {
    double c = Math.ceil(numTokens * capacityFactor / numExperts);
    if (!(c >= 1)) {
      throw new IllegalArgumentException("MoE capacity requires ceil(num_tokens * capacity_factor / num_experts) >= 1, "
          + "got num_tokens=" + numTokens + ", num_experts=" + numExperts + " and capacity_factor=" + capacityFactor
          + " (capacity " + (long) c + ")");
    }
    if (c > Integer.MAX_VALUE - 4) {
      throw new IllegalArgumentException("MoE capacity requires a capacity below 2^31, got " + c);
    }
    int capacity = (int) c;
    return capacity + Math.floorMod(-capacity, 4);
  }

  /**
   * vmoe's Top-Experts-Per-Item dispatcher for gates (G, S, E): where each kept (token, expert) choice goes in that
   * expert's buffer, and with which weight its output comes back; both as vmoe's {@code EinsumDispatcher} (one-hot
   * (G, S, E, C) weights) and as its {@code ExpertIndicesDispatcher} ((expert, slot) per choice).
   *
   * @param dispatchWeights (G, S, E, C), 1 where token s of group g takes slot c of expert e (the gates' dtype)
   * @param combineWeights (G, S, E, C), the gate at those places, 0 elsewhere
   * @param expertIndex s32 (G, S, K): each token's chosen experts, largest gate first
   * @param slotIndex s32 (G, S, K): the buffer slot each choice got; {@code >= C} when it was dropped
   * @param topGates (G, S, K): the chosen experts' gates
   * @param droppedChoices s32 (K,): how many r-th choices (over all groups) found their expert full
   * @param droppedTokens s32 scalar: how many tokens had all their choices dropped
   */
  public record Dispatcher(Tensor dispatchWeights, Tensor combineWeights, Tensor expertIndex, Tensor slotIndex,
      Tensor topGates, Tensor droppedChoices, Tensor droppedTokens) {
    /** Groups (G). */
    public long groups() {
      return dispatchWeights.dim(0);
    }

    /** Experts (E). */
    public long experts() {
      return dispatchWeights.dim(2);
    }

    /** The capacity C of each expert per group. */
    public long capacity() {
      return dispatchWeights.dim(3);
    }

    /** (G, S, D) to the experts' buffers (E, G*C, D) by a one-hot einsum; empty slots hold zeros. */
    public Tensor dispatch(Tensor x) {
      Tensor d = Ops.einsum("GSEC,GSD->EGCD", dispatchWeights.convert(x.dtype()), x);
      return d.reshape(experts(), groups() * capacity(), x.dim(-1));
    }

    /** The experts' outputs (E, G*C, D) back to (G, S, D) by a one-hot einsum weighted by the gates. */
    public Tensor combine(Tensor y) {
      Tensor e = y.reshape(experts(), groups(), capacity(), y.dim(-1));
      return Ops.einsum("GSEC,EGCD->GSD", combineWeights.convert(y.dtype()), e);
    }

    /**
     * As {@link #dispatch}, by gathering each slot's token (its index found from the one-hot weights): no
     * (G*S) x (E*C) product; empty slots hold zeros.
     */
    public Tensor dispatchByIndex(Tensor x) {
      long g = groups();
      long s = x.dim(1);
      long d = x.dim(2);
      Graph graph = x.graph();
      Tensor w = dispatchWeights.convert(DType.F32);
      Tensor tokens = graph.iota(Shape.of(DType.F32, s), 0);
      Tensor token = Ops.einsum("GSEC,S->GEC", w, tokens);                         // the slot's token, if any
      Tensor filled = w.sum(1);                                                     // (G, E, C): 1 or 0
      Tensor base = graph.iota(Shape.of(DType.F32, g, experts(), capacity()), 0).mul((double) s);
      Tensor rows = token.add(base).convert(DType.S32);
      Tensor picked = Ops.take(x.reshape(g * s, d), rows);                          // (G, E, C, D)
      picked = picked.mul(filled.convert(x.dtype()).reshape(g, experts(), capacity(), 1)
          .broadcastTo(g, experts(), capacity(), d));
      return picked.transpose(1, 0, 2, 3).reshape(experts(), g * capacity(), d);
    }

    /** As {@link #combine}, by gathering each kept choice's output row and summing them weighted by their gates. */
    public Tensor combineByIndex(Tensor y) {
      long g = groups();
      long s = expertIndex.dim(1);
      long k = expertIndex.dim(2);
      long c = capacity();
      long d = y.dim(-1);
      Graph graph = y.graph();
      Tensor kept = slotIndex.lt((double) c);
      Tensor slot = Ops.select(kept, slotIndex, slotIndex.mul(0.0));
      Tensor group = graph.iota(Shape.of(DType.S32, g, s, k), 0);
      Tensor rows = expertIndex.mul((double) (g * c)).add(group.mul((double) c)).add(slot);
      Tensor picked = Ops.take(y.reshape(experts() * g * c, d), rows);               // (G, S, K, D)
      Tensor weight = Ops.select(kept, topGates, topGates.mul(0.0)).convert(y.dtype());
      return picked.mul(weight.reshape(g, s, k, 1).broadcastTo(g, s, k, d)).sum(2);
    }
  }

  /**
   * Routes gates (G, S, E) (softmax probabilities) to at most {@code k} experts per token with {@code capacity} slots
   * per expert and group, as vmoe's {@code _get_top_experts_per_item_common} and einsum dispatcher: top-k per token
   * (ties to the lower expert id), buffer slots given by a running count over the choices in priority order (all first
   * choices, then all second choices, ...; within a rank by token order, or with {@code batchPriority} by descending
   * first gate, stable), a slot at or beyond {@code capacity} dropped.
   */
  public static Dispatcher topExpertsPerItem(Tensor gates, int k, int capacity, boolean batchPriority) {
    if (gates.rank() != 3) {
      throw new IllegalArgumentException("MoE routing requires gates of rank 3 (G, S, E), got " + gates.shape());
    }
    long g = gates.dim(0);
    long s = gates.dim(1);
    int e = Math.toIntExact(gates.dim(2));
    if (k < 1 || k > e) {
      throw new IllegalArgumentException("MoE routing requires 1 <= k <= num_experts, got k=" + k
          + " and num_experts=" + e);
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("MoE routing requires capacity >= 1, got " + capacity);
    }
    Tensor[] top = topK(gates, k);                       // (G, S, K) gates and s32 expert ids
    Tensor expertIndex = top[1];
    Tensor perm = null;
    if (batchPriority) {
      // Tokens by descending first (largest) gate, stably: jnp.argsort(-combine_weights[:, 0]).
      perm = Ops.argsort(top[0].slice(2, 0, 1).reshape(g, s).neg(), 1);
      expertIndex = Ops.takeAlongAxis(expertIndex, broadcastTokens(perm, g, s, k), 1);
    }
    // (G, K*S): rank-major, so that every first choice comes before any second choice.
    Tensor flat = expertIndex.transpose(0, 2, 1).reshape(g, k * s);
    Tensor oneHot = Composites.oneHot(flat, e, DType.S32);                 // (G, K*S, E)
    Tensor position = Ops.cumsum(oneHot, 1).mul(oneHot).sub(1.0);
    Tensor bufferIndex = position.reshape(g, k, s, e).transpose(0, 2, 1, 3);  // (G, S, K, E), -1 where not chosen
    if (batchPriority) {
      Tensor inverse = Ops.argsort(perm, 1);
      bufferIndex = Ops.takeAlongAxis(bufferIndex, inverse.reshape(g, s, 1, 1).broadcastTo(g, s, k, e), 1);
    }
    Tensor slot = bufferIndex.max(2);                                            // (G, S, E)
    Tensor dispatch = Composites.oneHot(slot, capacity, gates.dtype());          // (G, S, E, C)
    Tensor combine = dispatch.mul(gates.reshape(g, s, e, 1).broadcastTo(g, s, e, capacity));
    Tensor choiceSlot = bufferIndex.max(3);                                      // (G, S, K)
    Tensor dropped = choiceSlot.ge((double) capacity);
    Tensor droppedChoices = dropped.convert(DType.S32).sum(0, 1);
    Tensor droppedTokens = dropped.all(2).convert(DType.S32).sum(0, 1);
    return new Dispatcher(dispatch, combine, top[1], choiceSlot, top[0], droppedChoices, droppedTokens);
  }

  private static Tensor broadcastTokens(Tensor perm, long g, long s, int k) {
    return perm.reshape(g, s, 1).broadcastTo(g, s, k);
  }

  /**
   * {@code lax.top_k} of softmax gates (G, S, E) along E for small k: k rounds of argmax (first index on ties), each
   * taking the chosen gate out (gates are >= 0, so subtracting 2 puts it last). A sort is much slower on XLA:CPU.
   */
  private static Tensor[] topK(Tensor gates, int k) {
    long g = gates.dim(0);
    long s = gates.dim(1);
    int e = Math.toIntExact(gates.dim(2));
    Tensor[] values = new Tensor[k];
    Tensor[] indices = new Tensor[k];
    Tensor rest = gates;
    for (int r = 0; r < k; r++) {
      Tensor idx = rest.argmax(2);
      values[r] = rest.max(2).reshape(g, s, 1);
      indices[r] = idx.reshape(g, s, 1);
      rest = rest.sub(Composites.oneHot(idx, e, gates.dtype()).mul(2.0));
    }
    return k == 1 ? new Tensor[] {values[0], indices[0]}
        : new Tensor[] {Ops.concatenate(2, values), Ops.concatenate(2, indices)};
  }

  /**
   * What the layer gives: its output (B, N, D) and the drop counts of {@link Dispatcher}.
   *
   * @param output the layer's output, same shape as its input
   * @param droppedChoices s32 (K,), choices dropped per rank
   * @param droppedTokens s32 scalar, tokens with no expert
   */
  public record Output(Tensor output, Tensor droppedChoices, Tensor droppedTokens) {}

  /**
   * The layer on tokens (B, N, D), parameters under {@code s}: {@code Router/dense/kernel} (D, E),
   * {@code Mlp/Dense_0/kernel} (E, D, M), {@code Mlp/Dense_0/bias} (E, M), {@code Mlp/Dense_1/kernel} (E, M, D),
   * {@code Mlp/Dense_1/bias} (E, D). With {@code expertAxis} (a mesh axis of the graph, or null), the dispatched
   * (E, G*C, D) tensor and the experts' outputs are constrained to be split by expert over it, so the partitioner
   * moves tokens to their experts' devices (all-to-all) and never gathers the expert kernels.
   *
   * @throws IllegalArgumentException when B*N is not a multiple of the group size, or E not of the axis size
   */
  public static Output apply(Scope s, Tensor x, long mlpDim, Routing r, String expertAxis, Map<String, Tensor> out) {
    return apply(s, x, mlpDim, r, expertAxis, expertAxis == null ? Implementation.INDICES : Implementation.EINSUM,
        out);
  }

  /**
   * As {@link #apply(Scope, Tensor, long, Routing, String, Map)} with dispatch, experts and combine written as
   * {@code impl} says.
   *
   * @throws IllegalArgumentException also for {@link Implementation#INDICES} with an expert axis
   */
  public static Output apply(Scope s, Tensor x, long mlpDim, Routing r, String expertAxis, Implementation impl,
      Map<String, Tensor> out) {
    if (x.rank() != 3) {
      throw new IllegalArgumentException("MoE requires tokens of rank 3 (B, N, D), got " + x.shape());
    }
    long tokens = x.dim(0) * x.dim(1);
    long d = x.dim(2);
    if (tokens % r.groupSize() != 0) {
      throw new IllegalArgumentException("MoE requires the tokens (batch * sequence = " + x.dim(0) + " * " + x.dim(1)
          + ") to be a multiple of group_size, got " + tokens + " and " + r.groupSize());
    }
    int e = r.numExperts();
    if (expertAxis != null) {
      long axis = s.graph().mesh().axisSize(expertAxis);
      if (e % axis != 0) {
        throw new IllegalArgumentException("MoE expert parallelism requires num_experts to be a multiple of the size "
            + "of mesh axis '" + expertAxis + "', got " + e + " and " + axis);
      }
      if (impl != Implementation.EINSUM) {
        throw new IllegalArgumentException("MoE expert parallelism requires the EINSUM implementation, got " + impl);
      }
    }
    long groups = tokens / r.groupSize();
    Tensor grouped = x.reshape(groups, r.groupSize(), d);
    Tensor kernel = s.child("Router").child("dense").param("kernel", new long[] {d, e}, Init.lecunNormal());
    Tensor logits = Ops.einsum("GSD,DE->GSE", grouped, kernel);
    Tensor gates = Composites.softmax(logits.convert(DType.F32), -1);
    Dispatcher dispatcher = topExpertsPerItem(gates, r.numSelectedExperts(), r.capacity(), r.batchPriority());
    Encoder1DBlock.put(out, "gates", gates);

    boolean einsum = impl == Implementation.EINSUM;
    Tensor routed = r.bfloat16() ? grouped.convert(DType.BF16) : grouped;
    Tensor xe = (einsum ? dispatcher.dispatch(routed) : dispatcher.dispatchByIndex(routed)).convert(x.dtype());
    xe = constrain(xe, expertAxis);                                                   // (E, G*C, D)
    Tensor ye = constrain(experts(s.child("Mlp"), xe, mlpDim, !einsum, expertAxis), expertAxis);
    // vmoe's Bfloat16Dispatcher rounds the experts' outputs to bf16; its f32 combine weights then promote them back.
    Tensor back = r.bfloat16() ? ye.convert(DType.BF16).convert(DType.F32) : ye;
    Tensor y = (einsum ? dispatcher.combine(back) : dispatcher.combineByIndex(back)).convert(x.dtype());
    return new Output(y.reshape(x.dims()), dispatcher.droppedChoices(), dispatcher.droppedTokens());
  }

  private static Tensor constrain(Tensor t, String expertAxis) {
    return expertAxis == null ? t : t.shard(PartitionSpec.of(expertAxis, null, null));
  }

  /** Expert spec of a stacked kernel or bias: its leading (expert) axis over {@code axis}. */
  public static PartitionSpec expertSpec(String axis, int rank) {
    Object[] dims = new Object[rank];
    dims[0] = axis;
    return PartitionSpec.of(dims);
  }

  /**
   * E MlpBlocks applied to their buffers (E, T, D): {@code Dense_0} (kernel (E, D, M), bias (E, M)), tanh GELU,
   * {@code Dense_1} (kernel (E, M, D), bias (E, D)); initialised as {@link MlpBlock}'s, with each expert's fans.
   * Batched einsums over E, or with {@code loop} a while loop over the experts of plain matmuls; with an expert axis,
   * that loop on each device over its own experts ({@code shard_map}).
   */
  static Tensor experts(Scope s, Tensor x, long mlpDim, boolean loop, String expertAxis) {
    long e = x.dim(0);
    long d = x.dim(2);
    long m = mlpDim > 0 ? mlpDim : 4 * d;
    Scope s0 = s.child("Dense_0");
    Tensor k0 = s0.param("kernel", new long[] {e, d, m}, Init.xavierUniform(), d, m);
    Tensor b0 = s0.param("bias", new long[] {e, m}, Init.normal(1e-6));
    Scope s1 = s.child("Dense_1");
    Tensor k1 = s1.param("kernel", new long[] {e, m, d}, Init.xavierUniform(), m, d);
    Tensor b1 = s1.param("bias", new long[] {e, d}, Init.normal(1e-6));
    if (expertAxis != null) {
      // Each device runs its own experts on their buffers: a loop of plain matmuls (XLA:CPU's batched dots are slow).
      PartitionSpec p3 = PartitionSpec.of(expertAxis, null, null);
      PartitionSpec p2 = PartitionSpec.of(expertAxis, null);
      return x.graph().shardMap(java.util.List.of(x, k0, b0, k1, b1), java.util.List.of(p3, p3, p2, p3, p2),
          java.util.List.of(p3), in -> java.util.List.of(loop(in.get(0), in.get(1), in.get(2), in.get(3), in.get(4))))
          .get(0);
    }
    if (!loop) {
      long t = x.dim(1);
      Tensor h = Ops.einsum("ETD,EDM->ETM", x, k0).add(b0.reshape(e, 1, m).broadcastTo(e, t, m));
      h = Composites.gelu(h, true);
      return Ops.einsum("ETM,EMD->ETD", h, k1).add(b1.reshape(e, 1, d).broadcastTo(e, t, d));
    }
    return loop(x, k0, b0, k1, b1);
  }

  /** The experts' MLPs one after another in a while loop, each a plain (T, D) x (D, M) and (T, M) x (M, D). */
  private static Tensor loop(Tensor x, Tensor k0, Tensor b0, Tensor k1, Tensor b1) {
    long e = x.dim(0);
    long t = x.dim(1);
    long d = x.dim(2);
    long m = k0.dim(2);
    Graph g = x.graph();
    Tensor zero = g.scalar(0, DType.S32);
    java.util.List<Tensor> state = g.whileLoop(java.util.List.of(zero, g.zeros(x.shape())),
        v -> v.get(0).lt((double) e), v -> {
          Tensor i = v.get(0);
          java.util.List<Tensor> at = java.util.List.of(i, zero, zero);
          Tensor xi = x.dynamicSlice(at, 1, t, d).reshape(t, d);
          Tensor h = Ops.einsum("TD,DM->TM", xi, k0.dynamicSlice(at, 1, d, m).reshape(d, m))
              .add(b0.dynamicSlice(java.util.List.of(i, zero), 1, m).reshape(1, m).broadcastTo(t, m));
          h = Composites.gelu(h, true);
          Tensor y = Ops.einsum("TM,MD->TD", h, k1.dynamicSlice(at, 1, m, d).reshape(m, d))
              .add(b1.dynamicSlice(java.util.List.of(i, zero), 1, d).reshape(1, d).broadcastTo(t, d));
          return java.util.List.of(i.add(1.0), v.get(1).dynamicUpdateSlice(y.reshape(1, t, d), at));
        });
    return state.get(1);
  }
}
