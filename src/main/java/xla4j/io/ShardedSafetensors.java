package xla4j.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Hugging Face checkpoint split over several {@code .safetensors} files: an index
 * ({@code model.safetensors.index.json}) whose {@code weight_map} names the shard file of each tensor, and the
 * shards beside it. {@link #open} opens every shard and checks the index against them: every shard file
 * exists, every key is in the shard the index names, no key is in two shards, and every tensor of a shard is in
 * the index. Entries come in {@code weight_map} order and are read from their shards by position.
 *
 * <p>Thread-safe for reading, as every {@link Checkpoint}: entries may be read from several threads at once.
 */
public final class ShardedSafetensors implements Checkpoint {
  private final Path index;
  private final List<Safetensors> shards;
  private final Map<String, TensorEntry> entries;

  private ShardedSafetensors(Path index, List<Safetensors> shards, Map<String, TensorEntry> entries) {
    this.index = index;
    this.shards = Collections.unmodifiableList(shards);
    this.entries = Collections.unmodifiableMap(entries);
  }

  /** Opens the index file (or a directory holding {@value Checkpoint#SAFETENSORS_INDEX}) and its shards. */
  public static ShardedSafetensors open(Path indexOrDirectory) throws IOException {
    Path index = Files.isDirectory(indexOrDirectory)
        ? indexOrDirectory.resolve(Checkpoint.SAFETENSORS_INDEX) : indexOrDirectory;
    String text;
    try {
      text = Files.readString(index, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new CheckpointException(index, null, "index is not valid UTF-8", e);
    }
    JsonObject json = Checkpoints.parseJsonObject(index, text, "index", 2);
    JsonElement map = json.get("weight_map");
    if (map == null || !map.isJsonObject()) {
      throw new CheckpointException(index, null, "index has no weight_map object (tensor name -> shard file name)");
    }
    Path dir = index.toAbsolutePath().getParent();
    Map<String, String> shardOf = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> kv : map.getAsJsonObject().entrySet()) {
      JsonElement v = kv.getValue();
      if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
        throw new CheckpointException(index, kv.getKey(), "weight_map value must be a shard file name, got " + v);
      }
      String shard = v.getAsString();
      if (shard.isEmpty() || shard.equals(".") || shard.equals("..") || shard.contains("/") || shard.contains("\\")) {
        throw new CheckpointException(index, kv.getKey(), "weight_map names shard '" + shard + "'; shards must be "
            + "file names in the index's directory");
      }
      shardOf.put(kv.getKey(), shard);
    }
    Map<String, Safetensors> opened = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, String> kv : shardOf.entrySet()) {
        String shard = kv.getValue();
        if (!opened.containsKey(shard)) {
          Path f = dir.resolve(shard);
          if (!Files.isRegularFile(f)) {
            throw new CheckpointException(index, kv.getKey(), "shard file '" + shard + "' named by weight_map does "
                + "not exist in " + dir);
          }
          opened.put(shard, Safetensors.open(f));
        }
      }
      Map<String, String> holder = new LinkedHashMap<>();
      for (Map.Entry<String, Safetensors> s : opened.entrySet()) {
        for (String key : s.getValue().keys()) {
          String other = holder.putIfAbsent(key, s.getKey());
          if (other != null) {
            throw new CheckpointException(index, key, "tensor is in two shards, '" + other + "' and '" + s.getKey()
                + "'");
          }
          if (!shardOf.containsKey(key)) {
            throw new CheckpointException(index, key, "shard '" + s.getKey() + "' holds the tensor, but weight_map "
                + "does not name it");
          }
        }
      }
      Map<String, TensorEntry> entries = new LinkedHashMap<>();
      for (Map.Entry<String, String> kv : shardOf.entrySet()) {
        Safetensors shard = opened.get(kv.getValue());
        if (!shard.contains(kv.getKey())) {
          String actual = holder.get(kv.getKey());
          throw new CheckpointException(index, kv.getKey(), "weight_map names shard '" + kv.getValue() + "', which "
              + "does not hold the tensor" + (actual == null ? " (no shard does)" : " (it is in '" + actual + "')"));
        }
        entries.put(kv.getKey(), shard.entries().get(kv.getKey()));
      }
      return new ShardedSafetensors(index, new ArrayList<>(opened.values()), entries);
    } catch (IOException | RuntimeException | Error e) {
      for (Safetensors s : opened.values()) {
        try {
          s.close();
        } catch (IOException | RuntimeException c) {
          e.addSuppressed(c);
        }
      }
      throw e;
    }
  }

  /** The index file. */
  @Override
  public Path file() {
    return index;
  }

  /** Every tensor, in {@code weight_map} order, by name. */
  @Override
  public Map<String, TensorEntry> entries() {
    return entries;
  }

  /** The shards, in the order {@code weight_map} first names them. */
  public List<Safetensors> shards() {
    return shards;
  }

  /** Closes every shard (all of them, even if closing one fails). */
  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (Safetensors s : shards) {
      try {
        s.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "ShardedSafetensors(" + index + ", " + shards.size() + " shards, " + entries.size() + " tensors)";
  }
}
