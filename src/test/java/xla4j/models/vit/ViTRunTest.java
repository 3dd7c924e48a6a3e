package xla4j.models.vit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.models.DetParams;
import xla4j.nn.ParamSpec;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;

/** Running ViTs through a {@link Program} and a {@link ParamStore}: parameters reused across calls, bf16 close to f32, lifecycle. */
class ViTRunTest {
  static final ViTConfig SMALL = ViTConfig.fromVariant("Ti/16").withImageSize(32).withDepth(2).withNumClasses(10)
      .withPool("map").withHeadZeroinit(false);

  static Map<String, NdArray> detParams(ViT.Model m) {
    Map<String, NdArray> p = new LinkedHashMap<>();
    for (ParamSpec s : m.params()) {
      p.put(s.name(), DetParams.rule(s.name(), s.shape()).values().astype(s.dtype()));
    }
    return p;
  }

  static Map<String, NdArray> run(ViTConfig c, NdArray image, int calls) {
    ViT.Model m = ViT.graph(c, 2);
    try (Client client = PjrtPlugin.cpu().createClient(); Program p = Program.compile(m.graph(), client);
        ParamStore s = ParamStore.fromArrays(p, detParams(m))) {
      Map<String, NdArray> first = p.execute(s, Map.of(ViT.IMAGE, image.astype(c.dtype())));
      for (int i = 1; i < calls; i++) {
        assertEquals(first, p.execute(s, Map.of(ViT.IMAGE, image.astype(c.dtype()))),
            "call " + i + " differs from the first");
      }
      return first;
    }
  }

  @Test
  void parametersStayOnDeviceAcrossCallsAndBf16TracksF32() {
    NdArray image = DetParams.image("image", 2, 32, 32, 3);
    Map<String, NdArray> f32 = run(SMALL, image, 3);
    Map<String, NdArray> bf16 = run(SMALL.withDtype(DType.BF16), image, 1);
    assertArrayEquals(new long[] {2, 10}, f32.get("logits").shape());
    assertEquals(DType.BF16, bf16.get("logits").dtype());
    float[] a = f32.get("logits").toFloatArray();
    float[] b = bf16.get("logits").toFloatArray();
    double scale = 0;
    for (float v : a) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < a.length; i++) {
      // bf16 keeps 8 bits of mantissa: through 2 blocks the logits stay within a few percent of f32's range.
      assertTrue(Math.abs(a[i] - b[i]) <= 0.05 * scale, "logit " + i + ": f32 " + a[i] + " bf16 " + b[i]);
    }
  }

  @Test
  void closedSessionAndWrongInputAreClearErrors() {
    ViT.Model m = ViT.graph(SMALL, 2);
    try (Client client = PjrtPlugin.cpu().createClient()) {
      Program p = Program.compile(m.graph(), client);
      ParamStore s = ParamStore.fromArrays(p, detParams(m));
      RuntimeException wrong = assertThrows(RuntimeException.class,
          () -> p.execute(s, Map.of(ViT.IMAGE, NdArray.zeros(DType.F32, 2, 16, 16, 3))));
      assertTrue(wrong.getMessage().contains("16") || wrong.getMessage().contains("32"), wrong.getMessage());
      s.close();
      s.close(); // harmless
      IllegalStateException closed = assertThrows(IllegalStateException.class,
          () -> p.execute(s, Map.of(ViT.IMAGE, DetParams.image("image", 2, 32, 32, 3))));
      p.close();
      p.close(); // harmless
      assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }
  }
}
