package xla4j.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import xla4j.array.TensorSource;
import xla4j.io.Checkpoint;
import xla4j.io.JsonConfig;

/**
 * An opened model checkpoint: the config it describes, its parameters by the model's names (in model order, read
 * lazily from the open file) and the tokenizer beside it; closing closes the file.
 *
 * @param <C> the model's config type
 */
public class OpenedModel<C> implements AutoCloseable {
  private final C config;
  private final Checkpoint file;
  private final Map<String, TensorSource> params;
  private final Optional<Path> tokenizer;

  protected OpenedModel(C config, Checkpoint file, Map<String, TensorSource> params, Optional<Path> tokenizer) {
    this.config = config;
    this.file = file;
    this.params = params;
    this.tokenizer = tokenizer;
  }

  /** Builds an opened model from the open file, its mapped parameters and the tokenizer found. */
  @FunctionalInterface
  public interface Factory<O> {
    O create(Checkpoint file, Map<String, TensorSource> params, Optional<Path> tokenizer);
  }

  /**
   * Opens the checkpoint at {@code path} ({@link Checkpoint#open}), maps its entries onto the model's parameters with
   * {@code mapping} (names, shapes and dtype checked there) and builds the opened model with the {@code tokenizer}
   * file if it exists; the file is closed again when the mapping throws.
   */
  public static <O> O open(Path path, Path tokenizer,
      Function<Map<String, TensorSource>, Map<String, TensorSource>> mapping, Factory<O> factory) throws IOException {
    Checkpoint c = Checkpoint.open(path);
    try {
      return factory.create(c, mapping.apply(new LinkedHashMap<>(c.entries())), tokenizerAt(tokenizer));
    } catch (RuntimeException | Error e) {
      c.close();
      throw e;
    }
  }

  /** A Hugging Face model directory's {@code config.json}, read; {@code model} names the model in the error. */
  public static JsonConfig configJson(Path dir, String model) throws IOException {
    Path cfg = dir.resolve("config.json");
    if (!Files.isRegularFile(cfg)) {
      throw new IOException(model + " model directory " + dir + " requires config.json");
    }
    return JsonConfig.read(cfg);
  }

  /** The file {@code p} if it exists: the SentencePiece {@code tokenizer.model} beside a checkpoint. */
  public static Optional<Path> tokenizerAt(Path p) {
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /** The model's config. */
  public C config() {
    return config;
  }

  /** Parameters by name, in model order, read lazily. */
  public Map<String, TensorSource> params() {
    return params;
  }

  /** The SentencePiece {@code tokenizer.model} beside the weights, if there is one. */
  public Optional<Path> tokenizer() {
    return tokenizer;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
