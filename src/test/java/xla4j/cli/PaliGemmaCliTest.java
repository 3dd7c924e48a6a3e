package xla4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.NdArray;
import xla4j.io.Checkpoint;
import xla4j.io.Npy;
import xla4j.io.Safetensors;
import xla4j.models.paligemma.PaliGemmaGoldenTest;

/**
 * {@code xla4j paligemma} and {@code xla4j compile paligemma} on the tiny transformers-made PaliGemma models of
 * {@code tools/paligemma_fixtures.py} (their goldens: greedy ids and the logits that chose them, for an image as
 * .png and as .npy, and for a batch of two), and their errors.
 */
class PaliGemmaCliTest {
  static final Path DIR = Path.of("src/test/resources/paligemma");
  static final Path MODEL = DIR.resolve("pali_gemma");
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

  static int[] ids(JsonElement o) {
    return StreamSupport.stream(o.getAsJsonObject().getAsJsonArray("ids").spliterator(), false)
        .mapToInt(JsonElement::getAsInt).toArray();
  }

  JsonElement paligemma(String... args) {
    Path out = tmp.resolve("out" + System.nanoTime() + ".json");
    String[] all = Arrays.copyOf(args, args.length + 3);
    all[args.length] = "--out";
    all[args.length + 1] = out.toString();
    all[args.length + 2] = "--greedy";
    String[] r = TokenizeCliTest.run(all);
    assertEquals("0", r[0], r[2]);
    try {
      return JsonParser.parseString(Files.readString(out));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Path npy(NdArray image) throws Exception {
    Path f = tmp.resolve("img" + System.nanoTime() + ".npy");
    Npy.write(f, image);
    return f;
  }

  @Test
  void pngAndNpyImagesGiveTheGreedyIdsAndLogitsOfTransformers() throws Exception {
    String prompt = GenerateCliTest.csv(golden.get("prompt_ids").toIntArray());
    int[] want = golden.get("greedy_ids").toIntArray();
    Path logits = tmp.resolve("l.npy");
    JsonElement png = paligemma("paligemma", "--model", MODEL.toString(), "--image", MODEL.resolve("image.png")
        .toString(), "--prompt-ids", prompt, "--max-new-tokens", "6", "--logits-out", logits.toString());
    assertArrayEquals(want, ids(png));
    NdArray l = Npy.read(logits);
    assertArrayEquals(new long[] {6, 400}, l.shape());
    PaliGemmaGoldenTest.assertClose(golden.get("greedy_logits").toFloatArray(), l.toFloatArray(), 1e-4,
        "paligemma --logits-out");
    JsonElement fromNpy = paligemma("paligemma", "--model", MODEL.toString(), "--image",
        npy(golden.get("image")).toString(), "--prompt-ids", prompt, "--max-new-tokens", "6");
    assertArrayEquals(want, ids(fromNpy));
    assertEquals(String.join(",", Arrays.stream(want).mapToObj(Integer::toString).toArray(String[]::new)),
        fromNpy.getAsJsonObject().get("text").getAsString(), "without a tokenizer, the text is the ids");
  }

  @Test
  void batchOfTwoImagesAndMeshModel2() throws Exception {
    NdArray images = golden.get("batch_images");
    int[] lengths = golden.get("batch_prompt_lengths").toIntArray();
    int[] padded = golden.get("batch_prompt_ids").toIntArray();
    int width = padded.length / 2;
    float[] all = images.toFloatArray();
    int per = all.length / 2;
    String[] args = {"paligemma", "--model", MODEL.toString(), "--max-new-tokens", "6"};
    String[] more = new String[8];
    for (int i = 0; i < 2; i++) {
      more[4 * i] = "--image";
      more[4 * i + 1] = npy(NdArray.of(Arrays.copyOfRange(all, i * per, (i + 1) * per), 32, 32, 3)).toString();
      more[4 * i + 2] = "--prompt-ids";
      more[4 * i + 3] = GenerateCliTest.csv(Arrays.copyOfRange(padded, (i + 1) * width - lengths[i], (i + 1) * width));
    }
    String[] full = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, full, args.length, more.length);
    JsonArray out = paligemma(full).getAsJsonArray();
    int[] want = golden.get("batch_greedy_ids").toIntArray();
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(Arrays.copyOfRange(want, 6 * i, 6 * i + 6), ids(out.get(i)), "image " + i);
    }
    Path pg2 = DIR.resolve("pali2_gemma2");
    Map<String, NdArray> g2 = PaliGemmaGoldenTest.golden("pali2_gemma2");
    JsonElement sharded = paligemma("paligemma", "--model", pg2.toString(), "--image", pg2.resolve("image.png")
        .toString(), "--prompt-ids", GenerateCliTest.csv(g2.get("prompt_ids").toIntArray()), "--max-new-tokens", "6",
        "--mesh", "model=2");
    assertArrayEquals(g2.get("greedy_ids").toIntArray(), ids(sharded), "PaliGemma 2 over model=2");
  }

  /** {@code --prompt TEXT} is {@code <bos>} + encode(TEXT + "\n"): ids from Python's sentencepiece for this model. */
  @Test
  void textPromptIsBosThenTheTextWithANewline() throws Exception {
    Path d = Files.createDirectories(tmp.resolve("with-tokenizer"));
    for (String f : new String[] {"config.json", "model.safetensors", "image.png"}) {
      Files.copy(MODEL.resolve(f), d.resolve(f));
    }
    // a 420-piece test tokenizer; "caption en\n" encodes to ids below this model's 400
    Files.copy(Path.of("src/test/resources/gemma/gemma2_gqa/tokenizer.model"), d.resolve("tokenizer.model"));
    // sentencepiece: encode("caption en\n") == [292, 361, 276, 18]
    Path[] l = {tmp.resolve("ids.npy"), tmp.resolve("text.npy"), tmp.resolve("no-newline.npy")};
    JsonElement byIds = paligemma("paligemma", "--model", d.toString(), "--image", d.resolve("image.png").toString(),
        "--prompt-ids", "2,292,361,276,18", "--max-new-tokens", "4", "--logits-out", l[0].toString());
    JsonElement byText = paligemma("paligemma", "--model", d.toString(), "--image", d.resolve("image.png").toString(),
        "--prompt", "caption en", "--max-new-tokens", "4", "--logits-out", l[1].toString());
    assertArrayEquals(ids(byIds), ids(byText));
    assertArrayEquals(Npy.read(l[0]).toFloatArray(), Npy.read(l[1]).toFloatArray());
    paligemma("paligemma", "--model", d.toString(), "--image", d.resolve("image.png").toString(), "--prompt-ids",
        "2,292,361,276", "--max-new-tokens", "4", "--logits-out", l[2].toString());
    assertNotEquals(Arrays.toString(Npy.read(l[2]).toFloatArray()), Arrays.toString(Npy.read(l[1]).toFloatArray()),
        "the newline is part of the prompt");
  }

  @Test
  void deviceLessTpuCompilePrintsTheThreePrograms() {
    String[] c = CliTest.run("compile", "paligemma", "--model", MODEL.toString(), "--dtype", "bf16", "--plugin",
        "tpu:v5e:2x2", "--mesh", "model=2", "--batch", "2", "--prompt-len", "8", "--max-new-tokens", "8");
    assertEquals("0", c[0], c[1]);
    for (String p : new String[] {"paligemma_img", "gemma_prefill", "gemma_decode"}) {
      assertTrue(c[1].contains(p + " for tpu topology v5e:2x2: 2 partition(s)"), c[1]);
    }
    assertEquals(3, c[1].split("memory     per device", -1).length - 1, c[1]);
  }

  /**
   * A big_vision {@code .npz} carries no config: {@code --variant} names the model, and a checkpoint of another shape
   * is refused before anything is compiled (the tiny golden model's npz is no pali_3b_224).
   */
  @Test
  void bigVisionNpzTakesItsModelFromVariant() throws Exception {
    String p = GenerateCliTest.csv(golden.get("prompt_ids").toIntArray());
    String npz = MODEL.resolve("big_vision.npz").toString();
    String png = MODEL.resolve("image.png").toString();
    String e = error("paligemma", "--model", npz, "--image", png, "--prompt-ids", p, "--max-new-tokens", "2");
    assertTrue(e.contains("a big_vision .npz needs --variant NAME") && e.contains("pali_3b_224"), e);
    e = error("paligemma", "--model", npz, "--variant", "pali_3b_224", "--image", png, "--prompt-ids", p,
        "--max-new-tokens", "2");
    assertTrue(e.contains("big_vision.npz") && e.contains("does not match the model") && e.contains("27"), e);
    e = error("paligemma", "--model", MODEL.toString(), "--variant", "pali_3b_224", "--image", png, "--prompt-ids", p,
        "--max-new-tokens", "2");
    assertTrue(e.contains("--variant is for a big_vision .npz"), e);
  }

  String error(String... args) {
    String[] r = TokenizeCliTest.run(args);
    assertNotEquals("0", r[0], r[1]);
    return r[2];
  }

  @Test
  void badInputIsAClearError() throws Exception {
    String p = GenerateCliTest.csv(golden.get("prompt_ids").toIntArray());
    String m = MODEL.toString();
    String png = MODEL.resolve("image.png").toString();
    String small = npy(NdArray.of(new float[16 * 16 * 3], 16, 16, 3)).toString();
    String e = error("paligemma", "--model", m, "--image", small, "--prompt-ids", p, "--max-new-tokens", "2");
    assertTrue(e.contains("must be float32 [32, 32, 3] (the model's resolution") && e.contains("[16, 16, 3]"), e);
    Path bad = Files.writeString(tmp.resolve("not-an-image.png"), "hello");
    e = error("paligemma", "--model", m, "--image", bad.toString(), "--prompt-ids", p, "--max-new-tokens", "2");
    assertTrue(e.contains("not-an-image.png") && e.contains("not in a format ImageIO can decode"), e);
    e = error("paligemma", "--model", m, "--image", tmp.resolve("absent.jpg").toString(), "--prompt-ids", p,
        "--max-new-tokens", "2");
    assertTrue(e.contains("absent.jpg does not exist or is not readable"), e);
    e = error("paligemma", "--model", m, "--image", png, "--prompt-ids", p, "--max-new-tokens", "8180");
    assertTrue(e.contains("16 image tokens plus a prompt of 6 tokens plus 8180 new tokens is longer than the "
        + "model's context (max_position_embeddings 8192)"), e);
    Path d = Files.createDirectories(tmp.resolve("no-vision"));
    Files.copy(MODEL.resolve("config.json"), d.resolve("config.json"));
    Map<String, NdArray> t = Safetensors.read(MODEL.resolve("model.safetensors"));
    String dropped = t.keySet().stream().filter(k -> k.contains("encoder.layers.1.self_attn.q_proj.weight"))
        .findFirst().orElseThrow();
    t.remove(dropped);
    Safetensors.write(d.resolve("model.safetensors"), t);
    e = error("paligemma", "--model", d.toString(), "--image", png, "--prompt-ids", p, "--max-new-tokens", "2");
    assertTrue(e.contains("missing (1): img/Transformer/encoderblock_1/MultiHeadDotProductAttention_0/query/kernel"),
        e);
    e = error("paligemma", "--model", m, "--image", png, "--image", png, "--prompt-ids", p, "--max-new-tokens", "2");
    assertTrue(e.contains("one prompt per image, got 2 images and 1 prompts"), e);
    e = error("paligemma", "--model", m, "--image", png, "--prompt", "caption en", "--max-new-tokens", "2");
    assertTrue(e.contains("--prompt needs a tokenizer.model"), e);
    e = error("paligemma", "--model", m, "--image", png, "--prompt-ids", "2,400", "--max-new-tokens", "2");
    assertTrue(e.contains("token id 400 is outside the vocabulary [0, 400)"), e);
    e = error("paligemma", "--model", DIR.resolve("../gemma/gemma2_gqa").toString(), "--image", png, "--prompt-ids",
        p, "--max-new-tokens", "2");
    assertTrue(e.contains("is not PaliGemma's (\"paligemma\")"), e);
  }
}
