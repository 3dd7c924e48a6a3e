package xla4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.NdArray;

/** {@link Checkpoint#open}'s dispatch, and sharded Hugging Face safetensors with their index. */
class CheckpointTest {
  @TempDir
  Path tmp;

  static final NdArray W = NdArray.of(new float[] {1, 2, 3, 4}, 2, 2);
  static final NdArray B = NdArray.of(new float[] {-1, -2}, 2);
  static final NdArray E = NdArray.of(new int[] {7, 8, 9}, 3);

  @Test
  void opensEachFormatByItsName() throws IOException {
    Npz.write(tmp.resolve("a.npz"), Map.of("w", W));
    Npy.write(tmp.resolve("w.npy"), W);
    Safetensors.write(tmp.resolve("a.safetensors"), Map.of("w", W));
    for (String name : new String[] {"a.npz", "w.npy", "a.safetensors"}) {
      try (Checkpoint c = Checkpoint.open(tmp.resolve(name))) {
        assertEquals(List.of("w"), List.copyOf(c.keys()), name);
        assertEquals(W, c.get("w"), name);
        assertEquals(Map.of("w", W), c.readAll(), name);
        assertTrue(c.contains("w"));
      }
    }
    try (Checkpoint c = Checkpoint.open(tmp.resolve("a.npz"))) {
      assertInstanceOf(Npz.class, c);
    }
    try (Checkpoint c = Checkpoint.open(tmp.resolve("a.safetensors"))) {
      assertInstanceOf(Safetensors.class, c);
    }
  }

  @Test
  void aDirectoryWithASingleModelSafetensors() throws IOException {
    Safetensors.write(tmp.resolve("model.safetensors"), Map.of("w", W));
    try (Checkpoint c = Checkpoint.open(tmp)) {
      assertEquals(tmp.resolve("model.safetensors"), c.file());
      assertEquals(W, c.get("w"));
    }
  }

  @Test
  void anEmptyDirectory() {
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(tmp));
    assertEquals(tmp + ": directory holds neither model.safetensors.index.json nor model.safetensors", e.getMessage());
  }

  @Test
  void anUnknownExtension() throws IOException {
    Path f = tmp.resolve("w.bin");
    Files.write(f, new byte[8]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(f));
    assertEquals(f + ": unknown checkpoint format: expected a .npz, .npy or .safetensors file, a "
        + "model.safetensors.index.json, or a directory holding one", e.getMessage());
  }

  @Test
  void missingKeyOfAnyFormat() throws IOException {
    Npy.write(tmp.resolve("w.npy"), W);
    try (Checkpoint c = Checkpoint.open(tmp.resolve("w.npy"))) {
      CheckpointException e = assertThrows(CheckpointException.class, () -> c.entry("params/w"));
      assertEquals(tmp.resolve("w.npy") + " [params/w]: no such key among the file's 1 keys; similar: [w]",
          e.getMessage());
    }
  }

  // ---- sharded safetensors ----

  /** Two shards and an index as transformers' save_pretrained writes them. */
  Path sharded(String weightMap) throws IOException {
    Map<String, NdArray> one = new LinkedHashMap<>();
    one.put("model.w", W);
    one.put("model.b", B);
    Safetensors.write(tmp.resolve("model-00001-of-00002.safetensors"), one);
    Safetensors.write(tmp.resolve("model-00002-of-00002.safetensors"), Map.of("model.e", E));
    Path index = tmp.resolve("model.safetensors.index.json");
    Files.writeString(index, "{\"metadata\": {\"total_size\": 36}, \"weight_map\": " + weightMap + "}");
    return index;
  }

  static final String MAP = "{\"model.b\": \"model-00001-of-00002.safetensors\", "
      + "\"model.e\": \"model-00002-of-00002.safetensors\", \"model.w\": \"model-00001-of-00002.safetensors\"}";

  @Test
  void shardedSafetensorsByIndexOrDirectory() throws IOException {
    Path index = sharded(MAP);
    for (Path p : new Path[] {index, tmp}) {
      try (Checkpoint c = Checkpoint.open(p)) {
        ShardedSafetensors s = assertInstanceOf(ShardedSafetensors.class, c);
        assertEquals(index, c.file());
        assertEquals(List.of("model.b", "model.e", "model.w"), List.copyOf(c.keys()), "weight_map order");
        assertEquals(2, s.shards().size());
        assertEquals(W, c.get("model.w"));
        assertEquals(B, c.get("model.b"));
        assertEquals(E, c.get("model.e"));
        assertEquals(tmp.resolve("model-00002-of-00002.safetensors"), c.entry("model.e").file());
      }
    }
  }

  @Test
  void closingClosesEveryShard() throws IOException {
    Checkpoint c = Checkpoint.open(sharded(MAP));
    TensorEntry w = c.entry("model.w");
    TensorEntry e = c.entry("model.e");
    c.close();
    c.close();
    assertThrows(IllegalStateException.class, w::load);
    assertThrows(IllegalStateException.class, e::load);
  }

  @Test
  void aMissingShardFile() throws IOException {
    Path index = sharded("{\"model.w\": \"model-00001-of-00002.safetensors\", \"model.x\": \"model-00003.safetensors\"}");
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(index));
    assertEquals("model.x", e.key());
    assertEquals(index + " [model.x]: shard file 'model-00003.safetensors' named by weight_map does not exist in "
        + tmp.toAbsolutePath(), e.getMessage());
  }

  @Test
  void aKeyMappedToAShardThatLacksIt() throws IOException {
    Path index = sharded("{\"model.b\": \"model-00001-of-00002.safetensors\", "
        + "\"model.e\": \"model-00001-of-00002.safetensors\", \"model.w\": \"model-00001-of-00002.safetensors\", "
        + "\"model.z\": \"model-00002-of-00002.safetensors\"}");
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(index));
    assertEquals(index + " [model.e]: weight_map names shard 'model-00001-of-00002.safetensors', which does not hold "
        + "the tensor (it is in 'model-00002-of-00002.safetensors')", e.getMessage());
  }

  @Test
  void aKeyInNoShard() throws IOException {
    Path index = sharded("{\"model.b\": \"model-00001-of-00002.safetensors\", "
        + "\"model.e\": \"model-00002-of-00002.safetensors\", \"model.w\": \"model-00001-of-00002.safetensors\", "
        + "\"model.q\": \"model-00002-of-00002.safetensors\"}");
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(index));
    assertEquals(index + " [model.q]: weight_map names shard 'model-00002-of-00002.safetensors', which does not hold "
        + "the tensor (no shard does)", e.getMessage());
  }

  @Test
  void aTensorInTwoShards() throws IOException {
    Path index = sharded(MAP);
    Safetensors.write(tmp.resolve("model-00002-of-00002.safetensors"), Map.of("model.e", E, "model.w", W));
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(index));
    assertEquals(index + " [model.w]: tensor is in two shards, 'model-00001-of-00002.safetensors' and "
        + "'model-00002-of-00002.safetensors'", e.getMessage());
  }

  @Test
  void aShardTensorTheIndexDoesNotName() throws IOException {
    Path index = sharded("{\"model.b\": \"model-00001-of-00002.safetensors\", "
        + "\"model.e\": \"model-00002-of-00002.safetensors\"}");
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(index));
    assertEquals(index + " [model.w]: shard 'model-00001-of-00002.safetensors' holds the tensor, but weight_map does "
        + "not name it", e.getMessage());
  }

  @Test
  void aKeyGivenTwiceInTheIndex() throws IOException {
    Path index = sharded("{\"model.w\": \"model-00001-of-00002.safetensors\", "
        + "\"model.w\": \"model-00002-of-00002.safetensors\"}");
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(index));
    assertEquals(index + " [model.w]: key appears twice in the index", e.getMessage());
  }

  @Test
  void anIndexWithoutWeightMap() throws IOException {
    Path index = tmp.resolve("model.safetensors.index.json");
    Files.writeString(index, "{\"metadata\": {}}");
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(index));
    assertEquals(index + ": index has no weight_map object (tensor name -> shard file name)", e.getMessage());
  }

  @Test
  void aShardNameOutsideTheDirectory() throws IOException {
    Path index = sharded("{\"model.w\": \"../model-00001-of-00002.safetensors\"}");
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(index));
    assertEquals(index + " [model.w]: weight_map names shard '../model-00001-of-00002.safetensors'; shards must be "
        + "file names in the index's directory", e.getMessage());
  }

  @Test
  void aShardNameThatIsNotAString() throws IOException {
    Path index = sharded("{\"model.w\": 1}");
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(index));
    assertEquals(index + " [model.w]: weight_map value must be a shard file name, got 1", e.getMessage());
  }

  @Test
  void aDamagedShardNamesTheShard() throws IOException {
    Path index = sharded(MAP);
    Path shard = tmp.resolve("model-00002-of-00002.safetensors");
    Files.write(shard, new byte[] {1, 2, 3});
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(index));
    assertEquals(shard + ": truncated: 3 bytes, too short for the 8-byte header length", e.getMessage());
  }
}
