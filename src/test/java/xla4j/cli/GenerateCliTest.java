package xla4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.NdArray;
import xla4j.io.Checkpoint;
import xla4j.io.Npy;
import xla4j.io.Safetensors;

/**
 * {@code xla4j generate} and {@code xla4j compile gemma} on the tiny transformers-made Gemma 2 of
 * {@code tools/gemma_fixtures.py} (its goldens: greedy ids, the logits that chose them, the text prompt's ids and
 * decoded text), and its errors.
 */
class GenerateCliTest {
  static final Path MODEL = Path.of("src/test/resources/gemma/gemma2_gqa");
  static Map<String, NdArray> golden = new LinkedHashMap<>();
  @TempDir Path tmp;

  @BeforeAll
  static void load() throws Exception {
    CliTest.needCpu();
    try (Checkpoint c = Checkpoint.open(MODEL.resolve("golden.npz"))) {
      for (String k : c.keys()) {
        golden.put(k, c.entry(k).readAll());
      }
    }
  }

  static byte[] bytes(NdArray a) {
    java.nio.ByteBuffer b = a.data();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  static String csv(int[] ids) {
    return IntStream.of(ids).mapToObj(Integer::toString).collect(Collectors.joining(","));
  }

  static int[] ids(JsonObject o) {
    return StreamSupport.stream(o.getAsJsonArray("ids").spliterator(), false).mapToInt(e -> e.getAsInt()).toArray();
  }

  JsonObject generate(String... args) throws Exception {
    Path out = tmp.resolve("out" + System.nanoTime() + ".json");
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--out";
    all[args.length + 1] = out.toString();
    String[] r = TokenizeCliTest.run(all);
    assertEquals("0", r[0], r[2]);
    return JsonParser.parseString(Files.readString(out)).getAsJsonObject();
  }

  @Test
  void textPromptStreamsTheGreedyTextOfTransformers() throws Exception {
    Path out = tmp.resolve("o.json");
    String text = new String(bytes(golden.get("text")), StandardCharsets.UTF_8);
    String[] r = TokenizeCliTest.run("generate", "--model", MODEL.toString(), "--prompt", text, "--max-new-tokens",
        "6", "--greedy", "--out", out.toString());
    assertEquals("0", r[0], r[2]);
    String want = new String(bytes(golden.get("text_greedy_decoded")), StandardCharsets.UTF_8);
    assertEquals(want + "\n", r[1]);
    JsonObject o = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
    assertArrayEquals(golden.get("text_greedy").toIntArray(), ids(o));
    assertEquals(want, o.get("text").getAsString());
  }

  @Test
  void promptIdsGiveTheGreedyIdsAndLogitsOfTransformers() throws Exception {
    Path logits = tmp.resolve("l.npy");
    JsonObject o = generate("generate", "--model", MODEL.toString(), "--prompt-ids",
        csv(golden.get("prompt_1").toIntArray()), "--max-new-tokens", "6", "--logits-out", logits.toString());
    assertArrayEquals(golden.get("greedy_1").toIntArray(), ids(o));
    NdArray l = Npy.read(logits);
    assertArrayEquals(new long[] {6, 512}, l.shape());
    float[] want = golden.get("greedy_logits_1").toFloatArray();
    float[] got = l.toFloatArray();
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], 1e-4, "logit " + i);
    }
  }

  @Test
  void aBatchOfPromptsOnATensorParallelMeshEqualsOneByOne() throws Exception {
    JsonObject o = generate("generate", "--model", MODEL.toString(), "--prompt-ids",
        csv(golden.get("prompt_0").toIntArray()), "--prompt-ids", csv(golden.get("prompt_2").toIntArray()),
        "--max-new-tokens", "6", "--cpu-devices", "2", "--mesh", "model=2");
    var rows = o.getAsJsonArray("ids");
    assertEquals(2, rows.size());
    assertArrayEquals(golden.get("greedy_0").toIntArray(),
        StreamSupport.stream(rows.get(0).getAsJsonArray().spliterator(), false).mapToInt(e -> e.getAsInt()).toArray());
    assertArrayEquals(golden.get("greedy_2").toIntArray(),
        StreamSupport.stream(rows.get(1).getAsJsonArray().spliterator(), false).mapToInt(e -> e.getAsInt()).toArray());
  }

  @Test
  void samplingIsReproduciblePerSeed() throws Exception {
    String p = csv(golden.get("prompt_0").toIntArray());
    String[] args = {"generate", "--model", MODEL.toString(), "--prompt-ids", p, "--max-new-tokens", "8",
        "--temperature", "3", "--top-k", "100", "--top-p", "0.95", "--seed", "11"};
    int[] a = ids(generate(args));
    int[] b = ids(generate(args));
    assertArrayEquals(a, b);
    args[args.length - 1] = "12";
    assertNotEquals(csv(a), csv(ids(generate(args))));
    // top-k 1 is greedy whatever the seed
    int[] k1 = ids(generate("generate", "--model", MODEL.toString(), "--prompt-ids", p, "--max-new-tokens", "6",
        "--temperature", "3", "--top-k", "1", "--seed", "5"));
    assertArrayEquals(golden.get("greedy_0").toIntArray(), k1);
  }

  @Test
  void compiledArtifactIsReused() throws Exception {
    Path art = tmp.resolve("art");
    String[] c = CliTest.run("compile", "gemma", "--model", MODEL.toString(), "--batch", "1", "--prompt-len", "12",
        "--max-new-tokens", "6", "--out", art.toString());
    assertEquals("0", c[0], c[1]);
    assertTrue(c[1].contains("memory     per device"), c[1]);
    JsonObject o = generate("generate", "--model", MODEL.toString(), "--prompt-ids",
        csv(golden.get("prompt_1").toIntArray()), "--max-new-tokens", "6", "--artifact", art.toString());
    assertArrayEquals(golden.get("greedy_1").toIntArray(), ids(o));
    // the artifact's context is 12 + 6: a longer request is refused
    String[] r = TokenizeCliTest.run("generate", "--model", MODEL.toString(), "--prompt-ids",
        csv(golden.get("prompt_1").toIntArray()), "--max-new-tokens", "9", "--artifact", art.toString());
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("max new tokens <= 7"), r[2]);
  }

  @Test
  void compilesPrefillAndDecodeDevicelessForATpuTopology() {
    CliTest.needTpu();
    String[] c = CliTest.run("compile", "gemma", "--model", MODEL.toString(), "--dtype", "bf16", "--plugin",
        "tpu:v5e:2x2", "--mesh", "model=2", "--batch", "2", "--prompt-len", "8", "--max-new-tokens", "8");
    assertEquals("0", c[0], c[1]);
    assertTrue(c[1].contains("gemma_prefill for tpu topology v5e:2x2: 2 partition(s)"), c[1]);
    assertTrue(c[1].contains("gemma_decode for tpu topology v5e:2x2: 2 partition(s)"), c[1]);
    assertEquals(2, c[1].split("memory     per device", -1).length - 1, c[1]);
  }

  /** A copy of the model directory with {@code config.json} edited and/or tensors removed. */
  Path variant(String from, String to, String dropTensor) throws Exception {
    Path d = Files.createDirectories(tmp.resolve("m" + System.nanoTime()));
    Files.writeString(d.resolve("config.json"), Files.readString(MODEL.resolve("config.json")).replace(from, to));
    Map<String, NdArray> t = Safetensors.read(MODEL.resolve("model.safetensors"));
    t.remove(dropTensor);
    Safetensors.write(d.resolve("model.safetensors"), t);
    return d;
  }

  String error(String... args) {
    String[] r = TokenizeCliTest.run(args);
    assertNotEquals("0", r[0], r[1]);
    return r[2];
  }

  @Test
  void badInputIsAClearError() throws Exception {
    String p = csv(golden.get("prompt_0").toIntArray());
    String m = MODEL.toString();
    assertTrue(error("generate", "--model", variant("\"gemma2\"", "\"llama\"", "").toString(), "--prompt-ids", p,
        "--max-new-tokens", "2").contains("model_type \"gemma\" or \"gemma2\", got \"llama\""));
    String missing = error("generate", "--model", variant("x", "x", "model.layers.1.mlp.up_proj.weight").toString(),
        "--prompt-ids", p, "--max-new-tokens", "2");
    assertTrue(missing.contains("missing (1): model.layers.1.mlp.up_proj.weight"), missing);
    String shape = error("generate", "--model", variant("\"intermediate_size\": 96", "\"intermediate_size\": 128", "")
        .toString(), "--prompt-ids", p, "--max-new-tokens", "2");
    assertTrue(shape.contains("wrong shape") && shape.contains("model.layers.0.mlp.gate_proj.weight: checkpoint [96, 64], "
        + "model [128, 64]"), shape);
    assertTrue(error("generate", "--model", m, "--prompt-ids", p, "--max-new-tokens", "100")
        .contains("longer than the model's context (max_position_embeddings 64)"));
    assertTrue(error("generate", "--model", m, "--prompt-ids", "", "--max-new-tokens", "2")
        .contains("non-empty prompt"));
    assertTrue(error("generate", "--model", m, "--prompt-ids", "2,512", "--max-new-tokens", "2")
        .contains("token id 512 is outside the vocabulary [0, 512)"));
    assertTrue(error("generate", "--model", m, "--prompt-ids", p, "--max-new-tokens", "2", "--temperature", "1")
        .contains("--temperature requires --seed"));
    assertTrue(error("generate", "--model", m, "--prompt-ids", p, "--max-new-tokens", "2", "--temperature", "1",
        "--seed", "1", "--top-p", "1.5").contains("0 < top_p <= 1, got 1.5"));
    assertTrue(error("generate", "--model", tmp.toString(), "--prompt-ids", p, "--max-new-tokens", "2")
        .contains("requires config.json"));
    assertTrue(error("generate", "--model", m, "--prompt-ids", p, "--max-new-tokens", "2", "--bench", "--repeat", "0")
        .contains("--repeat must be >= 1, got 0"));
  }
}
