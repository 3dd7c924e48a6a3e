package xla4j.models.vit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xla4j.array.NdArray;
import xla4j.array.TensorSource;
import xla4j.io.Checkpoint;
import xla4j.nn.ParamSpec;
import xla4j.nn.Params;

/**
 * Loading and saving big_vision ViT checkpoints ({@code .npz}, or {@code .safetensors}) for a {@link ViT.Model},
 * as big_vision's {@code vit.load} (or FlexiViT's {@code load}, see {@link Options}) does: names are flattened
 * with '/'; the parameters are the {@code params/} (or {@code opt/target/}) sub-tree when there is one, optionally
 * a named sub-model ({@code FILE:KEY}); old checkpoints are fixed by the small named steps below; the position embedding is resampled
 * when the checkpoint's grid differs from the model's; every name and shape is then checked against the model.
 */
public final class ViTCheckpoint {
  private ViTCheckpoint() {}

  /**
   * How a checkpoint is read.
   *
   * @param key a sub-tree of the parameters to load, as big_vision's {@code FILE:KEY} (e.g. {@code img}, the
   *     image tower of a SigLIP two-tower checkpoint), or null for all of them
   * @param flexi FlexiViT's loading ({@code big_vision/models/proj/flexi/vit.py}): a patch embedding of another
   *     patch size is PI-resized to the model's, and the position embedding grid is resized by
   *     {@code jax.image.resize} "linear" as FlexiViT's forward does; otherwise big_vision's {@code vit.load}:
   *     the grid is resampled by {@code resample_posemb} (scipy zoom, corners aligned) and the patch size must match
   * @param flexiPosembSize with {@code flexi}, FlexiViT's {@code posemb_size} (grid side) when it differs from the
   *     checkpoint's grid: the grid is first resampled to it by {@code resample_posemb}, as FlexiViT's
   *     {@code load}, then resized linearly to the model's grid; 0 to take the checkpoint's grid as is
   */
  public record Options(String key, boolean flexi, long flexiPosembSize) {
    private static final Pattern KEY = Pattern.compile("[\\w/]+");

    /**
     * Checks the options; throws {@code IllegalArgumentException} for a key that is not a '/'-separated name or a
     * {@code flexiPosembSize} without {@code flexi} or below 0.
     */
    public Options {
      if (key != null && !KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("checkpoint key must be a '/'-separated name, got '" + key + "'");
      }
      if (flexiPosembSize < 0 || (!flexi && flexiPosembSize != 0)) {
        throw new IllegalArgumentException("flexiPosembSize requires flexi and a size >= 0, got " + flexiPosembSize);
      }
    }

    /** big_vision's {@code vit.load}, whole file. */
    public static Options vit() {
      return new Options(null, false, 0);
    }

    /** FlexiViT's loading, whole file, posemb grid taken as stored. */
    public static Options flexiVit() {
      return new Options(null, true, 0);
    }

    /**
     * The same options reading only the sub-tree under key {@code k} (e.g. {@code img}, as {@code FILE:KEY}); null for
     * the whole file.
     */
    public Options withKey(String k) {
      return new Options(k, flexi, flexiPosembSize);
    }
  }

  /**
   * Splits big_vision's {@code FILE:KEY} checkpoint notation ({@code siglip.npz:img}) into the file and the key
   * (null when there is none); a name whose whole text is an existing file is taken as a file.
   */
  public static Map.Entry<Path, String> parseFileAndKey(String spec) {
    int colon = spec.lastIndexOf(':');
    if (colon > 0 && !Files.exists(Path.of(spec))
        && Options.KEY.matcher(spec.substring(colon + 1)).matches()) {
      return new java.util.AbstractMap.SimpleImmutableEntry<>(Path.of(spec.substring(0, colon)),
          spec.substring(colon + 1));
    }
    return new java.util.AbstractMap.SimpleImmutableEntry<>(Path.of(spec), null);
  }

  /**
   * Reads {@code file} with big_vision's {@code vit.load} semantics and returns the model's parameters in model
   * order, cast to the model's dtype.
   *
   * @throws IOException for unreadable or malformed files (naming file and key)
   * @throws IllegalArgumentException listing missing, unexpected and mis-shaped keys
   */
  public static Map<String, NdArray> load(Path file, ViT.Model model) throws IOException {
    return load(file, model, Options.vit());
  }

  /** As {@link #load(Path, ViT.Model)}, read as {@code options} say. */
  public static Map<String, NdArray> load(Path file, ViT.Model model, Options options) throws IOException {
    try (Opened o = open(file, model, options)) {
      return readAll(o.params());
    }
  }

  /**
   * An open checkpoint whose parameters (in model order, as the model's dtype) are read only when a block of them is
   * asked for: placing them on devices reads each device's shard by offset. Close it after placing.
   */
  public static final class Opened implements AutoCloseable {
    private final Checkpoint file;
    private final Map<String, TensorSource> params;

    Opened(Checkpoint file, Map<String, TensorSource> params) {
      this.file = file;
      this.params = params;
    }

    /** The model's parameters by name, in model order. */
    public Map<String, TensorSource> params() {
      return params;
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }

  /**
   * Opens {@code file} with big_vision's {@code vit.load} semantics (or FlexiViT's, see {@link Options}): names,
   * fixes and shapes are checked now; the tensors are read later, block by block.
   */
  public static Opened open(Path file, ViT.Model model, Options options) throws IOException {
    Checkpoint c = Checkpoint.open(file);
    try {
      Map<String, TensorSource> raw = new LinkedHashMap<>(c.entries());
      return new Opened(c, fromSources(raw, model, file + (options.key() == null ? "" : ":" + options.key()), options));
    } catch (UncheckedIOException e) {
      c.close();
      throw e.getCause();
    } catch (RuntimeException | Error e) {
      c.close();
      throw e;
    }
  }

  /** As {@link #load(Path, ViT.Model)}, from arrays already in memory; {@code source} names them in errors. */
  public static Map<String, NdArray> fromArrays(Map<String, NdArray> raw, ViT.Model model, String source) {
    return fromArrays(raw, model, source, Options.vit());
  }

  /** As {@link #load(Path, ViT.Model, Options)}, from arrays already in memory. */
  public static Map<String, NdArray> fromArrays(Map<String, NdArray> raw, ViT.Model model, String source,
      Options options) {
    Map<String, TensorSource> sources = new LinkedHashMap<>();
    raw.forEach((k, v) -> sources.put(k, TensorSource.of(v)));
    try {
      return readAll(fromSources(sources, model, source, options));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, NdArray> readAll(Map<String, TensorSource> sources) throws IOException {
    Map<String, NdArray> out = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, TensorSource> e : sources.entrySet()) {
        out.put(e.getKey(), e.getValue().readAll());
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return out;
  }

  /** The fixes, resizes and checks of {@link #open}, on sources; returns the model's parameters in model order. */
  static Map<String, TensorSource> fromSources(Map<String, TensorSource> raw, ViT.Model model, String source,
      Options options) {
    Map<String, TensorSource> params = selectParams(raw, options.key(), source);
    params = convertPreLinen(params);
    params = fixVeryOldPosemb(params);
    params = fixOldPosemb(params);
    params = fixCombinedClsPosemb(params);
    params = fixInlinedMapHead(params);
    if (options.flexi()) {
      params = resizePosembFlexi(params, model, options.flexiPosembSize());
      params = resizePatchEmbeddingToModel(params, model);
    } else {
      params = resamplePosembToModel(params, model);
      checkPatchSize(params, model, source);
    }
    Map<String, Params.Entry> entries = new LinkedHashMap<>();
    params.forEach((k, v) -> entries.put(k, new Params.Entry(k, v.dtype(), v.shape())));
    Params.check(model.params(), entries, source);
    Map<String, TensorSource> out = new LinkedHashMap<>();
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

  /**
   * The parameters of a checkpoint as big_vision's {@code utils.load_params} finds them: the {@code params/}
   * sub-tree of a trainer's checkpoint, else a Flax optimizer's {@code opt/target/}, else everything; then the
   * sub-tree {@code key} if one is asked for.
   */
  static Map<String, TensorSource> selectParams(Map<String, TensorSource> in, String key, String source) {
    Map<String, TensorSource> out = subtree(in, "params");
    if (out.isEmpty()) {
      out = subtree(in, "opt/target");
    }
    if (out.isEmpty()) {
      out = in;
    }
    if (key != null) {
      Map<String, TensorSource> sub = subtree(out, key);
      if (sub.isEmpty()) {
        java.util.Set<String> top = new java.util.TreeSet<>();
        out.keySet().forEach(k -> top.add(k.contains("/") ? k.substring(0, k.indexOf('/')) : k));
        throw new IllegalArgumentException("checkpoint " + source + " has no parameters under '" + key
            + "/'; its top-level names are " + top);
      }
      out = sub;
    }
    return out;
  }

  /** The entries under {@code prefix/}, with the prefix removed. */
  private static Map<String, TensorSource> subtree(Map<String, TensorSource> in, String prefix) {
    Map<String, TensorSource> out = new LinkedHashMap<>();
    in.forEach((k, v) -> {
      if (k.startsWith(prefix + "/")) {
        out.put(k.substring(prefix.length() + 1), v);
      }
    });
    return out;
  }

  private static final Pattern NUMBERED = Pattern.compile("(.*)_(\\d+)");

  /**
   * Pre-Linen Flax numbered sub-modules per parent across all types ({@code LayerNorm_0, MultiHeadDotProduct-
   * Attention_1, LayerNorm_2, MlpBlock_3}); Linen numbers per type ({@code LayerNorm_0, ..._0, LayerNorm_1,
   * MlpBlock_0}). Renumbers each type's children of a parent in order, as Flax's {@code convert_pre_linen}.
   */
  static Map<String, TensorSource> convertPreLinen(Map<String, TensorSource> in) {
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
    Map<String, TensorSource> out = new LinkedHashMap<>();
    for (Map.Entry<String, TensorSource> e : in.entrySet()) {
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
  static Map<String, TensorSource> fixVeryOldPosemb(Map<String, TensorSource> in) {
    return rename(in, "Transformer/posembed_input/pos_embedding", "pos_embedding");
  }

  /** Checkpoints before 2022 keep the posemb inside the encoder. */
  static Map<String, TensorSource> fixOldPosemb(Map<String, TensorSource> in) {
    return rename(in, "Transformer/pos_embedding", "pos_embedding");
  }

  /**
   * Old vit.py concatenated [cls] before adding the posemb, so the posemb has grid² + 1 rows: the first row is
   * added to {@code cls} and dropped.
   */
  static Map<String, TensorSource> fixCombinedClsPosemb(Map<String, TensorSource> in) {
    TensorSource peSource = in.get("pos_embedding");
    if (peSource == null || peSource.shape().length != 3) {
      return in;
    }
    long n = peSource.shape()[1];
    long grid = (long) Math.sqrt(n);
    if (grid < 2 || grid * grid + 1 != n) {
      return in;
    }
    NdArray pe = data(peSource);
    long d = pe.shape()[2];
    float[] all = pe.toFloatArray();
    float[] rest = java.util.Arrays.copyOfRange(all, (int) d, all.length);
    Map<String, TensorSource> out = new LinkedHashMap<>(in);
    out.put("pos_embedding", TensorSource.of(NdArray.fromFloats(pe.dtype(), rest, 1, n - 1, d)));
    TensorSource clsSource = in.get("cls");
    if (clsSource != null) {
      NdArray cls = data(clsSource);
      float[] c = cls.toFloatArray();
      for (int i = 0; i < d; i++) {
        c[i] += all[i];
      }
      out.put("cls", TensorSource.of(NdArray.fromFloats(cls.dtype(), c, cls.shape())));
    }
    return out;
  }

  /** MAP-head models from ViT-G's development have the head's parameters at the top level. */
  static Map<String, TensorSource> fixInlinedMapHead(Map<String, TensorSource> in) {
    if (!in.containsKey("probe")) {
      return in;
    }
    Map<String, TensorSource> out = new LinkedHashMap<>();
    in.forEach((k, v) -> {
      boolean head = k.equals("probe") || k.startsWith("MlpBlock_0/") || k.startsWith("MultiHeadDotProductAttention_0/")
          || k.startsWith("LayerNorm_0/");
      out.put(head ? "MAPHead_0/" + k : k, v);
    });
    return out;
  }

  /** big_vision's {@code vit.load} has no patch-size resize: say so, and how to get one, before the shape check. */
  static void checkPatchSize(Map<String, TensorSource> in, ViT.Model model, String source) {
    TensorSource k = in.get("embedding/kernel");
    if (k != null && k.shape().length == 4 && k.shape()[0] != model.config().patch()) {
      throw new IllegalArgumentException("checkpoint " + source + " has patch size " + k.shape()[0] + "x"
          + k.shape()[1] + " (embedding/kernel " + java.util.Arrays.toString(k.shape()) + ") but the model has "
          + model.config().patch() + "; load it as FlexiViT (--flexi, Options.flexiVit()) to PI-resize the patch "
          + "embedding");
    }
  }

  /**
   * big_vision's {@code vit.load}: a posemb grid of another size than the model's is resampled by
   * {@code resample_posemb} (scipy zoom, corners aligned).
   */
  static Map<String, TensorSource> resamplePosembToModel(Map<String, TensorSource> in, ViT.Model model) {
    long want = modelPosembTokens(in, model);
    if (want < 0) {
      return in;
    }
    Map<String, TensorSource> out = new LinkedHashMap<>(in);
    out.put("pos_embedding", TensorSource.of(Resize.resamplePosemb(data(in.get("pos_embedding")), want)));
    return out;
  }

  /**
   * FlexiViT: the posemb grid is first resampled to {@code posembSize} if given (its {@code load}), then resized
   * to the model's grid by {@code jax.image.resize} "linear" (its forward).
   */
  static Map<String, TensorSource> resizePosembFlexi(Map<String, TensorSource> in, ViT.Model model, long posembSize) {
    long want = modelPosembTokens(in, model);
    if (want < 0) {
      return in;
    }
    NdArray pe = data(in.get("pos_embedding"));
    if (posembSize > 0 && pe.shape()[1] != posembSize * posembSize) {
      pe = Resize.resamplePosemb(pe, posembSize * posembSize);
    }
    Map<String, TensorSource> out = new LinkedHashMap<>(in);
    out.put("pos_embedding", TensorSource.of(pe.shape()[1] == want ? pe : Resize.resizePosembLinear(pe, want)));
    return out;
  }

  /** The model's posemb token count when the checkpoint's posemb must be resized to it, else -1. */
  private static long modelPosembTokens(Map<String, TensorSource> in, ViT.Model model) {
    TensorSource pe = in.get("pos_embedding");
    ParamSpec want = model.params().stream().filter(p -> p.name().equals("pos_embedding")).findFirst().orElse(null);
    if (pe == null || want == null || java.util.Arrays.equals(pe.shape(), want.shape()) || pe.shape().length != 3
        || pe.shape()[2] != want.shape()[2]) {
      return -1;
    }
    return want.shape()[1];
  }

  /** FlexiViT: a checkpoint with another patch size gets its patch embedding PI-resized to the model's. */
  static Map<String, TensorSource> resizePatchEmbeddingToModel(Map<String, TensorSource> in, ViT.Model model) {
    TensorSource k = in.get("embedding/kernel");
    if (k == null || k.shape().length != 4 || k.shape()[0] == model.config().patch() || k.shape()[0] != k.shape()[1]) {
      return in;
    }
    Map<String, TensorSource> out = new LinkedHashMap<>(in);
    out.put("embedding/kernel", TensorSource.of(Resize.piResizePatchEmbedding(data(k), model.config().patch())));
    return out;
  }

  private static Map<String, TensorSource> rename(Map<String, TensorSource> in, String from, String to) {
    if (!in.containsKey(from)) {
      return in;
    }
    Map<String, TensorSource> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k.equals(from) ? to : k, v));
    return out;
  }

  /** The whole tensor (the few a fix reads are small); a read failure surfaces as the caller's IOException. */
  private static NdArray data(TensorSource s) {
    try {
      return s.readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
