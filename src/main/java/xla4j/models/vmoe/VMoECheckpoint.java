package xla4j.models.vmoe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import xla4j.array.NdArray;
import xla4j.array.TensorSource;
import xla4j.io.Checkpoint;
import xla4j.nn.ParamSpec;
import xla4j.nn.Params;

/**
 * V-MoE checkpoints as flattened {@code .npz} (or {@code .safetensors}) files: vmoe's parameter names joined with '/'
 * ({@code Encoder/encoderblock_1/Moe/Mlp/Dense_0/kernel}), with or without a leading {@code params/} (as a trainer's
 * checkpoint holds them). vmoe's released checkpoints are msgpack shards; flatten their {@code params} tree to an
 * {@code .npz} first.
 */
public final class VMoECheckpoint {
  private VMoECheckpoint() {}

  /** The name of the {@code pre_logits} kernel, whose presence makes the model have a {@code pre_logits} layer. */
  static final String PRE_LOGITS_KERNEL = "pre_logits/kernel";

  /**
   * An open checkpoint whose parameters (in model order, as the model's dtype) are read when a block of them is asked
   * for; close it after placing them.
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
   * The width of the checkpoint's {@code pre_logits} layer (the second dimension of {@code pre_logits/kernel}), 0 when
   * it has none: use it as {@link VMoEConfig#withRepresentationSize}.
   */
  public static long representationSize(Path file) throws IOException {
    try (Checkpoint c = Checkpoint.open(file)) {
      return representationSize(strip(new LinkedHashMap<>(c.entries())));
    }
  }

  /** As {@link #representationSize(Path)}, of tensors already in memory (names with or without {@code params/}). */
  public static long representationSize(Map<String, ? extends TensorSource> raw) {
    TensorSource k = strip(raw).get(PRE_LOGITS_KERNEL);
    return k == null || k.shape().length != 2 ? 0 : k.shape()[1];
  }

  /**
   * Opens {@code file} for {@code model}: every name and shape is checked now, the tensors are read later.
   *
   * @throws IOException for unreadable or malformed files (naming file and key)
   * @throws IllegalArgumentException listing every missing, unexpected and mis-shaped tensor
   */
  public static Opened open(Path file, VMoE.Model model) throws IOException {
    Checkpoint c = Checkpoint.open(file);
    try {
      return new Opened(c, fromSources(new LinkedHashMap<>(c.entries()), model, file.toString()));
    } catch (RuntimeException | Error e) {
      c.close();
      throw e;
    }
  }

  /** Reads {@code file} whole for {@code model}, as {@link #open} checks it. */
  public static Map<String, NdArray> load(Path file, VMoE.Model model) throws IOException {
    try (Opened o = open(file, model)) {
      Map<String, NdArray> out = new LinkedHashMap<>();
      for (Map.Entry<String, TensorSource> e : o.params().entrySet()) {
        out.put(e.getKey(), e.getValue().readAll());
      }
      return out;
    }
  }

  /** As {@link #load}, from arrays already in memory; {@code source} names them in errors. */
  public static Map<String, NdArray> fromArrays(Map<String, NdArray> raw, VMoE.Model model, String source) {
    Map<String, TensorSource> sources = new LinkedHashMap<>();
    raw.forEach((k, v) -> sources.put(k, TensorSource.of(v)));
    Map<String, NdArray> out = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, TensorSource> e : fromSources(sources, model, source).entrySet()) {
        out.put(e.getKey(), e.getValue().readAll());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /** Checks the names and shapes against the model; returns its parameters in model order, cast to its dtype. */
  static Map<String, TensorSource> fromSources(Map<String, TensorSource> raw, VMoE.Model model, String source) {
    Map<String, TensorSource> params = strip(raw);
    Map<String, Params.Entry> entries = new LinkedHashMap<>();
    params.forEach((k, v) -> entries.put(k, new Params.Entry(k, v.dtype(), v.shape())));
    Params.check(model.params(), entries, source);
    Map<String, TensorSource> out = new LinkedHashMap<>();
    for (ParamSpec p : model.params()) {
      out.put(p.name(), params.get(p.name()).astype(p.dtype()));
    }
    return out;
  }

  /** The tensors under {@code params/} with the prefix removed when there are any, else all of them. */
  static <T> Map<String, T> strip(Map<String, T> in) {
    Map<String, T> out = new LinkedHashMap<>();
    in.forEach((k, v) -> {
      if (k.startsWith("params/")) {
        out.put(k.substring("params/".length()), v);
      }
    });
    return out.isEmpty() ? new LinkedHashMap<>(in) : out;
  }
}
