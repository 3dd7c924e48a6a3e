package xla4j.models.gemma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.dsl.Mesh;
import xla4j.io.Checkpoint;
import xla4j.io.JsonConfig;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.DeviceMesh;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;

/**
 * Gemma and Gemma 2 against Hugging Face transformers: tiny random models and their logits and greedy continuations,
 * made by {@code tools/gemma_fixtures.py} (MQA, MHA with RoPE base 1000, GQA with a sliding window of 4 shorter than
 * the prompts, soft caps that bite, query_pre_attn_scalar 24 != head_dim 16), loaded from the Hugging Face layout
 * (single and sharded safetensors, f32 and bf16) and from big_vision's npz; three prompts of 5, 9 and 12 tokens run
 * as one left-padded batch.
 */
class GemmaGoldenTest {
  static final Path DIR = Path.of("src/test/resources/gemma");
  static Client client;

  @BeforeAll
  static void open() {
    client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 2L));
  }

  @AfterAll
  static void close() {
    client.close();
  }

  static Map<String, NdArray> golden(String dir) throws IOException {
    Map<String, NdArray> g = new LinkedHashMap<>();
    try (Checkpoint c = Checkpoint.open(DIR.resolve(dir).resolve("golden.npz"))) {
      for (String k : c.keys()) {
        g.put(k, c.entry(k).readAll());
      }
    }
    return g;
  }

  @ParameterizedTest(name = "{0} {1} computed in {2} on mesh ''{3}''")
  @CsvSource({
      "gemma_mqa, hf, f32, '', 1e-4",
      "gemma_mha, hf, f32, '', 1e-4",
      "gemma2_gqa, hf, f32, '', 1e-4",
      "gemma2_gqa_sharded, hf, f32, '', 1e-4",
      "gemma2_gqa_bf16, hf, f32, '', 1e-4",
      "gemma_mha, big_vision, f32, '', 1e-4",
      "gemma2_gqa, big_vision, f32, '', 1e-4",
      "gemma2_gqa, hf, f32, model=2, 1e-4",
      "gemma_mqa, hf, f32, data=2, 1e-4",
      "gemma2_gqa_bf16, hf, bf16, '', 0.1"})
  void logitsAndGreedyIdsEqualTransformers(String dir, String format, String dtype, String mesh, double tol)
      throws IOException {
    Map<String, NdArray> golden = golden(dir);
    DType dt = dtype.equals("bf16") ? DType.BF16 : DType.F32;
    Path d = DIR.resolve(dir);
    GemmaCheckpoint.Opened opened = format.equals("hf") ? GemmaCheckpoint.openHuggingFace(d, dt)
        : GemmaCheckpoint.openBigVision(d.resolve("big_vision.npz"),
            GemmaConfig.fromHuggingFace(JsonConfig.read(d.resolve("config.json")), dt));
    GemmaConfig c = opened.config();
    int rows = 3;
    int batch = mesh.contains("data") ? 4 : rows; // a batch split over data=2; the extra row repeats prompt 0
    int promptLen = 12;
    int newTokens = 6;
    List<int[]> prompts = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      prompts.add(golden.get("prompt_" + i).toIntArray());
    }
    Optional<Mesh> m = mesh.isEmpty() ? Optional.empty() : Optional.of(Mesh.parse(mesh));
    try (opened;
        Program pre = compile(Gemma.prefill(c, batch, promptLen, promptLen + newTokens, m, true), m);
        Program dec = compile(Gemma.decode(c, batch, promptLen + newTokens, m), m);
        ParamStore params = ParamStore.place(dec, opened.params(), line -> { })) {
      // every position's logits, each prompt right-aligned in the batch
      int[] tokens = new int[batch * promptLen];
      boolean[] mask = new boolean[batch * promptLen];
      int[] ar = new int[batch * promptLen];
      for (int r = 0; r < batch; r++) {
        int[] p = prompts.get(r % rows);
        for (int i = 0; i < p.length; i++) {
          int at = r * promptLen + promptLen - p.length + i;
          tokens[at] = p[i];
          mask[at] = true;
          ar[at] = 1;
        }
      }
      Map<String, NdArray> out = pre.execute(params, Map.of(Gemma.TOKENS, NdArray.of(tokens, batch, promptLen),
          Gemma.INPUT_MASK, NdArray.of(mask, batch, promptLen), Gemma.MASK_AR, NdArray.of(ar, batch, promptLen)));
      float[] all = out.get(Gemma.ALL_LOGITS).astype(DType.F32).toFloatArray();
      int v = c.vocabSize();
      for (int r = 0; r < rows; r++) {
        int len = prompts.get(r).length;
        float[] want = golden.get("logits_" + r).toFloatArray();
        int from = (r * promptLen + promptLen - len) * v;
        assertClose(want, java.util.Arrays.copyOfRange(all, from, from + len * v), tol, dir + " prompt " + r);
      }
      Generator.Result res = new Generator(c, pre, dec, params).generate(prompts, newTokens, Sampling.greedy(), true,
          (row, step, id) -> { });
      for (int r = 0; r < rows; r++) {
        float[][] got = res.logits().get(r);
        float[] flat = new float[got.length * v];
        for (int i = 0; i < got.length; i++) {
          System.arraycopy(got[i], 0, flat, i * v, v);
        }
        assertClose(golden.get("greedy_logits_" + r).toFloatArray(), flat, tol, dir + " greedy logits " + r);
        if (dt == DType.F32) {
          assertArrayEquals(golden.get("greedy_" + r).toIntArray(), res.ids().get(r), dir + " greedy ids " + r);
        }
      }
    }
  }

  static Program compile(Gemma.Model model, Optional<Mesh> mesh) {
    return mesh.isEmpty() ? Program.compile(model.graph(), client)
        : Program.compile(model.graph(), DeviceMesh.of(mesh.get(), client));
  }

  static void assertClose(float[] want, float[] got, double tol, String what) {
    assertTrue(want.length == got.length, what + ": " + want.length + " values expected, got " + got.length);
    double max = 0;
    for (int i = 0; i < want.length; i++) {
      max = Math.max(max, Math.abs(want[i] - got[i]));
    }
    System.out.println(what + ": max |diff| " + max);
    assertTrue(max <= tol, what + ": max |diff| " + max + " > " + tol);
  }
}
