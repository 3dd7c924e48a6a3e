package xla4j.models.gemma;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import xla4j.array.Blocks;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.array.TensorSource;
import xla4j.io.Checkpoint;
import xla4j.models.OpenedModel;
import xla4j.nn.ParamSpec;
import xla4j.nn.Params;

/**
 * Gemma checkpoints, mapped onto {@link Gemma}'s parameter names (Hugging Face's): a Hugging Face model directory
 * ({@code config.json} with {@code model.safetensors}, or sharded {@code model-0000k-of-0000n.safetensors} with
 * {@code model.safetensors.index.json}; f32, bf16 or f16), or big_vision's {@code .npz} (layers stacked on a leading
 * depth axis, einsum layouts, under {@code llm/} or {@code params/llm/} or no prefix). Tensors are read when placed,
 * block by block (no host copy of the whole model; projections the model stores as kernels are transposed block by
 * block); names and shapes are checked when opened, in the checkpoint's terms, every missing, unexpected and
 * mis-shaped tensor listed.
 */
public final class GemmaCheckpoint {
  private GemmaCheckpoint() {}

  /** An opened checkpoint: its config and its parameters in model order, as the config's dtype. */
  public static final class Opened extends OpenedModel<GemmaConfig> {
    Opened(GemmaConfig config, Checkpoint file, Map<String, TensorSource> params, Optional<Path> tokenizer) {
      super(config, file, params, tokenizer);
    }
  }

  /**
   * Opens a Hugging Face model directory: {@code config.json} gives the config (parameters in {@code dtype}).
   *
   * @throws IllegalArgumentException for an unknown {@code model_type}, a config the weights contradict, or missing,
   *     unexpected or mis-shaped tensors
   */
  public static Opened openHuggingFace(Path dir, DType dtype) throws IOException {
    GemmaConfig config = GemmaConfig.fromHuggingFace(OpenedModel.configJson(dir, "Gemma"), dtype);
    return OpenedModel.open(dir, dir.resolve("tokenizer.model"), raw -> fromHuggingFace(raw, config, dir.toString()),
        (file, params, tokenizer) -> new Opened(config, file, params, tokenizer));
  }

  /** Opens a big_vision {@code .npz} of a model described by {@code config}. */
  public static Opened openBigVision(Path npz, GemmaConfig config) throws IOException {
    return OpenedModel.open(npz, npz.resolveSibling("tokenizer.model"),
        raw -> fromBigVision(raw, config, npz.toString()),
        (file, params, tokenizer) -> new Opened(config, file, params, tokenizer));
  }

  /** Hugging Face tensors (already Gemma's names) checked against the model and cast to its dtype. */
  public static Map<String, TensorSource> fromHuggingFace(Map<String, TensorSource> raw, GemmaConfig c, String source) {
    return checked(dropTiedLmHead(raw), c, source);
  }

  /** Some exporters write the tied output embedding as {@code lm_head.weight} too; Gemma uses the input table. */
  static Map<String, TensorSource> dropTiedLmHead(Map<String, TensorSource> raw) {
    Map<String, TensorSource> out = new LinkedHashMap<>(raw);
    out.remove("lm_head.weight");
    return out;
  }

  /**
   * big_vision's names and einsum layouts mapped onto Hugging Face's: per layer l of the stacked {@code layers/...},
   * {@code q_einsum/w} (N, D, H) becomes {@code q_proj.weight} (N·H, D), {@code kv_einsum/w} (2, K, D, H) the key and
   * value projections (or {@code qkv_einsum/w} (3, N, D, H) all three), {@code attn_vec_einsum/w} (N, H, D)
   * {@code o_proj.weight} (D, N·H), {@code mlp/gating_einsum} (2, D, F) the gate and up projections (F, D),
   * {@code mlp/linear} (F, D) {@code down_proj.weight} (D, F); norms keep their layout.
   */
  public static Map<String, TensorSource> fromBigVision(Map<String, TensorSource> raw, GemmaConfig c, String source) {
    Map<String, TensorSource> bv = stripPrefix(raw);
    Map<String, TensorSource> out = new LinkedHashMap<>();
    Map<String, TensorSource> left = new LinkedHashMap<>(bv);
    take(left, "embedder/input_embedding").ifPresent(t -> out.put("model.embed_tokens.weight", t));
    take(left, "final_norm/scale").ifPresent(t -> out.put("model.norm.weight", t));
    String g1Pre = c.postNorms() ? "pre_feedforward_layernorm" : "post_attention_layernorm";
    Map<String, String> norms = new LinkedHashMap<>();
    norms.put("layers/pre_attention_norm/scale", "input_layernorm");
    norms.put("layers/pre_ffw_norm/scale", g1Pre);
    norms.put("layers/post_attention_norm/scale", "post_attention_layernorm");
    norms.put("layers/post_ffw_norm/scale", "post_feedforward_layernorm");
    Map<String, TensorSource> stacked = new LinkedHashMap<>();
    for (String k : new String[] {"layers/attn/q_einsum/w", "layers/attn/kv_einsum/w", "layers/attn/qkv_einsum/w",
        "layers/attn/attn_vec_einsum/w", "layers/mlp/gating_einsum", "layers/mlp/linear"}) {
      take(left, k).ifPresent(t -> stacked.put(k, t));
    }
    Map<String, TensorSource> stackedNorms = new LinkedHashMap<>();
    for (String k : norms.keySet()) {
      take(left, k).ifPresent(t -> stackedNorms.put(k, t));
    }
    int depth = depthOf(stacked, stackedNorms, c, source);
    for (int l = 0; l < depth; l++) {
      String p = "model.layers." + l + ".";
      for (Map.Entry<String, TensorSource> e : stackedNorms.entrySet()) {
        out.put(p + norms.get(e.getKey()) + ".weight", Mapped.of(e.getValue(), l, -1, new int[] {0}, null));
      }
      TensorSource q = stacked.get("layers/attn/q_einsum/w");
      TensorSource kv = stacked.get("layers/attn/kv_einsum/w");
      TensorSource qkv = stacked.get("layers/attn/qkv_einsum/w");
      if (q != null) { // (N, D, H) -> (N, H, D) -> (N*H, D)
        out.put(p + "self_attn.q_proj.weight", Mapped.of(q, l, -1, new int[] {0, 2, 1}, true));
      }
      if (kv != null) { // (2, K, D, H)[i] -> (K*H, D)
        out.put(p + "self_attn.k_proj.weight", Mapped.of(kv, l, 0, new int[] {0, 2, 1}, true));
        out.put(p + "self_attn.v_proj.weight", Mapped.of(kv, l, 1, new int[] {0, 2, 1}, true));
      }
      if (qkv != null) { // (3, N, D, H)[i] -> (N*H, D)
        out.put(p + "self_attn.q_proj.weight", Mapped.of(qkv, l, 0, new int[] {0, 2, 1}, true));
        out.put(p + "self_attn.k_proj.weight", Mapped.of(qkv, l, 1, new int[] {0, 2, 1}, true));
        out.put(p + "self_attn.v_proj.weight", Mapped.of(qkv, l, 2, new int[] {0, 2, 1}, true));
      }
      TensorSource o = stacked.get("layers/attn/attn_vec_einsum/w");
      if (o != null) { // (N, H, D) -> (D, N, H) -> (D, N*H)
        out.put(p + "self_attn.o_proj.weight", Mapped.of(o, l, -1, new int[] {2, 0, 1}, false));
      }
      TensorSource gating = stacked.get("layers/mlp/gating_einsum");
      if (gating != null) { // (2, D, F)[i] -> (F, D)
        out.put(p + "mlp.gate_proj.weight", Mapped.of(gating, l, 0, new int[] {1, 0}, null));
        out.put(p + "mlp.up_proj.weight", Mapped.of(gating, l, 1, new int[] {1, 0}, null));
      }
      TensorSource linear = stacked.get("layers/mlp/linear");
      if (linear != null) { // (F, D) -> (D, F)
        out.put(p + "mlp.down_proj.weight", Mapped.of(linear, l, -1, new int[] {1, 0}, null));
      }
    }
    left.forEach((k, v) -> out.put("(big_vision) " + k, v)); // reported as unexpected
    return checked(out, c, source);
  }

  /** Drops big_vision's {@code params/} and PaliGemma's {@code llm/} scopes. */
  private static Map<String, TensorSource> stripPrefix(Map<String, TensorSource> raw) {
    Map<String, TensorSource> out = new LinkedHashMap<>();
    raw.forEach((k, v) -> {
      String n = k.startsWith("params/") ? k.substring("params/".length()) : k;
      n = n.startsWith("llm/") ? n.substring("llm/".length()) : n;
      out.put(n, v);
    });
    return out;
  }

  private static Optional<TensorSource> take(Map<String, TensorSource> m, String k) {
    return Optional.ofNullable(m.remove(k));
  }

  /** The stacked depth, the same on every stacked tensor and equal to the config's. */
  private static int depthOf(Map<String, TensorSource> a, Map<String, TensorSource> b, GemmaConfig c, String source) {
    Map<String, TensorSource> all = new LinkedHashMap<>(a);
    all.putAll(b);
    for (Map.Entry<String, TensorSource> e : all.entrySet()) {
      long[] s = e.getValue().shape();
      if (s.length == 0 || s[0] != c.depth()) {
        throw new IllegalArgumentException("checkpoint " + source + " does not match the model: " + e.getKey()
            + " has shape " + Arrays.toString(s) + ", but the model stacks " + c.depth() + " layers on axis 0");
      }
    }
    return c.depth();
  }

  private static Map<String, TensorSource> checked(Map<String, TensorSource> params, GemmaConfig c, String source) {
    Map<String, Params.Entry> entries = new LinkedHashMap<>();
    params.forEach((k, v) -> entries.put(k, new Params.Entry(k, v.dtype(), v.shape())));
    java.util.List<ParamSpec> specs = Gemma.params(c);
    java.util.List<ParamSpec> stored = specs.stream().map(GemmaCheckpoint::stored).toList();
    Params.check(stored, entries, source);
    Map<String, TensorSource> out = new LinkedHashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      ParamSpec p = specs.get(i);
      TensorSource t = params.get(stored.get(i).name());
      out.put(p.name(), (p.name().equals(stored.get(i).name()) ? t : t.transposed()).astype(p.dtype()));
    }
    return out;
  }

  /** A model parameter as the checkpoint holds it: a {@link Gemma#KERNEL} (in, out) as its weight (out, in). */
  private static ParamSpec stored(ParamSpec p) {
    String kernel = "." + Gemma.KERNEL;
    if (!p.name().endsWith(kernel)) {
      return p;
    }
    long[] s = p.shape();
    String name = p.name().substring(0, p.name().length() - kernel.length()) + "." + Gemma.WEIGHT;
    return new ParamSpec(name, p.dtype(), new long[] {s[1], s[0]}, p.init());
  }

  /**
   * Layer {@code layer} (and sub-tensor {@code index}, when not -1) of a stacked big_vision tensor, transposed by
   * {@code perm}; {@code merge} true joins the first two result axes, false the last two, null neither. Read whole
   * (one layer's tensor) and sliced for a block.
   */
  private record Mapped(TensorSource stacked, int layer, int index, int[] perm, Boolean merge, long[] shape)
      implements TensorSource {
    static Mapped of(TensorSource stacked, int layer, int index, int[] perm, Boolean merge) {
      long[] s = stacked.shape();
      int skip = index >= 0 ? 2 : 1;
      long[] inner = Arrays.copyOfRange(s, skip, s.length);
      if (inner.length != perm.length) {
        throw new IllegalArgumentException(stacked + " has shape " + Arrays.toString(s) + ", expected rank "
            + (perm.length + skip));
      }
      long[] t = new long[perm.length];
      for (int i = 0; i < perm.length; i++) {
        t[i] = inner[perm[i]];
      }
      long[] shape = merge == null ? t : merge ? new long[] {t[0] * t[1], t[2]} : new long[] {t[0], t[1] * t[2]};
      return new Mapped(stacked, layer, index, perm, merge, shape);
    }

    @Override
    public DType dtype() {
      return stacked.dtype();
    }

    @Override
    public long[] shape() {
      return shape.clone();
    }

    @Override
    public NdArray read(long[] start, long[] size) throws IOException {
      long[] s = stacked.shape();
      long[] st = new long[s.length];
      long[] sz = s.clone();
      st[0] = layer;
      sz[0] = 1;
      int skip = 1;
      if (index >= 0) {
        st[1] = index;
        sz[1] = 1;
        skip = 2;
      }
      NdArray block = stacked.read(st, sz);
      NdArray whole = Blocks.transpose(block.reshape(Arrays.copyOfRange(s, skip, s.length)), perm).reshape(shape);
      return Blocks.slice(whole, start, size);
    }

    @Override
    public String toString() {
      return "layer " + layer + (index >= 0 ? " [" + index + "]" : "") + " of " + stacked;
    }
  }
}
