package xla4j.models.paligemma;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xla4j.array.Blocks;
import xla4j.array.DType;
import xla4j.array.TensorSource;
import xla4j.io.Checkpoint;
import xla4j.models.OpenedModel;
import xla4j.models.gemma.GemmaCheckpoint;
import xla4j.nn.ParamSpec;
import xla4j.nn.Params;

/**
 * PaliGemma checkpoints, mapped onto {@link PaliGemma}'s parameter names: a Hugging Face model directory
 * ({@code config.json} with {@code vision_config} / {@code text_config}, safetensors, possibly sharded) with tensor
 * names as on the Hub ({@code vision_tower.vision_model.*}, {@code multi_modal_projector.linear.*},
 * {@code language_model.model.*}) or as recent transformers save them ({@code model.vision_tower.*},
 * {@code model.multi_modal_projector.*}, {@code model.language_model.*}); or big_vision's {@code .npz}
 * ({@code img/...} with the encoder blocks scanned on a leading depth axis or not, {@code llm/...}, optionally under
 * {@code params/}). Tensors are read when placed; names and shapes are checked when opened, every missing, unexpected
 * and mis-shaped tensor listed.
 */
public final class PaliGemmaCheckpoint {
  private PaliGemmaCheckpoint() {}

  /** An opened checkpoint: its config and its parameters in model order, as the config's dtype. */
  public static final class Opened extends OpenedModel<PaliGemmaConfig> {
    Opened(PaliGemmaConfig config, Checkpoint file, Map<String, TensorSource> params, Optional<Path> tokenizer) {
      super(config, file, params, tokenizer);
    }
  }

  /**
   * Opens a Hugging Face model directory ({@code config.json} gives the config, parameters in {@code dtype}).
   *
   * @throws IllegalArgumentException for a config that is not PaliGemma's, or missing, unexpected or mis-shaped
   *     tensors
   */
  public static Opened openHuggingFace(Path dir, DType dtype) throws IOException {
    PaliGemmaConfig config = PaliGemmaConfig.fromHuggingFace(OpenedModel.configJson(dir, "PaliGemma"), dtype);
    return OpenedModel.open(dir, dir.resolve("tokenizer.model"), raw -> fromHuggingFace(raw, config, dir.toString()),
        (file, params, tokenizer) -> new Opened(config, file, params, tokenizer));
  }

  /** Opens a big_vision {@code .npz} of a model described by {@code config}. */
  public static Opened openBigVision(Path npz, PaliGemmaConfig config) throws IOException {
    return OpenedModel.open(npz, npz.resolveSibling("tokenizer.model"),
        raw -> fromBigVision(raw, config, npz.toString()),
        (file, params, tokenizer) -> new Opened(config, file, params, tokenizer));
  }

  private static final Pattern HF_LAYER = Pattern.compile("encoder\\.layers\\.(\\d+)\\.(.+)");
  private static final Pattern HF_QKV = Pattern.compile("self_attn\\.([qkv])_proj\\.(weight|bias)");

  /**
   * Hugging Face tensors mapped onto {@link PaliGemma}'s names: SigLIP's PyTorch layouts become big_vision's
   * ({@code patch_embedding.weight} (D, 3, p, p) the {@code embedding/kernel} (p, p, 3, D); {@code q_proj.weight}
   * (H·h, D) the {@code query/kernel} (D, H, h); {@code out_proj.weight} (D, H·h) the {@code out/kernel} (H, h, D);
   * {@code fc1}/{@code fc2} the {@code MlpBlock_0/Dense_0}/{@code Dense_1} kernels transposed;
   * {@code post_layernorm} the {@code encoder_norm}; the projector {@code multi_modal_projector.linear} the
   * {@code head}); the decoder's names are {@link xla4j.models.gemma.Gemma}'s after the prefix; a tied
   * {@code lm_head.weight} is dropped.
   */
  static Map<String, TensorSource> fromHuggingFace(Map<String, TensorSource> raw, PaliGemmaConfig c,
      String source) {
    Map<String, TensorSource> img = new LinkedHashMap<>();
    Map<String, TensorSource> text = new LinkedHashMap<>();
    long heads = c.vision().numHeads();
    long hd = c.vision().width() / heads;
    for (Map.Entry<String, TensorSource> e : raw.entrySet()) {
      String n = e.getKey();
      TensorSource t = e.getValue();
      if (n.startsWith("model.") && !n.startsWith("model.layers.")) {
        n = n.substring("model.".length());
      }
      if (n.startsWith("language_model.")) {
        n = n.substring("language_model.".length());
        n = n.startsWith("model.") ? n.substring("model.".length()) : n;
        if (!n.equals("lm_head.weight")) {
          text.put("model." + n, t);
        }
      } else if (n.equals("lm_head.weight")) {
        continue; // tied to the input embedding
      } else if (n.startsWith("multi_modal_projector.linear.")) {
        String p = n.substring("multi_modal_projector.linear.".length());
        img.put("img/head/" + (p.equals("weight") ? "kernel" : p), p.equals("weight") ? transposed(t) : t);
      } else if (n.startsWith("vision_tower.")) {
        n = n.substring("vision_tower.".length());
        n = n.startsWith("vision_model.") ? n.substring("vision_model.".length()) : n;
        putVision(img, n, t, heads, hd, e.getKey());
      } else {
        img.put("(Hugging Face) " + e.getKey(), t); // reported as unexpected
      }
    }
    return join(img, text, c, source, false);
  }

  private static void putVision(Map<String, TensorSource> img, String n, TensorSource t, long heads, long hd,
      String original) {
    String bv = switch (n) {
      case "embeddings.patch_embedding.weight" -> "embedding/kernel";
      case "embeddings.patch_embedding.bias" -> "embedding/bias";
      case "embeddings.position_embedding.weight" -> "pos_embedding";
      case "post_layernorm.weight" -> "Transformer/encoder_norm/scale";
      case "post_layernorm.bias" -> "Transformer/encoder_norm/bias";
      default -> null;
    };
    if (bv != null) {
      long[] s = t.shape();
      TensorSource m = switch (bv) {
        case "embedding/kernel" -> s.length != 4 ? t
            : t.mapped(new long[] {s[2], s[3], s[1], s[0]}, a -> Blocks.transpose(a, 2, 3, 1, 0), "OIHW to HWIO");
        case "pos_embedding" -> s.length != 2 ? t
            : t.mapped(new long[] {1, s[0], s[1]}, a -> a.reshape(1, s[0], s[1]), "reshaped to (1, N, D)");
        default -> t;
      };
      img.put("img/" + bv, m);
      return;
    }
    Matcher l = HF_LAYER.matcher(n);
    if (!l.matches()) {
      img.put("(Hugging Face) " + original, t);
      return;
    }
    String block = "img/Transformer/encoderblock_" + l.group(1) + "/";
    String rest = l.group(2);
    String attn = block + "MultiHeadDotProductAttention_0/";
    long[] s = t.shape();
    Map<String, String> names = Map.of("layer_norm1.weight", block + "LayerNorm_0/scale", "layer_norm1.bias",
        block + "LayerNorm_0/bias", "layer_norm2.weight", block + "LayerNorm_1/scale", "layer_norm2.bias",
        block + "LayerNorm_1/bias", "mlp.fc1.bias", block + "MlpBlock_0/Dense_0/bias", "mlp.fc2.bias",
        block + "MlpBlock_0/Dense_1/bias", "self_attn.out_proj.bias", attn + "out/bias");
    if (names.containsKey(rest)) {
      img.put(names.get(rest), t);
      return;
    }
    Matcher qkv = HF_QKV.matcher(rest);
    if (qkv.matches()) {
      String to = attn + Map.of("q", "query", "k", "key", "v", "value").get(qkv.group(1)) + "/";
      if (qkv.group(2).equals("weight") && s.length == 2 && s[0] == heads * hd) { // (H*h, D) -> (D, H, h)
        img.put(to + "kernel", t.mapped(new long[] {s[1], heads, hd},
            a -> Blocks.transpose(a, 1, 0).reshape(s[1], heads, hd), "transposed to (D, H, h)"));
      } else if (qkv.group(2).equals("bias") && s.length == 1 && s[0] == heads * hd) {
        img.put(to + "bias", t.mapped(new long[] {heads, hd}, a -> a.reshape(heads, hd), "reshaped to (H, h)"));
      } else {
        img.put(to + (qkv.group(2).equals("weight") ? "kernel" : "bias"), t); // a shape error when checked
      }
      return;
    }
    switch (rest) {
      case "self_attn.out_proj.weight" -> img.put(attn + "out/kernel", s.length == 2 && s[1] == heads * hd
          ? t.mapped(new long[] {heads, hd, s[0]}, a -> Blocks.transpose(a, 1, 0).reshape(heads, hd, s[0]),
              "transposed to (H, h, D)")
          : t);
      case "mlp.fc1.weight" -> img.put(block + "MlpBlock_0/Dense_0/kernel", transposed(t));
      case "mlp.fc2.weight" -> img.put(block + "MlpBlock_0/Dense_1/kernel", transposed(t));
      default -> img.put("(Hugging Face) " + original, t);
    }
  }

  /** A PyTorch {@code nn.Linear} weight (out, in) as a Flax kernel (in, out). */
  private static TensorSource transposed(TensorSource t) {
    long[] s = t.shape();
    return s.length != 2 ? t : t.transposed();
  }

  /**
   * big_vision's tree: {@code img/...} as the ViT's names (scanned blocks {@code Transformer/encoderblock/X} with a
   * leading depth axis are split into {@code encoderblock_i/X}), {@code llm/...} as
   * {@link GemmaCheckpoint#fromBigVision}; an optional {@code params/} prefix.
   */
  static Map<String, TensorSource> fromBigVision(Map<String, TensorSource> raw, PaliGemmaConfig c,
      String source) {
    Map<String, TensorSource> img = new LinkedHashMap<>();
    Map<String, TensorSource> text = new LinkedHashMap<>();
    int depth = c.vision().depth();
    for (Map.Entry<String, TensorSource> e : raw.entrySet()) {
      String n = e.getKey().startsWith("params/") ? e.getKey().substring("params/".length()) : e.getKey();
      TensorSource t = e.getValue();
      if (n.startsWith("llm/")) {
        text.put(n, t);
      } else if (n.startsWith("img/Transformer/encoderblock/")) {
        String rest = n.substring("img/Transformer/encoderblock/".length());
        long[] s = t.shape();
        if (s.length == 0 || s[0] != depth) {
          throw new IllegalArgumentException("checkpoint " + source + " does not match the model: " + e.getKey()
              + " has shape " + java.util.Arrays.toString(s) + ", but the image encoder stacks " + depth
              + " blocks on axis 0");
        }
        for (int i = 0; i < depth; i++) {
          img.put("img/Transformer/encoderblock_" + i + "/" + rest, t.index(i));
        }
      } else if (n.startsWith("img/")) {
        img.put(n, t);
      } else {
        img.put("(big_vision) " + e.getKey(), t);
      }
    }
    return join(img, text, c, source, true);
  }

  /** The image tower checked against {@link PaliGemma#imageParams}, the decoder by {@link GemmaCheckpoint}. */
  private static Map<String, TensorSource> join(Map<String, TensorSource> img, Map<String, TensorSource> text,
      PaliGemmaConfig c, String source, boolean bigVision) {
    List<ParamSpec> specs = PaliGemma.imageParams(c);
    Map<String, Params.Entry> entries = new LinkedHashMap<>();
    img.forEach((k, v) -> entries.put(k, new Params.Entry(k, v.dtype(), v.shape())));
    Params.check(specs, entries, source + " (image encoder)");
    Map<String, TensorSource> out = new LinkedHashMap<>();
    for (ParamSpec p : specs) {
      out.put(p.name(), img.get(p.name()).astype(p.dtype()));
    }
    out.putAll(bigVision ? GemmaCheckpoint.fromBigVision(text, c.text(), source + " (llm)")
        : GemmaCheckpoint.fromHuggingFace(text, c.text(), source + " (language model)"));
    return out;
  }
}
