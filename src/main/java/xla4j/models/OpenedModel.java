package xla4j.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import xla4j.array.TensorSource;
import xla4j.io.Checkpoint;

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
