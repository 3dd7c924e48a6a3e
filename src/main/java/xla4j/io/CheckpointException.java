package xla4j.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A checkpoint file ({@code .npz}, {@code .safetensors}) that cannot be read as asked: not such a file
 * (bad magic), truncated, an unsupported element type, a shape that disagrees with the byte count, or a
 * key that is not there. The message names the file and, where there is one, the key:
 * {@code "ckpt.npz [Transformer/encoder_norm/scale]: truncated, expected 768 data bytes, got 12"}.
 */
public final class CheckpointException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  /** The tensor's key, or null when the error concerns the whole file. */
  private final String key;

  /** An error in {@code file}, at tensor {@code key} (null for the whole file). */
  public CheckpointException(Path file, String key, String message) {
    this(file, key, message, null);
  }

  /** An error in {@code file}, at tensor {@code key} (null for the whole file), caused by {@code cause}. */
  public CheckpointException(Path file, String key, String message, Throwable cause) {
    super(file + (key == null ? "" : " [" + key + "]") + ": " + message, cause);
    this.file = file;
    this.key = key;
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /** The tensor name the error concerns, or {@code null} for an error about the whole file. */
  public String key() {
    return key;
  }
}
