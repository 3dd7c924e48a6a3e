package xla4j.models.vit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.io.Npz;
import xla4j.models.DetParams;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;

/**
 * ViT-Ti/16 against the independent JAX/Flax reference of big_vision's ViT ({@code tools/vit_reference.py}):
 * logits, pre_logits and intermediates on deterministic parameters, within 1e-4 (+1e-4 relative) in f32.
 */
class ViTGoldenTest {
  static final Path DIR = Path.of("src/test/resources/vit");
  static Client client;

  @BeforeAll
  static void open() {
    client = PjrtPlugin.cpu().createClient();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  /** The xla4j config of a golden case's big_vision model dict. */
  static ViTConfig config(JsonObject json) {
    JsonObject m = json.getAsJsonObject("model");
    long width = m.get("width").getAsLong();
    long image = json.get("image_size").getAsLong();
    long patch = m.has("seqhw") ? image / m.get("seqhw").getAsLong() : m.getAsJsonArray("patch_size").get(0).getAsLong();
    String pool = m.get("pool_type").getAsString();
    long rep = !m.has("rep_size") ? 0 : m.get("rep_size").getAsJsonPrimitive().isBoolean()
        ? (m.get("rep_size").getAsBoolean() ? width : 0) : m.get("rep_size").getAsLong();
    return new ViTConfig(width, m.get("depth").getAsInt(), m.get("mlp_dim").getAsLong(), m.get("num_heads").getAsInt(),
        patch, image, m.get("posemb").getAsString(), pool, rep,
        m.get("num_classes").getAsLong(), true, m.has("merge_after") ? m.get("merge_after").getAsInt() : -1,
        m.has("merge_tokens") ? m.get("merge_tokens").getAsLong() : 0, DType.F32);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ti16_tok_learn", "ti16_gap_sincos2d", "ti16_map_learn", "ti16_gap_patchmerger",
      "ti16_flexi_patch8", "ti16_tok_learn_posemb_resize", "ti16_0_learn_72px"})
  void matchesReference(String name) throws Exception {
    Path jsonFile = DIR.resolve(name + ".json");
    JsonObject json = JsonParser.parseString(Files.readString(jsonFile)).getAsJsonObject();
    Map<String, NdArray> golden = Npz.read(DIR.resolve(name + ".npz"));
    ViTConfig c = config(json);
    List<String> extra = new ArrayList<>();
    for (String k : golden.keySet()) {
      String out = k.startsWith("out/") ? k.substring(4) : null;
      if (out != null && !List.of("logits", "pre_logits", "encoded").contains(out)) {
        extra.add(out);
      }
    }
    long batch = json.get("batch").getAsLong();
    ViT.Model model = ViT.graph(c, batch, extra);
    ViTCheckpoint.Options options = json.getAsJsonObject("model").has("seqhw") ? ViTCheckpoint.Options.flexiVit()
        : ViTCheckpoint.Options.vit();
    Map<String, NdArray> params = ViTCheckpoint.fromArrays(DetParams.params(jsonFile), model, name, options);
    checkResized(golden, params);

    NdArray image = DetParams.image("image", batch, c.imageSize(), c.imageSize(), 3);
    assertEquals(golden.get("image"), image, "deterministic image differs from the golden's");
    try (Program program = Program.compile(model.graph(), client);
        ParamStore store = ParamStore.fromArrays(program, params)) {
      Map<String, NdArray> result = program.execute(store, Map.of(ViT.IMAGE, image));
      int compared = 0;
      for (Map.Entry<String, NdArray> out : result.entrySet()) {
        NdArray want = golden.get("out/" + out.getKey());
        if (want != null) {
          assertClose(name + " " + out.getKey(), want, out.getValue());
          compared++;
        }
      }
      assertEquals(golden.keySet().stream().filter(k -> k.startsWith("out/")).count(), compared,
          "every golden output was compared");
    }
  }

  /** {@code resized/<param>[...,:8]} goldens: the first 8 entries of the last axis of the loaded parameter. */
  static void checkResized(Map<String, NdArray> golden, Map<String, NdArray> params) {
    for (Map.Entry<String, NdArray> e : golden.entrySet()) {
      if (!e.getKey().startsWith("resized/")) {
        continue;
      }
      String param = e.getKey().substring("resized/".length(), e.getKey().indexOf('['));
      NdArray full = params.get(param);
      long[] s = full.shape();
      long last = s[s.length - 1];
      float[] all = full.toFloatArray();
      long keep = e.getValue().shape()[s.length - 1];
      float[] head = new float[(int) (all.length / last * keep)];
      for (int i = 0, j = 0; i < all.length; i++) {
        if (i % last < keep) {
          head[j++] = all[i];
        }
      }
      s[s.length - 1] = keep;
      assertClose(e.getKey(), e.getValue(), NdArray.of(head, s));
    }
  }

  static void assertClose(String what, NdArray want, NdArray got) {
    assertArrayEquals(want.shape(), got.shape(), what + " shape");
    float[] w = want.toFloatArray();
    float[] g = got.toFloatArray();
    double worst = 0;
    int at = -1;
    for (int i = 0; i < w.length; i++) {
      double err = Math.abs(w[i] - g[i]) - (1e-4 + 1e-4 * Math.abs(w[i]));
      if (!(err <= worst) && (err > 0 || Double.isNaN(err))) {
        worst = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
        at = i;
      }
    }
    if (at >= 0) {
      fail(what + ": element " + at + " is " + g[at] + ", reference " + w[at] + " (beyond 1e-4 + 1e-4*|ref|)");
    }
  }
}
