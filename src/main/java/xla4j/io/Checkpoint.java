package xla4j.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import xla4j.array.NdArray;

/**
 * An open checkpoint: named tensors whose names, element types and shapes are known at {@link #open} and whose
 * data is read on demand through each {@link TensorEntry} (whole, as an {@link NdArray}, or a box of it into
 * off-heap memory). One interface over every format: {@link Npz} ({@code .npz}), {@link Npy#open} ({@code .npy},
 * one tensor), {@link Safetensors} ({@code .safetensors}) and {@link ShardedSafetensors} (Hugging Face's
 * {@code model.safetensors.index.json} and its shards).
 *
 * <p>Errors are {@link CheckpointException}s naming the file and the key. Close it when done; reading after
 * {@link #close()} throws {@link IllegalStateException}. Thread-safe for reading.
 */
public interface Checkpoint extends AutoCloseable {
  /** The index file Hugging Face writes beside sharded {@code .safetensors} files. */
  String SAFETENSORS_INDEX = "model.safetensors.index.json";

  /**
   * Opens a checkpoint by its name: {@code .npz}, {@code .npy}, {@code .safetensors}, a sharded safetensors
   * index ({@code *.safetensors.index.json}), or a directory holding {@value #SAFETENSORS_INDEX} (or else a
   * single {@code model.safetensors}).
   */
  static Checkpoint open(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      if (Files.exists(path.resolve(SAFETENSORS_INDEX))) {
        return ShardedSafetensors.open(path.resolve(SAFETENSORS_INDEX));
      }
      if (Files.exists(path.resolve("model.safetensors"))) {
        return Safetensors.open(path.resolve("model.safetensors"));
      }
      throw new CheckpointException(path, null, "directory holds neither " + SAFETENSORS_INDEX
          + " nor model.safetensors");
    }
    String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".npz")) {
      return Npz.open(path);
    }
    if (name.endsWith(".npy")) {
      return Npy.open(path);
    }
    if (name.endsWith(".safetensors")) {
      return Safetensors.open(path);
    }
    if (name.endsWith(".index.json")) {
      return ShardedSafetensors.open(path);
    }
    throw new CheckpointException(path, null, "unknown checkpoint format: expected a .npz, .npy or .safetensors "
        + "file, a " + SAFETENSORS_INDEX + ", or a directory holding one");
  }

  /** The file opened (for sharded safetensors, the index). */
  Path file();

  /** Every tensor, in the file's order, by key. */
  Map<String, TensorEntry> entries();

  /** The tensor names, in the file's order. */
  default Set<String> keys() {
    return entries().keySet();
  }

  /** Whether a tensor named {@code key} is in the checkpoint. */
  default boolean contains(String key) {
    return entries().containsKey(key);
  }

  /** The entry of {@code key}; a {@link CheckpointException} naming similar keys if there is none. */
  default TensorEntry entry(String key) throws CheckpointException {
    TensorEntry e = entries().get(key);
    if (e == null) {
      throw Checkpoints.missingKey(file(), key, entries().keySet());
    }
    return e;
  }

  /** Reads one tensor. */
  default NdArray get(String key) throws IOException {
    return entry(key).load();
  }

  /** Reads every tensor, in the file's order. */
  default Map<String, NdArray> readAll() throws IOException {
    Map<String, NdArray> out = new LinkedHashMap<>();
    for (TensorEntry e : entries().values()) {
      out.put(e.name(), e.load());
    }
    return out;
  }

  /** Closes the file(s); closing twice is harmless. */
  @Override
  void close() throws IOException;
}
