package xla4j.nn;

import java.util.Map;
import xla4j.array.DType;
import xla4j.dsl.Composites;
import xla4j.dsl.Ops;
import xla4j.dsl.PartitionSpec;
import xla4j.dsl.Tensor;

/**
 * vmoe's sparse mixture of MLP experts ({@code vmoe/nn/vit_moe.py} {@code MlpMoeBlock}) at inference, with the
 * deterministic {@code NoisyTopExpertsPerItemRouter} ({@code vmoe/nn/routing.py}) and the einsum dispatcher of
 * {@code vmoe/moe.py}.
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
 * Dispatch and combine are dense one-hot einsums of static shape ({@code GSEC,GSD->EGCD} and
 * {@code GSEC,EGCD->GSD}), as vmoe's {@code EinsumDispatcher}.
 */
public final class MlpMoeBlock {
  /** Output name of the choices dropped per rank, s32 (K,): summed over all groups. */
  public static final String DROPPED_CHOICES = "dropped_choices";

  /** Output name of the tokens all of whose choices were dropped, s32 scalar. */
  public static final String DROPPED_TOKENS = "dropped_tokens";

  private MlpMoeBlock() {}

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
   * vmoe's Top-Experts-Per-Item einsum dispatcher for gates (G, S, E): where each kept (token, expert) choice goes
   * in that expert's buffer, and with which weight its output comes back.
   *
   * @param dispatchWeights (G, S, E, C), 1 where token s of group g takes slot c of expert e (the gates' dtype)
   * @param combineWeights (G, S, E, C), the gate at those places, 0 elsewhere
   * @param droppedChoices s32 (K,): how many r-th choices (over all groups) found their expert full
   * @param droppedTokens s32 scalar: how many tokens had all their choices dropped
   */
  public record Dispatcher(Tensor dispatchWeights, Tensor combineWeights, Tensor droppedChoices,
      Tensor droppedTokens) {
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

    /** (G, S, D) to the experts' buffers (E, G*C, D); empty slots hold zeros. */
    public Tensor dispatch(Tensor x) {
      Tensor d = Ops.einsum("GSEC,GSD->EGCD", dispatchWeights.convert(x.dtype()), x);
      return d.reshape(experts(), groups() * capacity(), x.dim(-1));
    }

    /** The experts' outputs (E, G*C, D) back to (G, S, D), each weighted by its gate and summed over choices. */
    public Tensor combine(Tensor y) {
      Tensor e = y.reshape(experts(), groups(), capacity(), y.dim(-1));
      return Ops.einsum("GSEC,EGCD->GSD", combineWeights.convert(y.dtype()), e);
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
    java.util.List<Tensor> top = Ops.topK(gates, k);   // (G, S, K) values, s32 expert ids
    Tensor expertIndex = top.get(1);
    Tensor perm = null;
    if (batchPriority) {
      // Tokens by descending first (largest) gate, stably: jnp.argsort(-combine_weights[:, 0]).
      perm = Ops.argsort(top.get(0).slice(2, 0, 1).reshape(g, s).neg(), 1);
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
    return new Dispatcher(dispatch, combine, droppedChoices, droppedTokens);
  }

  private static Tensor broadcastTokens(Tensor perm, long g, long s, int k) {
    return perm.reshape(g, s, 1).broadcastTo(g, s, k);
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
    }
    long groups = tokens / r.groupSize();
    Tensor grouped = x.reshape(groups, r.groupSize(), d);
    Tensor kernel = s.child("Router").child("dense").param("kernel", new long[] {d, e}, Init.lecunNormal());
    Tensor logits = Ops.einsum("GSD,DE->GSE", grouped, kernel);
    Tensor gates = Composites.softmax(logits.convert(DType.F32), -1);
    Dispatcher dispatcher = topExpertsPerItem(gates, r.numSelectedExperts(), r.capacity(), r.batchPriority());
    Encoder1DBlock.put(out, "gates", gates);

    Tensor routed = r.bfloat16() ? grouped.convert(DType.BF16) : grouped;
    Tensor xe = constrain(dispatcher.dispatch(routed).convert(x.dtype()), expertAxis);   // (E, G*C, D)
    Tensor ye = constrain(experts(s.child("Mlp"), xe, mlpDim), expertAxis);
    // vmoe's Bfloat16Dispatcher rounds the experts' outputs to bf16; its f32 combine weights then promote them back.
    Tensor back = r.bfloat16() ? ye.convert(DType.BF16).convert(DType.F32) : ye;
    Tensor y = dispatcher.combine(back).convert(x.dtype());
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
   */
  static Tensor experts(Scope s, Tensor x, long mlpDim) {
    long e = x.dim(0);
    long t = x.dim(1);
    long d = x.dim(2);
    long m = mlpDim > 0 ? mlpDim : 4 * d;
    Scope s0 = s.child("Dense_0");
    Tensor k0 = s0.param("kernel", new long[] {e, d, m}, Init.xavierUniform(), d, m);
    Tensor b0 = s0.param("bias", new long[] {e, m}, Init.normal(1e-6));
    Tensor h = Ops.einsum("ETD,EDM->ETM", x, k0).add(b0.reshape(e, 1, m).broadcastTo(e, t, m));
    h = Composites.gelu(h, true);
    Scope s1 = s.child("Dense_1");
    Tensor k1 = s1.param("kernel", new long[] {e, m, d}, Init.xavierUniform(), m, d);
    Tensor b1 = s1.param("bias", new long[] {e, d}, Init.normal(1e-6));
    return Ops.einsum("ETM,EMD->ETD", h, k1).add(b1.reshape(e, 1, d).broadcastTo(e, t, d));
  }
}
