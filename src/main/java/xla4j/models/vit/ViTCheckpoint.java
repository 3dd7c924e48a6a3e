package xla4j.models.vit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xla4j.array.NdArray;
import xla4j.nn.ParamSpec;
import xla4j.nn.Params;

/**
 * Loading and saving big_vision ViT checkpoints ({@code .npz}, or {@code .safetensors}) for a {@link ViT.Model},
 * as big_vision's {@code vit.load} does: names are flattened with '/', with or without a leading
 * {@code params/}; old checkpoints are fixed by the small named steps below; the position embedding is resampled
 * when the checkpoint's grid differs from the model's; every name and shape is then checked against the model.
 */
public final class ViTCheckpoint {
  private ViTCheckpoint() {}

  /**
   * Reads {@code file} and returns the model's parameters in model order, cast to the model's dtype.
   *
   * @throws IOException for unreadable or malformed files (naming file and key)
   * @throws IllegalArgumentException listing missing, unexpected and mis-shaped keys
   */
  public static Map<String, NdArray> load(Path file, ViT.Model model) throws IOException {
    String name = file.getFileName().toString();
    Map<String, NdArray> raw = name.endsWith(".safetensors") ? xla4j.io.Safetensors.read(file)
        : xla4j.io.Npz.read(file);
    return fromArrays(raw, model, file.toString());
  }

  /** As {@link #load}, from arrays already in memory; {@code source} names them in errors. */
  public static Map<String, NdArray> fromArrays(Map<String, NdArray> raw, ViT.Model model, String source) {
    Map<String, NdArray> params = stripParamsPrefix(raw);
    params = convertPreLinen(params);
    params = fixVeryOldPosemb(params);
    params = fixOldPosemb(params);
    params = fixCombinedClsPosemb(params);
    params = fixInlinedMapHead(params);
    boolean flexi = otherPatchSize(params, model);
    params = resamplePosembToModel(params, model, flexi);
    params = resizePatchEmbeddingToModel(params, model);
    Map<String, Params.Entry> entries = new LinkedHashMap<>();
    params.forEach((k, v) -> entries.put(k, new Params.Entry(k, v.dtype(), v.shape())));
    Params.check(model.params(), entries, source);
    Map<String, NdArray> out = new LinkedHashMap<>();
    for (ParamSpec p : model.params()) {
      out.put(p.name(), params.get(p.name()).astype(p.dtype()));
    }
    return out;
  }

  /** Writes {@code params} as a big_vision {@code .npz} (names as given, e.g. {@code Transformer/...}). */
  public static void save(Path file, Map<String, NdArray> params) throws IOException {
    xla4j.io.Npz.write(file, params);
  }

  // --- Checkpoint fixes: each a small step with its reason, applied in order. ---

  /** big_vision trainers save the Flax variables dict, so keys may start with {@code params/}. */
  static Map<String, NdArray> stripParamsPrefix(Map<String, NdArray> in) {
    Map<String, NdArray> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k.startsWith("params/") ? k.substring("params/".length()) : k, v));
    return out;
  }

  private static final Pattern NUMBERED = Pattern.compile("(.*)_(\\d+)");

  /**
   * Pre-Linen Flax numbered sub-modules per parent across all types ({@code LayerNorm_0, MultiHeadDotProduct-
   * Attention_1, LayerNorm_2, MlpBlock_3}); Linen numbers per type ({@code LayerNorm_0, ..._0, LayerNorm_1,
   * MlpBlock_0}). Renumbers each type's children of a parent in order, as Flax's {@code convert_pre_linen}.
   */
  static Map<String, NdArray> convertPreLinen(Map<String, NdArray> in) {
    // parent path -> type -> original indices (sorted)
    Map<String, Map<String, java.util.TreeSet<Integer>>> children = new TreeMap<>();
    for (String key : in.keySet()) {
      String[] parts = key.split("/");
      StringBuilder parent = new StringBuilder();
      for (int i = 0; i < parts.length - 1; i++) {
        Matcher m = NUMBERED.matcher(parts[i]);
        if (m.matches()) {
          children.computeIfAbsent(parent.toString(), x -> new TreeMap<>())
              .computeIfAbsent(m.group(1), x -> new java.util.TreeSet<>()).add(Integer.parseInt(m.group(2)));
        }
        parent.append(parts[i]).append('/');
      }
    }
    Map<String, NdArray> out = new LinkedHashMap<>();
    for (Map.Entry<String, NdArray> e : in.entrySet()) {
      String[] parts = e.getKey().split("/");
      StringBuilder parent = new StringBuilder();
      StringBuilder renamed = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        String part = parts[i];
        Matcher m = NUMBERED.matcher(part);
        if (i < parts.length - 1 && m.matches() && !part.startsWith("encoderblock_")) {
          List<Integer> order = new ArrayList<>(children.get(parent.toString()).get(m.group(1)));
          part = m.group(1) + "_" + order.indexOf(Integer.parseInt(m.group(2)));
        }
        parent.append(parts[i]).append('/');
        renamed.append(i > 0 ? "/" : "").append(part);
      }
      out.put(renamed.toString(), e.getValue());
    }
    return out;
  }

  /** The original ViT paper's checkpoints keep the posemb in {@code Transformer/posembed_input}. */
  static Map<String, NdArray> fixVeryOldPosemb(Map<String, NdArray> in) {
    return rename(in, "Transformer/posembed_input/pos_embedding", "pos_embedding");
  }

  /** Checkpoints before 2022 keep the posemb inside the encoder. */
  static Map<String, NdArray> fixOldPosemb(Map<String, NdArray> in) {
    return rename(in, "Transformer/pos_embedding", "pos_embedding");
  }

  /**
   * Old vit.py concatenated [cls] before adding the posemb, so the posemb has grid² + 1 rows: the first row is
   * added to {@code cls} and dropped.
   */
  static Map<String, NdArray> fixCombinedClsPosemb(Map<String, NdArray> in) {
    NdArray pe = in.get("pos_embedding");
    if (pe == null || pe.rank() != 3) {
      return in;
    }
    long n = pe.shape()[1];
    long grid = (long) Math.sqrt(n);
    if (grid < 2 || grid * grid + 1 != n) {
      return in;
    }
    long d = pe.shape()[2];
    float[] all = pe.toFloatArray();
    float[] rest = java.util.Arrays.copyOfRange(all, (int) d, all.length);
    Map<String, NdArray> out = new LinkedHashMap<>(in);
    out.put("pos_embedding", NdArray.fromFloats(pe.dtype(), rest, 1, n - 1, d));
    NdArray cls = in.get("cls");
    if (cls != null) {
      float[] c = cls.toFloatArray();
      for (int i = 0; i < d; i++) {
        c[i] += all[i];
      }
      out.put("cls", NdArray.fromFloats(cls.dtype(), c, cls.shape()));
    }
    return out;
  }

  /** MAP-head models from ViT-G's development have the head's parameters at the top level. */
  static Map<String, NdArray> fixInlinedMapHead(Map<String, NdArray> in) {
    if (!in.containsKey("probe")) {
      return in;
    }
    Map<String, NdArray> out = new LinkedHashMap<>();
    in.forEach((k, v) -> {
      boolean head = k.equals("probe") || k.startsWith("MlpBlock_0/") || k.startsWith("MultiHeadDotProductAttention_0/")
          || k.startsWith("LayerNorm_0/");
      out.put(head ? "MAPHead_0/" + k : k, v);
    });
    return out;
  }

  /** Whether the checkpoint's patch embedding has another patch size than the model (a FlexiViT use). */
  static boolean otherPatchSize(Map<String, NdArray> in, ViT.Model model) {
    NdArray k = in.get("embedding/kernel");
    return k != null && k.rank() == 4 && k.shape()[0] != model.config().patch();
  }

  /**
   * A posemb grid of another size than the model's is resized: for another resolution at the same patch size by
   * big_vision's {@code resample_posemb} (scipy zoom, corners aligned); for another patch size as FlexiViT does
   * ({@code jax.image.resize} linear).
   */
  static Map<String, NdArray> resamplePosembToModel(Map<String, NdArray> in, ViT.Model model, boolean flexi) {
    NdArray pe = in.get("pos_embedding");
    ParamSpec want = model.params().stream().filter(p -> p.name().equals("pos_embedding")).findFirst().orElse(null);
    if (pe == null || want == null || java.util.Arrays.equals(pe.shape(), want.shape()) || pe.rank() != 3
        || pe.shape()[2] != want.shape()[2]) {
      return in;
    }
    Map<String, NdArray> out = new LinkedHashMap<>(in);
    out.put("pos_embedding", flexi ? Resize.resizePosembLinear(pe, want.shape()[1])
        : Resize.resamplePosemb(pe, want.shape()[1]));
    return out;
  }

  /** FlexiViT: a checkpoint with another patch size gets its patch embedding PI-resized to the model's. */
  static Map<String, NdArray> resizePatchEmbeddingToModel(Map<String, NdArray> in, ViT.Model model) {
    NdArray k = in.get("embedding/kernel");
    if (k == null || k.rank() != 4 || k.shape()[0] == model.config().patch() || k.shape()[0] != k.shape()[1]) {
      return in;
    }
    Map<String, NdArray> out = new LinkedHashMap<>(in);
    out.put("embedding/kernel", Resize.piResizePatchEmbedding(k, model.config().patch()));
    return out;
  }

  private static Map<String, NdArray> rename(Map<String, NdArray> in, String from, String to) {
    if (!in.containsKey(from)) {
      return in;
    }
    Map<String, NdArray> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k.equals(from) ? to : k, v));
    return out;
  }
}
