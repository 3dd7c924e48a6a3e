package xla4j.models.vmoe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xla4j.nn.MlpMoeBlock;
import xla4j.array.NdArray;
import xla4j.io.Npz;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;

/**
 * V-MoE against the independent NumPy reference of vmoe ({@code tools/vmoe_reference.py}): logits and pre_logits
 * within 1e-4, and the dropped choices and tokens of every MoE layer exactly; both MoE implementations.
 */
class VMoEGoldenTest {
  static final Path DIR = Path.of("src/test/resources/vmoe");
  static Client client;

  @BeforeAll
  static void open() {
    client = PjrtPlugin.cpu().createClient();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  /** A golden case: its config (with pre_logits as its parameters say), parameters, images and outputs. */
  record Case(VMoEConfig config, Map<String, NdArray> params, NdArray images, Map<String, NdArray> out) {
    static Case read(String name) throws Exception {
      VMoEConfig c = VMoEConfig.fromJson(Files.readString(DIR.resolve(name + ".json")));
      Map<String, NdArray> all = Npz.read(DIR.resolve(name + ".npz"));
      Map<String, NdArray> params = new LinkedHashMap<>();
      Map<String, NdArray> out = new LinkedHashMap<>();
      all.forEach((k, v) -> {
        if (k.startsWith("params/")) {
          params.put(k, v);
        } else if (k.startsWith("out/")) {
          out.put(k.substring(4), v);
        }
      });
      Map<String, xla4j.array.TensorSource> sources = new LinkedHashMap<>();
      params.forEach((k, v) -> sources.put(k, xla4j.array.TensorSource.of(v)));
      c = c.withRepresentationSize(VMoECheckpoint.representationSize(sources));
      return new Case(c, params, all.get("images"), out);
    }

    VMoE.Model model() {
      return VMoE.graph(config, images.shape()[0]);
    }
  }

  static Map<String, NdArray> run(Client on, VMoE.Model m, Map<String, NdArray> params, NdArray images) {
    try (Program p = Program.compile(m.graph(), on); ParamStore s = ParamStore.fromArrays(p, params)) {
      return p.execute(s, Map.of(VMoE.IMAGE, images));
    }
  }

  static void assertClose(String what, NdArray want, NdArray got) {
    assertArrayEquals(want.shape(), got.shape(), what);
    float[] a = want.toFloatArray();
    float[] b = got.toFloatArray();
    for (int i = 0; i < a.length; i++) {
      assertTrue(Math.abs(a[i] - b[i]) <= 1e-4, what + "[" + i + "]: " + a[i] + " vs " + b[i]);
    }
  }

  static final List<String> CASES = List.of("top1_tok_every2", "top2_tok_every2", "top2_drop", "top2_drop_bpr",
      "top1_drop_bpr_gap_every2", "top2_gap_last2");

  static Stream<Arguments> casesAndImplementations() {
    return CASES.stream().flatMap(c -> Stream.of(MlpMoeBlock.Implementation.values()).map(i -> Arguments.of(c, i)));
  }

  @ParameterizedTest
  @MethodSource("casesAndImplementations")
  void matchesReference(String name, MlpMoeBlock.Implementation impl) throws Exception {
    Case c = Case.read(name);
    VMoE.Model m = VMoE.graph(c.config(), c.images().shape()[0], Optional.empty(), impl);
    Map<String, NdArray> got = run(client, m, VMoECheckpoint.fromArrays(c.params(), m, name), c.images());
    assertClose(name + " logits", c.out().get("logits"), got.get("logits"));
    assertClose(name + " pre_logits", c.out().get("pre_logits"), got.get("pre_logits"));
    assertArrayEquals(c.out().get("dropped_choices").toIntArray(), got.get(VMoE.DROPPED_CHOICES).toIntArray(), name);
    assertArrayEquals(c.out().get("dropped_tokens").toIntArray(), got.get(VMoE.DROPPED_TOKENS).toIntArray(), name);
  }

  @Test
  void casesCoverWhatTheyAreNamedFor() throws Exception {
    Case drop = Case.read("top2_drop");
    Case bpr = Case.read("top2_drop_bpr");
    assertTrue(drop.out().get("dropped_choices").toIntArray()[0] > 0, "top2_drop drops first choices");
    assertEquals(List.of(3, 5), Case.read("top2_gap_last2").config().moeLayers());
    assertEquals(VMoEConfig.Pool.gap, Case.read("top2_gap_last2").config().pool());
    assertEquals(6, Case.read("top2_gap_last2").config().representationSize());
    assertEquals(0, drop.config().representationSize());
    // batch-priority routing changes which choices are kept, and so the logits (xla4j's own outputs)
    Map<String, NdArray> a = run(client, drop.model(), VMoECheckpoint.fromArrays(drop.params(), drop.model(), "a"),
        drop.images());
    Map<String, NdArray> b = run(client, bpr.model(), VMoECheckpoint.fromArrays(bpr.params(), bpr.model(), "b"),
        bpr.images());
    float[] la = a.get("logits").toFloatArray();
    float[] lb = b.get("logits").toFloatArray();
    double diff = 0;
    for (int i = 0; i < la.length; i++) {
      diff = Math.max(diff, Math.abs(la[i] - lb[i]));
    }
    assertTrue(diff > 1e-2, "BPR on and off give the same logits: " + diff);
  }

  @Test
  void checkpointNamesMayLackTheParamsPrefix() throws Exception {
    Case c = Case.read("top2_tok_every2");
    Map<String, NdArray> bare = new LinkedHashMap<>();
    c.params().forEach((k, v) -> bare.put(k.substring("params/".length()), v));
    VMoE.Model m = c.model();
    Path file = Files.createTempFile("vmoe", ".npz");
    try {
      Npz.write(file, bare);
      assertEquals(6, VMoECheckpoint.representationSize(file));
      Map<String, NdArray> got = run(client, m, VMoECheckpoint.load(file, m), c.images());
      assertClose("bare names", c.out().get("logits"), got.get("logits"));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void checkpointMismatchesAreListed() throws Exception {
    Case c = Case.read("top2_tok_every2");
    Map<String, NdArray> bad = new LinkedHashMap<>(c.params());
    bad.remove("params/Encoder/encoderblock_1/Moe/Router/dense/kernel");
    bad.put("params/Encoder/encoderblock_9/Mlp/Dense_0/kernel", NdArray.of(new float[4], 2, 2));
    bad.put("params/Encoder/encoderblock_3/Moe/Mlp/Dense_0/kernel", NdArray.of(new float[3 * 8 * 16], 3, 8, 16));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VMoECheckpoint.fromArrays(bad, c.model(), "bad.npz"));
    assertEquals("checkpoint bad.npz does not match the model:"
        + "\n  missing (1): Encoder/encoderblock_1/Moe/Router/dense/kernel: f32[8, 4]"
        + "\n  unexpected (1): Encoder/encoderblock_9/Mlp/Dense_0/kernel"
        + "\n  wrong shape (1): Encoder/encoderblock_3/Moe/Mlp/Dense_0/kernel: checkpoint [3, 8, 16], model [4, 8, 16]",
        e.getMessage());
  }

  @Test
  void bfloat16DispatchRoundsTheRoutedTokens() throws Exception {
    Case c = Case.read("top1_tok_every2"); // routing far from ties (relative margin 0.06)
    VMoEConfig bf16 = c.config().withBfloat16Dispatch(true);
    VMoE.Model m = VMoE.graph(bf16, c.images().shape()[0]);
    Map<String, NdArray> got = run(client, m, VMoECheckpoint.fromArrays(c.params(), m, "bf16"), c.images());
    float[] want = c.out().get("logits").toFloatArray();
    float[] have = got.get("logits").toFloatArray();
    double diff = 0;
    for (int i = 0; i < want.length; i++) {
      diff = Math.max(diff, Math.abs(want[i] - have[i]));
    }
    // bf16 keeps 8 significant bits: the logits move, by about that much, and the routing stays the same
    assertTrue(diff > 1e-5 && diff < 5e-2, "bf16 dispatch changed the logits by " + diff);
    assertArrayEquals(c.out().get("dropped_choices").toIntArray(), got.get(VMoE.DROPPED_CHOICES).toIntArray());
  }
}
