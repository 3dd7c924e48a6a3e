package xla4j.models.paligemma;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import xla4j.array.DType;
import xla4j.io.JsonConfig;
import xla4j.models.gemma.GemmaConfig;
import xla4j.models.vit.ViTConfig;

/**
 * A PaliGemma or PaliGemma 2 model: the SigLIP image encoder ({@code vision}: a ViT with pool {@code none} whose
 * {@code head} is the linear projector to the language model's width, as big_vision's
 * {@code models/proj/paligemma/paligemma.py} configures its {@code img} model), and the Gemma or Gemma 2 decoder
 * ({@code text}).
 *
 * @param variant the variant name ({@code pali_3b_224}, {@code pali2_10b_448}, ...) or {@code custom}
 * @param vision the image encoder; its {@code numClasses} is the text width
 * @param text the decoder; PaliGemma applies no final logits soft cap (big_vision runs PaliGemma 2's Gemma 2 with
 *     {@code final_logits_softcap=0.0}, and Hugging Face's {@code PaliGemmaForConditionalGeneration} projects to the
 *     vocabulary itself, without Gemma 2's cap), so a cap in {@code text} is dropped
 */
public record PaliGemmaConfig(String variant, ViTConfig vision, GemmaConfig text) {

  /** Checks that the encoder is a PaliGemma image tower for this decoder; drops a final logits soft cap. */
  public PaliGemmaConfig {
    text = text.withFinalLogitsSoftcap(java.util.OptionalDouble.empty());
    if (!vision.pool().equals("none") || vision.numClasses() != text.width() || vision.repSize() != 0
        || vision.mergeAfter() >= 0 || !vision.posemb().equals("learn")) {
      throw new IllegalArgumentException("PaliGemma requires a ViT with pool none, learned position embeddings, no "
          + "pre_logits or PatchMerger, and a head to the text width " + text.width() + ", got " + vision.describe()
          + " with " + vision.numClasses() + " classes");
    }
    if (vision.imageSize() % vision.patch() != 0) {
      throw new IllegalArgumentException("PaliGemma requires an image size divisible by the patch size, got "
          + vision.imageSize() + " px and patch " + vision.patch());
    }
  }

  /**
   * Vocabulary of PaliGemma's tokenizer in big_vision: Gemma's 256000, 1024 {@code <locNNNN>}, 128
   * {@code <segNNN>}.
   */
  public static final int VOCAB = 256_000 + 1024 + 128;

  /**
   * The variant table: PaliGemma ("PaliGemma: A versatile 3B VLM for transfer", 2024: SigLIP-So400m/14 + Gemma 2B)
   * and PaliGemma 2 ("PaliGemma 2: A Family of Versatile VLMs for Transfer", 2024: So400m/14 + Gemma 2 2B, 9B, 27B),
   * each at 224, 448 and 896 px (256, 1024, 4096 image tokens); vocabulary {@link #VOCAB}.
   */
  public static final Map<String, PaliGemmaConfig> VARIANTS = variants();

  private static Map<String, PaliGemmaConfig> variants() {
    Map<String, PaliGemmaConfig> m = new TreeMap<>();
    Map<String, String> llms = Map.of("pali_3b", "gemma_2b", "pali2_3b", "gemma2_2b", "pali2_10b", "gemma2_9b",
        "pali2_28b", "gemma2_27b");
    for (Map.Entry<String, String> e : llms.entrySet()) {
      for (int px : new int[] {224, 448, 896}) {
        String name = e.getKey() + "_" + px;
        GemmaConfig text = GemmaConfig.fromVariant(e.getValue()).withVocab(VOCAB).withVariant(name);
        m.put(name, new PaliGemmaConfig(name, siglip(ViTConfig.fromVariant("So400m/14"), px, text.width(),
            DType.F32), text));
      }
    }
    return Collections.unmodifiableMap(m);
  }

  private static ViTConfig siglip(ViTConfig base, long px, long textWidth, DType dtype) {
    return base.withImageSize(px).withPool("none").withNumClasses(textWidth).withHeadZeroinit(false)
        .withRepSize(0).withDtype(dtype);
  }

  /** A variant by name. */
  public static PaliGemmaConfig fromVariant(String name) {
    PaliGemmaConfig c = VARIANTS.get(name);
    if (c == null) {
      throw new IllegalArgumentException("unknown PaliGemma variant '" + name + "'; known: " + VARIANTS.keySet());
    }
    return c;
  }

  /** Image tokens per image: (image size / patch)^2. */
  public int imageTokens() {
    return (int) (vision.gridSize() * vision.gridSize());
  }

  /** The input resolution (square). */
  public int imageSize() {
    return (int) vision.imageSize();
  }

  /** The parameter and activation dtype (both towers). */
  public DType dtype() {
    return text.dtype();
  }

  /** This config with both towers in {@code d}. */
  public PaliGemmaConfig withDtype(DType d) {
    return new PaliGemmaConfig(variant, vision.withDtype(d), text.withDtype(d));
  }

  /** This config with only the first {@code n} decoder layers (benchmarks of a shallower model). */
  public PaliGemmaConfig withTextDepth(int n) {
    return new PaliGemmaConfig(variant, vision, text.withDepth(n));
  }

  /**
   * Reads Hugging Face's {@code PaliGemmaConfig} ({@code model_type} {@code paligemma}): {@code vision_config} (a
   * {@code SiglipVisionConfig}) and {@code text_config} (a {@code GemmaConfig} or {@code Gemma2Config}); keys the
   * file omits take those classes' defaults, as transformers does (Hub configs list only what differs).
   *
   * @throws IllegalArgumentException naming a missing or unsupported key
   */
  public static PaliGemmaConfig fromHuggingFace(JsonConfig j, DType dtype) {
    String type = j.string("model_type", "(none)");
    if (!type.equals("paligemma")) {
      throw new IllegalArgumentException(j.source() + ": model_type \"" + type + "\" is not PaliGemma's "
          + "(\"paligemma\")");
    }
    JsonConfig v = j.has("vision_config") ? j.object("vision_config")
        : new JsonConfig(new JsonObject(), j.source() + " vision_config");
    JsonConfig t = j.object("text_config");
    JsonObject text = withDefaults(t.json(), textDefaults(t.string("model_type", "gemma")));
    if (!text.has("vocab_size") && j.has("vocab_size")) {
      text.addProperty("vocab_size", j.integer("vocab_size"));
    }
    GemmaConfig g = GemmaConfig.fromHuggingFace(new JsonConfig(text, t.source()), dtype);
    String act = v.string("hidden_act", "gelu_pytorch_tanh");
    if (!act.equals("gelu_pytorch_tanh") && !act.equals("gelu_fast") && !act.equals("gelu_new")) {
      throw new IllegalArgumentException(v.source() + ": hidden_act \"" + act + "\" is not supported; PaliGemma's "
          + "SigLIP uses the tanh-approximated GELU (gelu_pytorch_tanh)");
    }
    double eps = v.number("layer_norm_eps", 1e-6);
    if (eps != 1e-6) {
      throw new IllegalArgumentException(v.source() + ": layer_norm_eps " + eps + " is not supported (SigLIP's is "
          + "1e-6)");
    }
    if (v.bool("vision_use_head", false)) {
      throw new IllegalArgumentException(v.source() + ": vision_use_head true is not PaliGemma's (its image tokens "
          + "are the encoder's tokens, pool none)");
    }
    int projection = j.integer("projection_dim", v.integer("projection_dim", g.width()));
    if (projection != g.width()) {
      throw new IllegalArgumentException(j.source() + ": projection_dim " + projection + " must equal the text "
          + "hidden_size " + g.width());
    }
    // SiglipVisionConfig's defaults
    ViTConfig base = new ViTConfig(v.integer("hidden_size", 768), v.integer("num_hidden_layers", 12),
        v.integer("intermediate_size", 3072), v.integer("num_attention_heads", 12), v.integer("patch_size", 16),
        v.integer("image_size", 224), "learn", "none", 0, g.width(), false, -1, 0, dtype);
    if (v.integer("num_channels", 3) != 3) {
      throw new IllegalArgumentException(v.source() + ": num_channels must be 3 (RGB)");
    }
    String name = j.string("xla4j_variant", "custom");
    return new PaliGemmaConfig(name, siglip(base, base.imageSize(), g.width(), dtype), g.withVariant(name));
  }

  /** transformers' {@code GemmaConfig} / {@code Gemma2Config} defaults for keys PaliGemma configs often omit. */
  private static JsonObject textDefaults(String modelType) {
    JsonObject d = new JsonObject();
    d.addProperty("head_dim", 256);
    d.addProperty("rope_theta", 10_000.0);
    d.addProperty("rms_norm_eps", 1e-6);
    d.addProperty("max_position_embeddings", 8192);
    if (modelType.equals("gemma2")) {
      d.addProperty("query_pre_attn_scalar", 256);
      d.addProperty("sliding_window", 4096);
      d.addProperty("attn_logit_softcapping", 50.0);
      d.addProperty("final_logit_softcapping", 30.0);
    }
    return d;
  }

  private static JsonObject withDefaults(JsonObject given, JsonObject defaults) {
    JsonObject out = given.deepCopy();
    for (Map.Entry<String, JsonElement> e : defaults.entrySet()) {
      if (!out.has(e.getKey())) {
        out.add(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
