package xla4j.models.gemma;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import xla4j.array.DType;
import xla4j.io.JsonConfig;

/**
 * A Gemma or Gemma 2 decoder, as big_vision's {@code get_config(variant)} and Hugging Face's {@code GemmaConfig} /
 * {@code Gemma2Config} describe it.
 *
 * @param variant the variant name ({@code gemma2_2b}), or {@code custom} for a config read from elsewhere
 * @param architecture Gemma (1) or Gemma 2 (post-norms, soft-capping, local/global layers)
 * @param vocabSize {@code vocab_size}
 * @param width {@code hidden_size} (big_vision {@code width}, D)
 * @param depth {@code num_hidden_layers}
 * @param mlpDim {@code intermediate_size} (big_vision {@code mlp_dim}, F)
 * @param numHeads {@code num_attention_heads} (N)
 * @param numKvHeads {@code num_key_value_heads} (K): N for multi-head, 1 for multi-query, else grouped-query
 * @param headDim {@code head_dim} (H)
 * @param normEps {@code rms_norm_eps}
 * @param ropeTheta the RoPE base ({@code rope_theta}, big_vision {@code max_wavelength})
 * @param queryPreAttnScalar queries are scaled by {@code queryPreAttnScalar^-1/2} ({@code query_pre_attn_scalar};
 *     {@code head_dim} in Gemma 1)
 * @param attnLogitsSoftcap {@code attn_logit_softcapping}, if any
 * @param finalLogitsSoftcap {@code final_logit_softcapping}, if any
 * @param activation the GeGLU gate's GELU ({@code hidden_activation} / {@code hidden_act})
 * @param layerTypes each layer's attention ({@code layer_types}); sliding layers attend to {@code slidingWindow}
 *     positions
 * @param slidingWindow {@code sliding_window}, present iff some layer is sliding
 * @param maxPositionEmbeddings {@code max_position_embeddings}: the longest context
 * @param dtype the dtype parameters, activations and the KV cache are stored in (f32 or bf16)
 * @param bosId {@code bos_token_id}
 * @param eosIds {@code eos_token_id} (one or several)
 * @param padId {@code pad_token_id}
 */
public record GemmaConfig(String variant, Architecture architecture, int vocabSize, int width, int depth, int mlpDim,
    int numHeads, int numKvHeads, int headDim, double normEps, double ropeTheta, double queryPreAttnScalar,
    OptionalDouble attnLogitsSoftcap, OptionalDouble finalLogitsSoftcap, Activation activation,
    List<LayerType> layerTypes, OptionalInt slidingWindow, int maxPositionEmbeddings, DType dtype, int bosId,
    List<Integer> eosIds, int padId) {

  /** The model family ({@code model_type}). */
  public enum Architecture {
    /** Gemma (Gemma Team 2024, arXiv:2403.08295): {@code model_type} "gemma". */
    GEMMA("gemma"),
    /** Gemma 2 (Gemma Team 2024, arXiv:2408.00118): {@code model_type} "gemma2". */
    GEMMA2("gemma2");

    private final String modelType;

    Architecture(String modelType) {
      this.modelType = modelType;
    }

    /** Hugging Face's {@code model_type}. */
    public String modelType() {
      return modelType;
    }

    /** The architecture of a {@code model_type}. */
    public static Architecture fromModelType(String t) {
      for (Architecture a : values()) {
        if (a.modelType.equals(t)) {
          return a;
        }
      }
      throw new IllegalArgumentException("Gemma requires model_type \"gemma\" or \"gemma2\", got \"" + t + "\"");
    }
  }

  /** The GeGLU gate's nonlinearity. */
  public enum Activation {
    /** The tanh approximation ({@code gelu_pytorch_tanh}; Flax's {@code nn.gelu}): every released Gemma. */
    GELU_TANH,
    /** The exact, erf-based GELU ({@code gelu}). */
    GELU
  }

  /** A layer's attention span ({@code layer_types}). */
  public enum LayerType {
    /** Attends to every earlier position ({@code full_attention}). */
    FULL_ATTENTION("full_attention"),
    /** Attends to the last {@code sliding_window} positions ({@code sliding_attention}, Gemma 2's local layers). */
    SLIDING_ATTENTION("sliding_attention");

    private final String hfName;

    LayerType(String hfName) {
      this.hfName = hfName;
    }

    /** The name in {@code layer_types}. */
    public String hfName() {
      return hfName;
    }
  }

  public GemmaConfig {
    layerTypes = List.copyOf(layerTypes);
    eosIds = List.copyOf(eosIds);
    check(vocabSize > 0 && width > 0 && depth > 0 && mlpDim > 0 && numHeads > 0 && numKvHeads > 0 && headDim > 0,
        "positive sizes, got vocab_size " + vocabSize + ", hidden_size " + width + ", num_hidden_layers " + depth
            + ", intermediate_size " + mlpDim + ", num_attention_heads " + numHeads + ", num_key_value_heads "
            + numKvHeads + ", head_dim " + headDim);
    check(numHeads % numKvHeads == 0, "num_attention_heads divisible by num_key_value_heads, got " + numHeads
        + " and " + numKvHeads);
    check(headDim % 2 == 0, "an even head_dim (RoPE rotates halves), got " + headDim);
    check(layerTypes.size() == depth, "one layer type per layer, got " + layerTypes.size() + " for "
        + depth + " layers");
    boolean sliding = layerTypes.contains(LayerType.SLIDING_ATTENTION);
    check(sliding == slidingWindow.isPresent() && slidingWindow.orElse(1) > 0, "a positive sliding_window iff some "
        + "layer is sliding_attention, got " + slidingWindow + " with layer_types " + layerTypes);
    check(dtype == DType.F32 || dtype == DType.BF16, "dtype f32 or bf16, got " + dtype.xlaName());
    check(normEps > 0 && ropeTheta > 0 && queryPreAttnScalar > 0, "positive rms_norm_eps, rope_theta and "
        + "query_pre_attn_scalar, got " + normEps + ", " + ropeTheta + " and " + queryPreAttnScalar);
    check(attnLogitsSoftcap.orElse(1) > 0 && finalLogitsSoftcap.orElse(1) > 0, "positive soft caps, got "
        + attnLogitsSoftcap + " and " + finalLogitsSoftcap);
    check(maxPositionEmbeddings > 0, "a positive max_position_embeddings, got " + maxPositionEmbeddings);
    for (int id : concat(List.of(bosId, padId), eosIds)) {
      check(id >= 0 && id < vocabSize, "special token ids inside the vocabulary [0, " + vocabSize + "), got bos "
          + bosId + ", eos " + eosIds + ", pad " + padId);
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("GemmaConfig requires " + what);
    }
  }

  private static List<Integer> concat(List<Integer> a, List<Integer> b) {
    List<Integer> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * The variant table, as big_vision's {@code get_config}: Gemma 2B and 7B (Gemma Team, "Gemma: Open Models Based on
   * Gemini Research and Technology", 2024, Table 1), Gemma 2 2B, 9B and 27B ("Gemma 2: Improving Open Language
   * Models at a Practical Size", 2024, Table 1: local sliding window 4096, attention soft cap 50, final soft cap 30;
   * 27B scales queries by (d_model / num_heads)^-1/2 = 144^-1/2). Vocabulary 256000 (the released embeddings; some
   * original checkpoints pad it to 256128).
   */
  public static final Map<String, GemmaConfig> VARIANTS = variants();

  private static Map<String, GemmaConfig> variants() {
    Map<String, GemmaConfig> m = new TreeMap<>();
    m.put("gemma_2b", gemma("gemma_2b", 2048, 18, 16_384, 8, 1, 256));
    m.put("gemma_7b", gemma("gemma_7b", 3072, 28, 24_576, 16, 16, 256));
    m.put("gemma2_2b", gemma2("gemma2_2b", 2304, 26, 9_216, 8, 4, 256, 256));
    m.put("gemma2_9b", gemma2("gemma2_9b", 3584, 42, 14_336, 16, 8, 256, 256));
    m.put("gemma2_27b", gemma2("gemma2_27b", 4608, 46, 36_864, 32, 16, 128, 4608 / 32));
    return Collections.unmodifiableMap(m);
  }

  private static GemmaConfig gemma(String name, int width, int depth, int mlp, int heads, int kv, int headDim) {
    return new GemmaConfig(name, Architecture.GEMMA, 256_000, width, depth, mlp, heads, kv, headDim, 1e-6, 10_000,
        headDim, OptionalDouble.empty(), OptionalDouble.empty(), Activation.GELU_TANH,
        Collections.nCopies(depth, LayerType.FULL_ATTENTION), OptionalInt.empty(), 8192, DType.F32, 2, List.of(1), 0);
  }

  private static GemmaConfig gemma2(String name, int width, int depth, int mlp, int heads, int kv, int headDim,
      double queryPreAttnScalar) {
    return new GemmaConfig(name, Architecture.GEMMA2, 256_000, width, depth, mlp, heads, kv, headDim, 1e-6, 10_000,
        queryPreAttnScalar, OptionalDouble.of(50), OptionalDouble.of(30), Activation.GELU_TANH,
        alternating(depth), OptionalInt.of(4096), 8192, DType.F32, 2, List.of(1), 0);
  }

  /** Gemma 2's pattern: even layers local (sliding), odd layers global, as {@code Gemma2Config}'s default. */
  static List<LayerType> alternating(int depth) {
    List<LayerType> t = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      t.add(i % 2 == 0 ? LayerType.SLIDING_ATTENTION : LayerType.FULL_ATTENTION);
    }
    return t;
  }

  /** A variant by name. */
  public static GemmaConfig fromVariant(String name) {
    GemmaConfig c = VARIANTS.get(name);
    if (c == null) {
      throw new IllegalArgumentException("unknown Gemma variant '" + name + "'; known: " + VARIANTS.keySet());
    }
    return c;
  }

  /** This config with parameters and activations in {@code dtype}. */
  public GemmaConfig withDtype(DType d) {
    return new GemmaConfig(variant, architecture, vocabSize, width, depth, mlpDim, numHeads, numKvHeads, headDim,
        normEps, ropeTheta, queryPreAttnScalar, attnLogitsSoftcap, finalLogitsSoftcap, activation, layerTypes,
        slidingWindow, maxPositionEmbeddings, d, bosId, eosIds, padId);
  }

  /** This config with a vocabulary of {@code v} tokens (PaliGemma's adds location and segmentation tokens). */
  public GemmaConfig withVocab(int v) {
    return new GemmaConfig(variant, architecture, v, width, depth, mlpDim, numHeads, numKvHeads, headDim,
        normEps, ropeTheta, queryPreAttnScalar, attnLogitsSoftcap, finalLogitsSoftcap, activation, layerTypes,
        slidingWindow, maxPositionEmbeddings, dtype, bosId, eosIds, padId);
  }

  /** This config with the final logits soft-capped at {@code cap} (empty: not capped). */
  public GemmaConfig withFinalLogitsSoftcap(OptionalDouble cap) {
    return new GemmaConfig(variant, architecture, vocabSize, width, depth, mlpDim, numHeads, numKvHeads, headDim,
        normEps, ropeTheta, queryPreAttnScalar, attnLogitsSoftcap, cap, activation, layerTypes,
        slidingWindow, maxPositionEmbeddings, dtype, bosId, eosIds, padId);
  }

  /** This config with only the first {@code n} layers (benchmarks of a shallower model of the same shape). */
  public GemmaConfig withDepth(int n) {
    List<LayerType> types = n <= layerTypes.size() ? layerTypes.subList(0, n) : extend(n);
    boolean sliding = types.contains(LayerType.SLIDING_ATTENTION);
    return new GemmaConfig(variant, architecture, vocabSize, width, n, mlpDim, numHeads, numKvHeads, headDim,
        normEps, ropeTheta, queryPreAttnScalar, attnLogitsSoftcap, finalLogitsSoftcap, activation, types,
        sliding ? slidingWindow : OptionalInt.empty(), maxPositionEmbeddings, dtype, bosId, eosIds, padId);
  }

  private List<LayerType> extend(int n) {
    return architecture == Architecture.GEMMA2 ? alternating(n) : Collections.nCopies(n, LayerType.FULL_ATTENTION);
  }

  /** Gemma 2's post-attention and post-feed-forward norms. */
  public boolean postNorms() {
    return architecture == Architecture.GEMMA2;
  }

  /** Query heads per key/value head (G). */
  public int groups() {
    return numHeads / numKvHeads;
  }

  /** Whether layer {@code i} attends through a sliding window. */
  public boolean isSliding(int i) {
    return layerTypes.get(i) == LayerType.SLIDING_ATTENTION;
  }

  /** The number of parameters (embedding counted once: it is tied). */
  public long numParams() {
    long attn = (long) width * headDim * (2L * numHeads + 2L * numKvHeads);
    long mlp = 3L * width * mlpDim;
    long norms = (postNorms() ? 4L : 2L) * width;
    return (long) vocabSize * width + depth * (attn + mlp + norms) + width;
  }

  /**
   * Reads a Hugging Face {@code config.json} ({@code GemmaConfig} / {@code Gemma2Config}), both the Hub's keys
   * ({@code rope_theta}, {@code hidden_act} / {@code hidden_activation}) and the newer ones
   * ({@code rope_parameters}, {@code layer_types}). Parameters are in {@code dtype}.
   *
   * @throws IllegalArgumentException naming a missing or unsupported key, or an unknown {@code model_type}
   */
  public static GemmaConfig fromHuggingFace(JsonConfig j, DType dtype) {
    JsonObject json = j.json();
    Architecture arch = Architecture.fromModelType(j.string("model_type", "(none)"));
    int depth = j.integer("num_hidden_layers");
    int heads = j.integer("num_attention_heads");
    int hidden = j.integer("hidden_size");
    int headDim = j.has("head_dim") ? j.integer("head_dim") : hidden / heads;
    if (j.has("attention_bias") && j.bool("attention_bias", false)) {
      throw new IllegalArgumentException("Gemma has no attention biases, but config.json sets attention_bias: true");
    }
    if (!j.bool("tie_word_embeddings", true)) {
      throw new IllegalArgumentException("Gemma ties its output embedding to the input embedding, but config.json "
          + "sets tie_word_embeddings: false");
    }
    double theta = ropeTheta(j);
    List<LayerType> types = new ArrayList<>();
    if (j.has("layer_types")) {
      for (JsonElement e : json.getAsJsonArray("layer_types")) {
        types.add(layerType(e.getAsString()));
      }
    } else {
      types = arch == Architecture.GEMMA2 ? alternating(depth) : Collections.nCopies(depth, LayerType.FULL_ATTENTION);
    }
    OptionalInt window = OptionalInt.empty();
    if (types.contains(LayerType.SLIDING_ATTENTION)) {
      if (!j.has("sliding_window")) {
        throw new IllegalArgumentException("config.json has sliding_attention layers but no sliding_window");
      }
      window = OptionalInt.of(j.integer("sliding_window"));
    }
    List<Integer> eos = new ArrayList<>();
    JsonElement e = json.get("eos_token_id");
    if (e == null || e.isJsonNull()) {
      eos.add(1);
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> eos.add(x.getAsInt()));
    } else {
      eos.add(e.getAsInt());
    }
    return new GemmaConfig(j.string("xla4j_variant", "custom"), arch, j.integer("vocab_size"), hidden, depth, j.integer("intermediate_size"),
        heads, j.integer("num_key_value_heads", heads), headDim, j.number("rms_norm_eps", 1e-6), theta,
        arch == Architecture.GEMMA2 ? j.number("query_pre_attn_scalar", headDim) : headDim,
        arch == Architecture.GEMMA2 ? j.optionalNumber("attn_logit_softcapping") : OptionalDouble.empty(),
        arch == Architecture.GEMMA2 ? j.optionalNumber("final_logit_softcapping") : OptionalDouble.empty(),
        activation(j, arch), types, window, j.integer("max_position_embeddings", 8192), dtype,
        j.integer("bos_token_id", 2), eos, j.integer("pad_token_id", 0));
  }

  private static LayerType layerType(String s) {
    for (LayerType t : LayerType.values()) {
      if (t.hfName.equals(s)) {
        return t;
      }
    }
    throw new IllegalArgumentException("config.json layer_types requires \"full_attention\" or "
        + "\"sliding_attention\", got \"" + s + "\"");
  }

  /** {@code rope_parameters.rope_theta} (transformers 5), else {@code rope_theta}; only the default RoPE type. */
  private static double ropeTheta(JsonConfig j) {
    if (j.has("rope_parameters")) {
      JsonConfig rp = j.object("rope_parameters");
      String type = rp.string("rope_type", "default");
      if (!type.equals("default")) {
        throw new IllegalArgumentException("Gemma requires rope_parameters.rope_type \"default\", got \"" + type
            + "\"");
      }
      return rp.number("rope_theta", 10_000);
    }
    if (j.has("rope_scaling")) {
      throw new IllegalArgumentException("Gemma has no RoPE scaling, but config.json sets rope_scaling");
    }
    return j.number("rope_theta", 10_000);
  }

  /**
   * {@code hidden_activation}, else {@code hidden_act}. A Gemma 1 {@code hidden_act: "gelu"} means the tanh
   * approximation (a legacy value of the official releases, as {@code GemmaConfig} itself rewrites it).
   */
  private static Activation activation(JsonConfig j, Architecture arch) {
    String a = j.has("hidden_activation") ? j.string("hidden_activation", null) : j.string("hidden_act",
        "gelu_pytorch_tanh");
    switch (a) {
      case "gelu_pytorch_tanh":
      case "gelu_new":
      case "gelu_fast":
        return Activation.GELU_TANH;
      case "gelu":
        return arch == Architecture.GEMMA && !j.has("hidden_activation") ? Activation.GELU_TANH : Activation.GELU;
      default:
        throw new IllegalArgumentException("Gemma requires a GELU hidden_activation (gelu_pytorch_tanh or gelu), "
            + "got \"" + a + "\"");
    }
  }

  /**
   * This config as a Hugging Face {@code config.json} object ({@link #fromHuggingFace} reads it back to an equal
   * config, given the same dtype; the variant name is kept as {@code xla4j_variant}).
   */
  public JsonObject toHuggingFace() {
    JsonObject o = new JsonObject();
    o.addProperty("model_type", architecture.modelType());
    o.addProperty("xla4j_variant", variant);
    o.addProperty("vocab_size", vocabSize);
    o.addProperty("hidden_size", width);
    o.addProperty("num_hidden_layers", depth);
    o.addProperty("intermediate_size", mlpDim);
    o.addProperty("num_attention_heads", numHeads);
    o.addProperty("num_key_value_heads", numKvHeads);
    o.addProperty("head_dim", headDim);
    o.addProperty("rms_norm_eps", normEps);
    JsonObject rope = new JsonObject();
    rope.addProperty("rope_type", "default");
    rope.addProperty("rope_theta", ropeTheta);
    o.add("rope_parameters", rope);
    if (architecture == Architecture.GEMMA2) {
      o.addProperty("query_pre_attn_scalar", queryPreAttnScalar);
      attnLogitsSoftcap.ifPresent(v -> o.addProperty("attn_logit_softcapping", v));
      finalLogitsSoftcap.ifPresent(v -> o.addProperty("final_logit_softcapping", v));
    }
    o.addProperty("hidden_activation", activation == Activation.GELU_TANH ? "gelu_pytorch_tanh" : "gelu");
    com.google.gson.JsonArray types = new com.google.gson.JsonArray();
    layerTypes.forEach(t -> types.add(t.hfName()));
    o.add("layer_types", types);
    slidingWindow.ifPresent(w -> o.addProperty("sliding_window", w));
    o.addProperty("max_position_embeddings", maxPositionEmbeddings);
    o.addProperty("bos_token_id", bosId);
    com.google.gson.JsonArray eos = new com.google.gson.JsonArray();
    eosIds.forEach(eos::add);
    o.add("eos_token_id", eos);
    o.addProperty("pad_token_id", padId);
    o.addProperty("tie_word_embeddings", true);
    o.addProperty("dtype", dtype == DType.BF16 ? "bfloat16" : "float32");
    return o;
  }

  /** This config with another variant name (configs read from files are {@code custom}). */
  public GemmaConfig withVariant(String name) {
    return new GemmaConfig(name, architecture, vocabSize, width, depth, mlpDim, numHeads, numKvHeads, headDim,
        normEps, ropeTheta, queryPreAttnScalar, attnLogitsSoftcap, finalLogitsSoftcap, activation, layerTypes,
        slidingWindow, maxPositionEmbeddings, dtype, bosId, eosIds, padId);
  }

  /** This config with other end-of-sequence ids. */
  public GemmaConfig withEos(List<Integer> ids) {
    return new GemmaConfig(variant, architecture, vocabSize, width, depth, mlpDim, numHeads, numKvHeads, headDim,
        normEps, ropeTheta, queryPreAttnScalar, attnLogitsSoftcap, finalLogitsSoftcap, activation, layerTypes,
        slidingWindow, maxPositionEmbeddings, dtype, bosId, ids, padId);
  }
}
