package xla4j.models.vit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import xla4j.array.NdArray;
import xla4j.models.DetParams;
import xla4j.nn.Params;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;

/**
 * Random parameters never give all-zero logits silently: big_vision's {@code head_zeroinit=True} (the default of
 * {@link ViTConfig#fromVariant}) zero-initialises the head, which {@link Params#random} reports through SLF4J.
 */
class ViTRandomInitTest {
  static final ViTConfig MU = ViTConfig.fromVariant("mu/16").withImageSize(32).withNumClasses(3);

  /** The logits of two different images with random parameters of {@code c}, and what was logged meanwhile. */
  static Map.Entry<float[], String> logitsAndLog(ViTConfig c) {
    ViT.Model m = ViT.graph(c, 2);
    Map<String, NdArray>[] params = new Map[1];
    String log = stderrOf(() -> params[0] = Params.random(m.params(), 0));
    try (Client client = PjrtPlugin.cpu().createClient(); Program p = Program.compile(m.graph(), client);
        ParamStore s = ParamStore.fromArrays(p, params[0])) {
      NdArray logits = p.execute(s, Map.of(ViT.IMAGE, DetParams.image("image", 2, 32, 32, 3))).get("logits");
      return Map.entry(logits.toFloatArray(), log);
    }
  }

  /** What slf4j-simple (the test class path's binding, which writes to System.err) printed while {@code f} ran. */
  static String stderrOf(Supplier<?> f) {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      f.get();
    } finally {
      System.setErr(old);
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void bigVisionsDefaultZeroHeadGivesZeroLogitsAndSaysSo() {
    assertTrue(MU.headZeroinit(), "fromVariant keeps big_vision's head_zeroinit=True");
    Map.Entry<float[], String> r = logitsAndLog(MU);
    assertTrue(Arrays.equals(new float[6], r.getKey()), "every logit is 0: " + Arrays.toString(r.getKey()));
    String warning = "WARN xla4j.nn - random initialisation of head/kernel: zeros, as big_vision trains a head "
        + "(head_zeroinit=True, ViTConfig.headZeroinit), so with its zero bias every logit is 0 whatever the image; "
        + "load a checkpoint, or draw it from lecun_normal with ViTConfig.withHeadZeroinit(false)";
    assertTrue(r.getValue().contains(warning), r.getValue());
    assertEquals(1, r.getValue().split("WARN xla4j.nn", -1).length - 1, "one warning, for the head only: "
        + r.getValue());
  }

  @Test
  void aRandomHeadGivesDifferentLogitsPerImageAndNoWarning() {
    Map.Entry<float[], String> r = logitsAndLog(MU.withHeadZeroinit(false));
    float[] v = r.getKey();
    assertFalse(r.getValue().contains("xla4j.nn"), r.getValue());
    for (float x : v) {
      assertNotEquals(0f, x, Arrays.toString(v));
    }
    assertFalse(Arrays.equals(Arrays.copyOfRange(v, 0, 3), Arrays.copyOfRange(v, 3, 6)),
        "two different images, two different rows: " + Arrays.toString(v));
  }
}
