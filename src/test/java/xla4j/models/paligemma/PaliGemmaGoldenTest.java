package xla4j.models.paligemma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.dsl.Mesh;
import xla4j.io.Checkpoint;
import xla4j.io.Images;
import xla4j.io.JsonConfig;
import xla4j.models.gemma.Gemma;
import xla4j.models.gemma.Generator;
import xla4j.models.gemma.Sampling;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.DeviceMesh;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;

/**
 * PaliGemma and PaliGemma 2 against Hugging Face transformers: tiny random models made by
 * {@code tools/paligemma_fixtures.py} (Gemma with MQA; Gemma 2 with GQA, a sliding window shorter than the sequence,
 * soft caps that bite and query_pre_attn_scalar != head_dim), their projected image tokens, the logits at every
 * position of [image tokens][prompt] under the prefix-LM mask, greedy continuations, and a batch of two; loaded from
 * the recent and the Hub tensor layout and from big_vision's npz.
 */
public class PaliGemmaGoldenTest {
  static final Path DIR = Path.of("src/test/resources/paligemma");
  static Client client;

  @BeforeAll
  static void open() {
    client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 2L));
  }

  @AfterAll
  static void close() {
    client.close();
  }

  public static Map<String, NdArray> golden(String dir) throws IOException {
    Map<String, NdArray> g = new LinkedHashMap<>();
    try (Checkpoint c = Checkpoint.open(DIR.resolve(dir).resolve("golden.npz"))) {
      for (String k : c.keys()) {
        g.put(k, c.entry(k).readAll());
      }
    }
    return g;
  }

  static PaliGemmaCheckpoint.Opened open(String dir, String format, DType dt) throws IOException {
    Path d = DIR.resolve(dir);
    return format.equals("hf") ? PaliGemmaCheckpoint.openHuggingFace(d, dt)
        : PaliGemmaCheckpoint.openBigVision(d.resolve("big_vision.npz"),
            PaliGemmaConfig.fromHuggingFace(JsonConfig.read(d.resolve("config.json")), dt));
  }

  static DeviceMesh devices(Optional<Mesh> m) {
    return m.isPresent() ? DeviceMesh.of(m.get(), client) : DeviceMesh.single(client.addressableDevices().get(0));
  }

  /** The image program's tokens and the prefill's logits at every position, for one image and prompt. */
  static Map<String, NdArray> prefill(PaliGemmaConfig c, ParamStore params, Program img, Program pre, NdArray image,
      int[] prompt, boolean causal) {
    int len = c.imageTokens() + prompt.length;
    int[] tokens = new int[len];
    boolean[] mask = new boolean[len];
    int[] ar = new int[len];
    for (int i = 0; i < len; i++) {
      tokens[i] = i < c.imageTokens() ? 0 : prompt[i - c.imageTokens()];
      mask[i] = true;
      ar[i] = causal ? 1 : 0;
    }
    Map<String, NdArray> z = img.execute(params, Map.of(PaliGemma.IMAGE, image.reshape(1, c.imageSize(),
        c.imageSize(), 3)));
    Map<String, NdArray> out = new LinkedHashMap<>(pre.execute(params, Map.of(Gemma.TOKENS, NdArray.of(tokens, 1, len),
        Gemma.INPUT_MASK, NdArray.of(mask, 1, len), Gemma.MASK_AR, NdArray.of(ar, 1, len), PaliGemma.IMAGE_TOKENS,
        z.get(PaliGemma.IMAGE_TOKENS))));
    out.put(PaliGemma.IMAGE_TOKENS, z.get(PaliGemma.IMAGE_TOKENS));
    return out;
  }

  @ParameterizedTest(name = "{0} ({1}) on mesh ''{3}''")
  @CsvSource({
      "pali_gemma, hf, pali_gemma, ''",
      "pali_gemma_hub, hf, pali_gemma, ''",
      "pali_gemma, big_vision, pali_gemma, ''",
      "pali2_gemma2, hf, pali2_gemma2, ''",
      "pali2_gemma2, hf, pali2_gemma2, model=2"})
  void imageTokensLogitsAndGreedyIdsEqualTransformers(String dir, String format, String goldenDir, String mesh)
      throws IOException {
    Map<String, NdArray> g = golden(goldenDir);
    Optional<Mesh> m = mesh.isEmpty() ? Optional.empty() : Optional.of(Mesh.parse(mesh));
    int[] prompt = g.get("prompt_ids").toIntArray();
    int newTokens = g.get("greedy_ids").toIntArray().length;
    try (PaliGemmaCheckpoint.Opened opened = open(dir, format, DType.F32)) {
      PaliGemmaConfig c = opened.config();
      int cache = PaliGemmaPrograms.cacheSize(c, prompt.length, newTokens);
      try (Program img = Program.compile(PaliGemma.image(c, 1, m).graph(), devices(m));
          Program pre = Program.compile(PaliGemma.prefill(c, 1, prompt.length, cache, m, true).graph(), devices(m));
          Program dec = Program.compile(PaliGemma.decode(c, 1, cache, m).graph(), devices(m));
          ParamStore params = ParamStore.place(List.of(img, dec), opened.params(), line -> { })) {
        Map<String, NdArray> out = prefill(c, params, img, pre, g.get("image"), prompt, false);
        assertClose(g.get("image_features").toFloatArray(), out.get(PaliGemma.IMAGE_TOKENS).toFloatArray(), 1e-4,
            dir + " image tokens");
        assertClose(g.get("all_logits").toFloatArray(), out.get(Gemma.ALL_LOGITS).toFloatArray(), 1e-4,
            dir + " logits at every position");
        assertClose(g.get("logits").toFloatArray(), out.get(Gemma.LOGITS).toFloatArray(), 1e-4, dir + " logits");
        Generator.Result r;
        try (xla4j.runtime.ShardedArray image = img.put(PaliGemma.IMAGE, g.get("image").reshape(1, c.imageSize(),
                c.imageSize(), 3));
            xla4j.runtime.ShardedArray tokens = img.call(params, Map.of(PaliGemma.IMAGE, image))
                .get(PaliGemma.IMAGE_TOKENS)) {
          r = new Generator(c.text(), pre, dec, params).generate(List.of(prompt), newTokens, Sampling.greedy(), true,
              (row, step, id) -> { }, false, new Generator.Prefix(tokens));
        }
        assertArrayEquals(g.get("greedy_ids").toIntArray(), r.ids().get(0), dir + " greedy ids");
        assertClose(g.get("greedy_logits").toFloatArray(), flat(r.logits().get(0)), 1e-4, dir + " greedy logits");
      }
    }
  }

  /** The prefix-LM mask matters: a causal mask over the image and prompt gives transformers' causal logits instead. */
  @Test
  void causalMaskOverThePrefixGivesOtherLogits() throws IOException {
    Map<String, NdArray> g = golden("pali_gemma");
    int[] prompt = g.get("prompt_ids").toIntArray();
    try (PaliGemmaCheckpoint.Opened opened = open("pali_gemma", "hf", DType.F32)) {
      PaliGemmaConfig c = opened.config();
      int cache = c.imageTokens() + prompt.length;
      try (Program img = Program.compile(PaliGemma.image(c, 1, Optional.empty()).graph(), client);
          Program pre = Program.compile(PaliGemma.prefill(c, 1, prompt.length, cache, Optional.empty(), false)
              .graph(), client);
          ParamStore params = ParamStore.place(List.of(img, pre), opened.params(), line -> { })) {
        float[] causal = prefill(c, params, img, pre, g.get("image"), prompt, true).get(Gemma.LOGITS).toFloatArray();
        assertClose(g.get("causal_logits").toFloatArray(), causal, 1e-4, "causal logits");
        float[] want = g.get("logits").toFloatArray();
        double max = 0;
        for (int i = 0; i < want.length; i++) {
          max = Math.max(max, Math.abs(want[i] - causal[i]));
        }
        assertTrue(max > 1e-2, "a causal mask must change the logits, max |diff| " + max);
      }
    }
  }

  /** The PNG decodes to the golden's image exactly; two images with prompts of different lengths as one batch. */
  @Test
  void pngImageAndBatchOfTwoEqualTransformers() throws IOException {
    Map<String, NdArray> g = golden("pali_gemma");
    try (PaliGemmaCheckpoint.Opened opened = open("pali_gemma", "hf", DType.F32)) {
      PaliGemmaConfig c = opened.config();
      NdArray png = Images.load(DIR.resolve("pali_gemma/image.png"), c.imageSize());
      assertClose(g.get("image").toFloatArray(), png.toFloatArray(), 1e-6, "image.png");
      int[] lengths = g.get("batch_prompt_lengths").toIntArray();
      int[] padded = g.get("batch_prompt_ids").toIntArray();
      int width = padded.length / lengths.length;
      List<int[]> prompts = new ArrayList<>();
      for (int i = 0; i < lengths.length; i++) {
        prompts.add(Arrays.copyOfRange(padded, (i + 1) * width - lengths[i], (i + 1) * width)); // left-padded
      }
      int[] want = g.get("batch_greedy_ids").toIntArray();
      int newTokens = want.length / lengths.length;
      int longest = Arrays.stream(lengths).max().getAsInt();
      try (PaliGemmaPrograms p = PaliGemmaPrograms.compile(c, 2, longest, newTokens, Optional.empty(), client,
          false); ParamStore params = p.place(opened.params(), line -> { })) {
        Generator.Result r = p.generate(params, g.get("batch_images"), prompts, newTokens, Sampling.greedy(), false,
            (row, step, id) -> { });
        for (int i = 0; i < lengths.length; i++) {
          int[] row = Arrays.copyOfRange(want, i * newTokens, (i + 1) * newTokens);
          int[] got = r.ids().get(i);
          // generation stops at EOS; the golden runs every step
          assertArrayEquals(Arrays.copyOf(row, got.length), got, "image " + i);
        }
        Generator.Result one = p.generate(params, png.reshape(1, c.imageSize(), c.imageSize(), 3),
            List.of(g.get("prompt_ids").toIntArray()), newTokens, Sampling.greedy(), false, (row, step, id) -> { });
        int[] greedy = g.get("greedy_ids").toIntArray();
        assertArrayEquals(Arrays.copyOf(greedy, one.ids().get(0).length), one.ids().get(0), "image.png");
      }
    }
  }

  static float[] flat(float[][] rows) {
    int v = rows.length == 0 ? 0 : rows[0].length;
    float[] out = new float[rows.length * v];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, out, i * v, v);
    }
    return out;
  }

  public static void assertClose(float[] want, float[] got, double tol, String what) {
    assertEquals(want.length, got.length, what + ": number of values");
    double max = 0;
    for (int i = 0; i < want.length; i++) {
      max = Math.max(max, Math.abs(want[i] - got[i]));
    }
    System.out.println(what + ": max |diff| " + max);
    assertTrue(max <= tol, what + ": max |diff| " + max + " > " + tol);
  }
}
