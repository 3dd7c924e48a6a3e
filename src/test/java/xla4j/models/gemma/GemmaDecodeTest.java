package xla4j.models.gemma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.nn.Params;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;

/** KV-cache decoding against full recomputation, on a tiny random Gemma 2 (sliding window shorter than the text). */
class GemmaDecodeTest {
  static Client client;

  static final GemmaConfig TINY = new GemmaConfig("tiny", GemmaConfig.Architecture.GEMMA2, 97, 32, 3, 48, 4, 2, 8,
      1e-6, 10_000, 12, OptionalDouble.of(5.0), OptionalDouble.of(3.0), GemmaConfig.Activation.GELU_TANH,
      GemmaConfig.alternating(3), OptionalInt.of(3), 64, DType.F32, 2, List.of(1), 0);

  @BeforeAll
  static void open() {
    client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 2L));
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void cachedDecodingEqualsFullRecomputation() {
    int promptLen = 6;
    int newTokens = 5;
    int cacheSize = promptLen + newTokens;
    Map<String, NdArray> weights = Params.random(Gemma.params(TINY), 7);
    List<int[]> prompts = List.of(new int[] {2, 5, 9, 11, 40, 3}, new int[] {2, 17, 33});
    Generator.Result r;
    try (Program pre = Program.compile(Gemma.prefill(TINY, 2, promptLen, cacheSize, Optional.empty(), false).graph(),
            client);
        Program dec = Program.compile(Gemma.decode(TINY, 2, cacheSize, Optional.empty()).graph(), client);
        ParamStore params = ParamStore.fromArrays(dec, weights)) {
      r = new Generator(TINY, pre, dec, params).generate(prompts, newTokens, Sampling.greedy(), true,
          (row, step, id) -> { });
    }
    for (int row = 0; row < prompts.size(); row++) {
      int[] p = prompts.get(row);
      int[] gen = r.ids().get(row);
      assertEquals(newTokens, gen.length);
      // the whole text at once, without a cache: logits at position len(p)-1+i chose token i
      int total = p.length + gen.length - 1;
      int[] text = new int[total];
      System.arraycopy(p, 0, text, 0, p.length);
      System.arraycopy(gen, 0, text, p.length, gen.length - 1);
      boolean[] mask = new boolean[total];
      int[] ar = new int[total];
      java.util.Arrays.fill(mask, true);
      java.util.Arrays.fill(ar, 1);
      try (Program full = Program.compile(Gemma.prefill(TINY, 1, total, total, Optional.empty(), true).graph(),
          client); ParamStore params = ParamStore.fromArrays(full, weights)) {
        Map<String, NdArray> out = full.execute(params, Map.of(Gemma.TOKENS, NdArray.of(text, 1, total),
            Gemma.INPUT_MASK, NdArray.of(mask, 1, total), Gemma.MASK_AR, NdArray.of(ar, 1, total)));
        float[] all = out.get(Gemma.ALL_LOGITS).toFloatArray();
        for (int i = 0; i < gen.length; i++) {
          int pos = p.length - 1 + i;
          float[] want = java.util.Arrays.copyOfRange(all, pos * TINY.vocabSize(), (pos + 1) * TINY.vocabSize());
          float[] got = r.logits().get(row)[i];
          float max = 0;
          for (int j = 0; j < want.length; j++) {
            max = Math.max(max, Math.abs(want[j] - got[j]));
          }
          assertTrue(max < 1e-5, "row " + row + " token " + i + " differs by " + max);
          assertEquals(Sampling.argmax(want), gen[i]);
        }
      }
    }
  }
}
