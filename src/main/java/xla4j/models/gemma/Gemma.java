package xla4j.models.gemma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import xla4j.array.Blocks;
import xla4j.array.DType;
import xla4j.dsl.Composites;
import xla4j.dsl.Graph;
import xla4j.dsl.Mesh;
import xla4j.dsl.Ops;
import xla4j.dsl.PartitionSpec;
import xla4j.dsl.Shape;
import xla4j.dsl.ShardingRules;
import xla4j.dsl.Tensor;
import xla4j.nn.AttentionMask;
import xla4j.nn.Dense;
import xla4j.nn.DotProductAttention;
import xla4j.nn.Init;
import xla4j.nn.ParamSpec;
import xla4j.nn.RMSNorm;
import xla4j.nn.Rope;
import xla4j.nn.Scope;

/**
 * The Gemma and Gemma 2 decoder at inference ({@code big_vision/models/ppp/gemma.py}, Hugging Face
 * {@code modeling_gemma} / {@code modeling_gemma2}), as two programs sharing one parameter store: {@link #prefill}
 * runs a batch of (left-padded) prompts and returns the KV cache; {@link #decode} takes one token per row, writes its
 * keys and values into the donated cache in place and returns the next logits.
 *
 * <p>Einsum axis letters as big_vision: B batch, T query length, S key/value length (cache slots), N query heads,
 * K key/value heads, G = N / K, H head dim, D width, F MLP width, V vocabulary.
 *
 * <p>Parameter names are Hugging Face's, verbatim ({@code model.layers.0.self_attn.q_proj.weight}, (N·H, D)), the
 * checkpoint layout most users download; big_vision's stacked einsum weights are mapped onto them when loaded
 * ({@link GemmaCheckpoint}). Projections are stored in the layout XLA:CPU multiplies fastest ({@link #kernelLayout}):
 * bf16 ones as the checkpoint's {@code weight} (out, in), others transposed once when placed, as Flax's {@code kernel}
 * (in, out), e.g. {@code model.layers.0.self_attn.q_proj.kernel} (D, N·H).
 *
 * <p>Layout of a batch: row b holds its prompt right-aligned in slots {@code [start[b], P)} of a prompt of length P;
 * token positions are {@code slot - start[b]} (big_vision's {@code cumsum(input_mask) - 1}); decode step i writes slot
 * {@code P + i} of every row.
 */
public final class Gemma {
  private Gemma() {}

  /** Prefill input: (B, P) int32 token ids, left-padded. */
  public static final String TOKENS = "tokens";
  /** Prefill input: (B, P) pred, true for real tokens (false for the left padding). */
  public static final String INPUT_MASK = "input_mask";
  /** Prefill input: (B, P) int32, big_vision's {@code mask_ar}: 1 for causal tokens, 0 for a full-attention prefix. */
  public static final String MASK_AR = "mask_ar";
  /**
   * Prefill input of a program with an embedded prefix (PaliGemma's image tokens): (B, I, D) in the parameter dtype,
   * taking the place of the first I real tokens of each row (their ids are ignored), not scaled by sqrt(D).
   */
  public static final String PREFIX_EMBEDDINGS = "prefix_embeddings";
  /** Decode input: (B,) int32, the first valid cache slot of each row. */
  public static final String START = "start";
  /** Decode input: () int32, the cache slot this step writes. */
  public static final String SLOT = "slot";
  /** Output: (B, V) f32, the final logits (after soft-capping) at the last position. */
  public static final String LOGITS = "logits";
  /** Prefill output with {@code allLogits}: (B, P, V) f32, the logits at every position. */
  public static final String ALL_LOGITS = "all_logits";

  /** The mesh axis splitting heads and the MLP (tensor parallelism). */
  public static final String MODEL = "model";
  /** The mesh axis splitting the batch. */
  public static final String DATA = "data";

  /** A program's graph with its parameter specs. */
  public record Model(GemmaConfig config, Graph graph, List<ParamSpec> params) {}

  /** The name of layer {@code l}'s key cache. */
  public static String kCache(int l) {
    return "cache.layers." + l + ".k_cache";
  }

  /** The name of layer {@code l}'s value cache. */
  public static String vCache(int l) {
    return "cache.layers." + l + ".v_cache";
  }

  // ---------------------------------------------------------------------------------------------
  // Programs

  /**
   * The prefill program: inputs {@link #TOKENS}, {@link #INPUT_MASK}, {@link #MASK_AR} (B, P); outputs {@link #LOGITS}
   * (and {@link #ALL_LOGITS} with {@code allLogits}) and every layer's caches (B, K, cacheSize, H), slots
   * {@code [0, P)} filled.
   */
  public static Model prefill(GemmaConfig c, long batch, long promptLen, long cacheSize, Optional<Mesh> mesh,
      boolean allLogits) {
    return prefill(c, batch, promptLen, cacheSize, mesh, allLogits, 0);
  }

  /**
   * As {@link #prefill(GemmaConfig, long, long, long, Optional, boolean)}, with {@code prefixLen} > 0 also an input
   * {@link #PREFIX_EMBEDDINGS} (B, prefixLen, D): each row's first {@code prefixLen} real tokens (positions
   * {@code [0, prefixLen)}) take those embeddings as they are, as big_vision's PaliGemma {@code embed_image_and_text}
   * concatenates image tokens (unscaled) before the scaled text embeddings.
   */
  public static Model prefill(GemmaConfig c, long batch, long promptLen, long cacheSize, Optional<Mesh> mesh,
      boolean allLogits, long prefixLen) {
    if (prefixLen < 0 || prefixLen >= promptLen) {
      throw new IllegalArgumentException("Gemma prefill requires 0 <= prefix length < prompt length (" + promptLen
          + "), got " + prefixLen);
    }
    if (promptLen < 1 || cacheSize < promptLen || cacheSize > c.maxPositionEmbeddings()) {
      throw new IllegalArgumentException("Gemma prefill requires 1 <= prompt length <= cache size <= "
          + "max_position_embeddings (" + c.maxPositionEmbeddings() + "), got " + promptLen + " and " + cacheSize);
    }
    Graph g = graph("gemma_prefill", mesh);
    Tensor tokens = g.parameter(TOKENS, Shape.of(DType.S32, batch, promptLen), batchSpec(mesh, 2));
    Tensor inputMask = g.parameter(INPUT_MASK, Shape.of(DType.PRED, batch, promptLen), batchSpec(mesh, 2));
    Tensor maskAr = g.parameter(MASK_AR, Shape.of(DType.S32, batch, promptLen), batchSpec(mesh, 2));
    Scope s = Scope.root(g, c.dtype(), ".");
    Tensor positions = Ops.cumsum(inputMask.convert(DType.S32), 1).sub(1.0).maximum(0.0);
    Tensor mask = AttentionMask.fromMaskAr(inputMask, maskAr);
    Tensor table = embedding(s, c);
    Tensor x = embed(table, tokens, c);
    if (prefixLen > 0) {
      Tensor prefix = g.parameter(PREFIX_EMBEDDINGS, Shape.of(c.dtype(), batch, prefixLen, c.width()),
          batchSpec(mesh, 3));
      x = withPrefix(x, prefix, inputMask, positions);
    }
    for (int l = 0; l < c.depth(); l++) {
      Tensor layerMask = c.isSliding(l) ? AttentionMask.slidingWindowOutsidePrefix(mask, positions, inputMask, maskAr,
          c.slidingWindow().getAsInt()) : mask;
      Layer out = block(s.child("model").child("layers").child(Integer.toString(l)), x, positions, layerMask, c,
          null, null, null);
      x = out.x;
      long pad = cacheSize - promptLen;
      Spec cacheSpec = cacheSpec(c, mesh);
      g.output(kCache(l), out.k.pad(0.0, new long[4], new long[] {0, 0, pad, 0}, new long[4]), cacheSpec.spec);
      g.output(vCache(l), out.v.pad(0.0, new long[4], new long[] {0, 0, pad, 0}, new long[4]), cacheSpec.spec);
    }
    x = RMSNorm.apply(s.child("model"), "norm.weight", x, c.normEps());
    if (allLogits) {
      g.output(ALL_LOGITS, logits(table, x, c), batchSpec(mesh, 3));
    }
    Tensor last = x.slice(1, promptLen - 1, promptLen).reshape(batch, c.width());
    g.output(LOGITS, logits(table, last, c), batchSpec(mesh, 2));
    return finish(g, s, c, mesh);
  }

  /**
   * The decode-step program: inputs {@link #TOKENS} (B, 1), {@link #START} (B,), {@link #SLOT} () and every layer's
   * caches (donated: updated in place); outputs {@link #LOGITS} and the caches.
   */
  public static Model decode(GemmaConfig c, long batch, long cacheSize, Optional<Mesh> mesh) {
    if (cacheSize < 1 || cacheSize > c.maxPositionEmbeddings()) {
      throw new IllegalArgumentException("Gemma decode requires 1 <= cache size <= max_position_embeddings ("
          + c.maxPositionEmbeddings() + "), got " + cacheSize);
    }
    Graph g = graph("gemma_decode", mesh);
    Tensor tokens = g.parameter(TOKENS, Shape.of(DType.S32, batch, 1), batchSpec(mesh, 2));
    Tensor start = g.parameter(START, Shape.of(DType.S32, batch), batchSpec(mesh, 1));
    Tensor slot = g.parameter(SLOT, Shape.scalar(DType.S32), null);
    Spec cacheSpec = cacheSpec(c, mesh);
    Shape cacheShape = Shape.of(c.dtype(), batch, c.numKvHeads(), cacheSize, c.headDim());
    List<Tensor[]> caches = new ArrayList<>();
    for (int l = 0; l < c.depth(); l++) {
      caches.add(new Tensor[] {g.parameter(kCache(l), cacheShape, cacheSpec.spec),
          g.parameter(vCache(l), cacheShape, cacheSpec.spec)});
    }
    Scope s = Scope.root(g, c.dtype(), ".");
    Tensor positions = slot.reshape(1, 1).broadcastTo(batch, 1).sub(start.reshape(batch, 1));
    Tensor mask = AttentionMask.cache(start, slot, cacheSize);
    Tensor slots = g.iota(Shape.of(DType.S32, batch, cacheSize), 1);
    Tensor keyPositions = slots.sub(start.reshape(batch, 1));
    Tensor table = embedding(s, c);
    Tensor x = embed(table, tokens, c);
    for (int l = 0; l < c.depth(); l++) {
      Tensor layerMask = c.isSliding(l)
          ? AttentionMask.slidingWindow(mask, positions, keyPositions, c.slidingWindow().getAsInt()) : mask;
      Layer out = block(s.child("model").child("layers").child(Integer.toString(l)), x, positions, layerMask, c,
          caches.get(l)[0], caches.get(l)[1], slot);
      x = out.x;
      g.output(kCache(l), out.k, cacheSpec.spec);
      g.output(vCache(l), out.v, cacheSpec.spec);
      g.donate(kCache(l), kCache(l));
      g.donate(vCache(l), vCache(l));
    }
    x = RMSNorm.apply(s.child("model"), "norm.weight", x, c.normEps());
    g.output(LOGITS, logits(table, x.reshape(batch, c.width()), c), batchSpec(mesh, 2));
    return finish(g, s, c, mesh);
  }

  private static Graph graph(String name, Optional<Mesh> mesh) {
    return mesh.isPresent() ? new Graph(name, mesh.get(), false) : new Graph(name);
  }

  private static Model finish(Graph g, Scope s, GemmaConfig c, Optional<Mesh> mesh) {
    if (mesh.isPresent()) {
      ShardingRules rules = tensorParallel(c, mesh.get());
      for (ParamSpec p : s.params()) {
        g.parameterSharding(p.name(), rules.spec(p.name(), p.shape(), p.dtype(), mesh.get()));
      }
    }
    return new Model(c, g, s.params());
  }

  // ---------------------------------------------------------------------------------------------
  // Sharding

  /**
   * Megatron-style tensor parallelism over {@link #MODEL} (as {@code Gemma2Config.base_model_tp_plan}): query and
   * output projections split by heads, key/value projections by key/value heads when the axis divides them (else
   * replicated: multi-query attention), the MLP by its hidden units; embeddings and norms replicated.
   */
  public static ShardingRules tensorParallel(GemmaConfig c, Mesh mesh) {
    if (!mesh.hasAxis(MODEL)) {
      return ShardingRules.replicated();
    }
    long m = mesh.axisSize(MODEL);
    if (c.numHeads() % m != 0 || c.mlpDim() % m != 0) {
      throw new IllegalArgumentException("Gemma tensor parallelism requires num_attention_heads (" + c.numHeads()
          + ") and intermediate_size (" + c.mlpDim() + ") divisible by the mesh axis '" + MODEL + "' (" + m + ")");
    }
    String layer = "model\\.layers\\.\\d+\\.";
    // the output axis of q, k, v, gate and up, the input axis of o and down: dim 0 of a weight (out, in) is dim 1 of a
    // kernel (in, out)
    int outDim = kernelLayout(c.dtype()) ? 1 : 0;
    String leaf = "\\." + (kernelLayout(c.dtype()) ? KERNEL : WEIGHT);
    ShardingRules r = ShardingRules.replicated()
        .add(layer + "self_attn\\.q_proj" + leaf, ShardingRules.shardDim(MODEL, outDim))
        .add(layer + "self_attn\\.o_proj" + leaf, ShardingRules.shardDim(MODEL, 1 - outDim))
        .add(layer + "mlp\\.(gate|up)_proj" + leaf, ShardingRules.shardDim(MODEL, outDim))
        .add(layer + "mlp\\.down_proj" + leaf, ShardingRules.shardDim(MODEL, 1 - outDim));
    if (c.numKvHeads() % m == 0) {
      r = r.add(layer + "self_attn\\.(k|v)_proj" + leaf, ShardingRules.shardDim(MODEL, outDim));
    }
    return r;
  }

  private record Spec(PartitionSpec spec) {}

  /** Caches (B, K, S, H): batch over data, key/value heads over model when divisible. */
  private static Spec cacheSpec(GemmaConfig c, Optional<Mesh> mesh) {
    if (mesh.isEmpty()) {
      return new Spec(null);
    }
    Mesh m = mesh.get();
    boolean kv = m.hasAxis(MODEL) && c.numKvHeads() % m.axisSize(MODEL) == 0;
    return new Spec(PartitionSpec.of(m.hasAxis(DATA) ? DATA : null, kv ? MODEL : null, null, null));
  }

  private static PartitionSpec batchSpec(Optional<Mesh> mesh, int rank) {
    if (mesh.isEmpty() || !mesh.get().hasAxis(DATA)) {
      return null;
    }
    Object[] dims = new Object[rank];
    dims[0] = DATA;
    return PartitionSpec.of(dims);
  }

  // ---------------------------------------------------------------------------------------------
  // Layers

  /** {@code model.embed_tokens}: rows of the (V, D) table, scaled by sqrt(D) in the parameter dtype. */
  static Tensor embed(Tensor table, Tensor tokens, GemmaConfig c) {
    Tensor x = Ops.take(table, tokens);
    // sqrt(width) rounded to the parameter dtype first, as both references do
    return x.mul(x.graph().scalar(Math.sqrt(c.width()), c.dtype()));
  }

  /**
   * {@code x} (B, P, D) with row b's real tokens at positions {@code [0, I)} replaced by {@code prefix[b]} (B, I, D):
   * one gather of whole rows {@code prefix[b, position]}, selected where the token is real and its position below I.
   */
  static Tensor withPrefix(Tensor x, Tensor prefix, Tensor inputMask, Tensor positions) {
    long b = x.dim(0);
    long p = x.dim(1);
    long i = prefix.dim(1);
    Graph g = x.graph();
    Tensor rows = g.iota(Shape.of(DType.S32, b, p, 1), 0);
    Tensor at = Ops.clamp(0, positions, i - 1).reshape(b, p, 1);
    Tensor gathered = Ops.gather(prefix, Ops.concatenate(2, rows, at), new int[] {2}, new int[] {0, 1},
        new int[] {0, 1}, 2, new long[] {1, 1, x.dim(2)});
    Tensor isPrefix = inputMask.and(positions.lt((double) i)).reshape(b, p, 1).broadcastTo(b, p, x.dim(2));
    return Ops.select(isPrefix, gathered, x);
  }

  /** Declares {@code model.embed_tokens.weight} (V, D). */
  static Tensor embedding(Scope s, GemmaConfig c) {
    return s.child("model").child("embed_tokens").param("weight", new long[] {c.vocabSize(), c.width()},
        Init.normal(1.0));
  }

  /** The tied output embedding: {@code x . E^T} in f32, then the final soft cap. */
  static Tensor logits(Tensor table, Tensor x, GemmaConfig c) {
    // in the parameter dtype, as the references compute it: an f32 result from bf16 operands makes XLA:CPU convert
    // the whole (V, D) table to f32 on every call
    Tensor l = matmulTransposed(x, table, x.dtype()).convert(DType.F32);
    return softcap(l, c.finalLogitsSoftcap());
  }

  static Tensor softcap(Tensor x, OptionalDouble cap) {
    return cap.isPresent() ? x.div(cap.getAsDouble()).tanh().mul(cap.getAsDouble()) : x;
  }

  /** A layer's output, and its keys and values (B, K, S, H): this step's (prefill) or the updated cache (decode). */
  private record Layer(Tensor x, Tensor k, Tensor v) {}

  /** The leaf name of a projection stored (out, in), as PyTorch's {@code nn.Linear} and Hugging Face checkpoints. */
  public static final String WEIGHT = "weight";
  /** The leaf name of a projection stored (in, out), as Flax's {@code nn.Dense}. */
  public static final String KERNEL = "kernel";

  /**
   * Whether projections in {@code dtype} are stored as kernels (in, out) ({@link #KERNEL}) rather than as weights (out,
   * in) ({@link #WEIGHT}). Measured on XLA:CPU with Gemma 2 2B's projections (benchmarks/README.md, Gemma): f32 rows
   * times a kernel run up to 3x faster than times a weight's rows for 8 rows and within 10% for one; bf16 the other
   * way round (a bf16 kernel's one-row product runs at about 1 GB/s in every form, and the CPU plugin's bf16 decode
   * kernel streams a weight's rows).
   */
  public static boolean kernelLayout(DType dtype) {
    return dtype != DType.BF16;
  }

  /**
   * {@code nn.Linear} without bias, {@code x . W^T}: W (out, in) as {@link #WEIGHT} or its transpose as
   * {@link #KERNEL} ({@link #kernelLayout}); random weights are drawn as (out, in) either way, so both layouts hold
   * the same model for a seed.
   */
  static Tensor linear(Scope s, String name, Tensor x, long out) {
    long in = x.dim(-1);
    Init init = Init.normal(1 / Math.sqrt(in));
    if (!kernelLayout(x.dtype())) {
      return matmulTransposed(x, s.child(name).param(WEIGHT, new long[] {out, in}, init, in, out), x.dtype());
    }
    Init drawnAsWeight = (dtype, shape, fanIn, fanOut, rng) ->
        Blocks.transpose(init.sample(dtype, new long[] {shape[1], shape[0]}, fanIn, fanOut, rng), 1, 0);
    Tensor kernel = s.child(name).param(KERNEL, new long[] {in, out}, drawnAsWeight, in, out);
    return overRows(x, out, x2 -> Dense.dot(x2, kernel, new int[] {1}, new int[] {0}));
  }

  /**
   * {@code product} over x's last axis as one 2-D product: x as (rows, in), the (rows, out) result back to x's leading
   * axes.
   */
  private static Tensor overRows(Tensor x, long out, java.util.function.Function<Tensor, Tensor> product) {
    long[] dims = x.dims();
    long rows = 1;
    for (int i = 0; i < dims.length - 1; i++) {
      rows *= dims[i];
    }
    long[] outDims = dims.clone();
    outDims[outDims.length - 1] = out;
    return product.apply(x.reshape(rows, dims[dims.length - 1])).reshape(outDims);
  }

  /**
   * {@code x . W^T} over x's last axis, as one 2-D dot (rows of x by rows of W): XLA:CPU then reads W (out, in) in
   * place, where a rank-3 dot is canonicalised with a transposed copy of W on every call. With few rows (a decode
   * step) the CPU plugin runs it as its streaming kernel (small_matmul.cc), at memory speed for any contraction.
   */
  static Tensor matmulTransposed(Tensor x, Tensor w, DType resultType) {
    return overRows(x, w.dim(0), x2 -> {
      if (x.dtype() == DType.BF16 && resultType == DType.BF16) {
        // f32 accumulation, one rounding (Dense.dot); converting the weight to f32 first instead (fused into the dot
        // or materialised) runs at under 1 GB/s on XLA:CPU for 2 or more rows (benchmarks/README.md, Gemma)
        return Dense.dot(x2, w, new int[] {1}, new int[] {1});
      }
      return Ops.dotGeneral(x2, w).contract(new int[] {1}, new int[] {1}).resultType(resultType).build();
    });
  }

  /**
   * One decoder layer ({@code Gemma2DecoderLayer}): pre-norm attention and GeGLU feed-forward with residuals; Gemma 2
   * also normalises each branch's output. With caches, this step's keys and values are written at {@code slot}.
   */
  private static Layer block(Scope s, Tensor x, Tensor positions, Tensor mask, GemmaConfig c, Tensor kCache,
      Tensor vCache, Tensor slot) {
    Tensor h = RMSNorm.apply(s.child("input_layernorm"), "weight", x, c.normEps());
    Layer attn = attention(s.child("self_attn"), h, positions, mask, c, kCache, vCache, slot);
    h = attn.x;
    if (c.postNorms()) {
      h = RMSNorm.apply(s.child("post_attention_layernorm"), "weight", h, c.normEps());
    }
    x = x.add(h);
    // Gemma 1 names its pre-feed-forward norm post_attention_layernorm
    h = RMSNorm.apply(s.child(c.postNorms() ? "pre_feedforward_layernorm" : "post_attention_layernorm"), "weight", x,
        c.normEps());
    h = mlp(s.child("mlp"), h, c);
    if (c.postNorms()) {
      h = RMSNorm.apply(s.child("post_feedforward_layernorm"), "weight", h, c.normEps());
    }
    return new Layer(x.add(h), attn.k, attn.v);
  }

  /** GeGLU: {@code down(gelu(gate(x)) * up(x))}. */
  private static Tensor mlp(Scope s, Tensor x, GemmaConfig c) {
    Tensor gate = linear(s, "gate_proj", x, c.mlpDim());
    Tensor up = linear(s, "up_proj", x, c.mlpDim());
    Tensor act = Composites.gelu(gate, c.activation() == GemmaConfig.Activation.GELU_TANH);
    return linear(s, "down_proj", act.mul(up), c.width());
  }

  /**
   * Self-attention: projections, RoPE on queries and keys, queries scaled by {@code query_pre_attn_scalar^-1/2}, then
   * {@link DotProductAttention} with the soft cap over this step's keys (prefill) or the updated cache (decode).
   */
  private static Layer attention(Scope s, Tensor x, Tensor positions, Tensor mask, GemmaConfig c, Tensor kCache,
      Tensor vCache, Tensor slot) {
    long b = x.dim(0);
    long t = x.dim(1);
    int n = c.numHeads();
    int kh = c.numKvHeads();
    int hd = c.headDim();
    Tensor q = linear(s, "q_proj", x, (long) n * hd).reshape(b, t, n, hd);
    Tensor k = linear(s, "k_proj", x, (long) kh * hd).reshape(b, t, kh, hd);
    Tensor v = linear(s, "v_proj", x, (long) kh * hd).reshape(b, t, kh, hd);
    q = Rope.apply(q, positions, c.ropeTheta());
    k = Rope.apply(k, positions, c.ropeTheta());
    q = q.mul(q.graph().scalar(Math.pow(c.queryPreAttnScalar(), -0.5), c.dtype()));
    k = k.transpose(0, 2, 1, 3);
    v = v.transpose(0, 2, 1, 3);
    if (kCache != null) {
      Tensor zero = slot.graph().scalar(0, DType.S32);
      List<Tensor> at = List.of(zero, zero, slot, zero);
      k = kCache.dynamicUpdateSlice(k, at);
      v = vCache.dynamicUpdateSlice(v, at);
    }
    Tensor encoded = DotProductAttention.apply(q, k, v, mask, c.attnLogitsSoftcap());
    Tensor out = linear(s, "o_proj", encoded.reshape(b, t, (long) n * hd), c.width());
    return new Layer(out, k, v);
  }

  /** Every parameter of {@code c}, in the programs' order, with initialisers for random weights. */
  public static List<ParamSpec> params(GemmaConfig c) {
    return decode(c, 1, 1, Optional.empty()).params();
  }
}
