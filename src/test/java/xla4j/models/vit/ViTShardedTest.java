package xla4j.models.vit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import xla4j.array.NdArray;
import xla4j.dsl.Mesh;
import xla4j.dsl.NamedSharding;
import xla4j.dsl.PartitionSpec;
import xla4j.dsl.ShardingRules;
import xla4j.models.DetParams;
import xla4j.nn.ParamSpec;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;

/** A ViT laid out over 4 CPU devices gives the 1-device results, with each device holding only its shards. */
class ViTShardedTest {
  /** big_vision's M (8 heads, MLP 2048) cut to 2 blocks at 32 px: every tactic divides 4 ways. */
  static final ViTConfig M = ViTConfig.fromVariant("M/16").withImageSize(32).withDepth(2).withNumClasses(12)
      .withPool("map").withHeadZeroinit(false);
  static final long BATCH = 4;
  static Client client;
  static Map<String, NdArray> reference;
  static Map<String, NdArray> params;
  static NdArray image;

  @BeforeAll
  static void runOnOneDevice() {
    client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 4L));
    ViT.Model m = ViT.graph(M, BATCH);
    params = ViTRunTest.detParams(m);
    image = DetParams.image("image", BATCH, 32, 32, 3);
    reference = run(m);
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  static Map<String, NdArray> run(ViT.Model m) {
    try (Program p = Program.compile(m.graph(), client); ParamStore s = ParamStore.fromArrays(p, params)) {
      return p.execute(s, Map.of(ViT.IMAGE, image));
    }
  }

  static ViT.Layout layout(String mesh, String strategy) {
    Mesh m = Mesh.parse(mesh);
    ShardingRules rules = strategy.equals("fsdp") ? ViT.fsdp(m.axisNames(), 0)
        : m.hasAxis(ViT.MODEL) ? ViT.megatron(ViT.MODEL) : ShardingRules.replicated();
    return new ViT.Layout(m, rules);
  }

  @ParameterizedTest
  @ValueSource(strings = {"data=4/megatron", "model=4/megatron", "data=2,model=2/megatron", "data=2,model=2/fsdp",
      "model=2,data=2/megatron"})
  void shardedResultsEqualOneDevice(String spec) {
    String[] parts = spec.split("/");
    ViT.Model m = ViT.graph(M, BATCH, List.of(), Optional.of(layout(parts[0], parts[1])));
    Map<String, NdArray> got = run(m);
    for (String k : List.of("logits", "pre_logits", "encoded")) {
      assertClose(spec + " " + k, reference.get(k), got.get(k));
    }
  }

  static void assertClose(String what, NdArray want, NdArray got) {
    assertArrayEquals(want.shape(), got.shape(), what);
    float[] a = want.toFloatArray();
    float[] b = got.toFloatArray();
    double scale = 0;
    for (float v : a) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < a.length; i++) {
      // Partitioned dot products add in another order: f32 rounding, not a different result.
      assertTrue(Math.abs(a[i] - b[i]) <= 1e-5 * scale + 1e-6, what + "[" + i + "]: " + a[i] + " vs " + b[i]);
    }
  }

  @Test
  void eachDeviceHoldsOnlyItsShardOfTheWeights() {
    Mesh mesh = Mesh.parse("data=2,model=2");
    ViT.Model m = ViT.graph(M, BATCH, List.of(), Optional.of(layout("data=2,model=2", "megatron")));
    long replicated = 0;
    long perDevice = 0;
    for (ParamSpec p : m.params()) {
      long bytes = p.size() * p.dtype().byteSize();
      PartitionSpec spec = m.graph().signature().parameter(p.name()).specOrReplicated();
      long pieces = 1;
      for (int d = 0; d < spec.rank(); d++) {
        pieces *= new NamedSharding(mesh, spec).splits(d);
      }
      replicated += bytes;
      perDevice += bytes / pieces;
    }
    // The query kernel (D=512, H=8, hd=64) is split by heads; the MLP's Dense_1 kernel (2048, 512) by rows.
    assertEquals(PartitionSpec.of(null, "model", null), m.graph().signature()
        .parameter("Transformer/encoderblock_0/MultiHeadDotProductAttention_0/query/kernel").specOrReplicated());
    assertEquals(PartitionSpec.of("model", null), m.graph().signature()
        .parameter("Transformer/encoderblock_1/MlpBlock_0/Dense_1/kernel").specOrReplicated());
    assertEquals(PartitionSpec.of("data", null, null, null), m.graph().signature().parameter(ViT.IMAGE).specOrReplicated());
    try (Program p = Program.compile(m.graph(), client); ParamStore s = ParamStore.fromArrays(p, params)) {
      long[] bytes = s.bytesPerDevice();
      for (long b : bytes) {
        assertEquals(perDevice, b);
      }
      assertTrue(perDevice < 0.6 * replicated, perDevice + " of " + replicated);
    }
  }

  @Test
  void rulesThatCannotApplyNameTheParameter() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ViT.graph(
        M.withNumClasses(12), BATCH, List.of(), Optional.of(layout("model=3", "megatron"))));
    assertTrue(e.getMessage().contains("requires dimension 1 of [512, 8, 64] to be divisible by 3, got 8"),
        e.getMessage());
    IllegalArgumentException batch = assertThrows(IllegalArgumentException.class, () -> ViT.graph(
        M, 3, List.of(), Optional.of(layout("data=2", "megatron"))));
    assertTrue(batch.getMessage().contains("parameter 'image'"), batch.getMessage());
  }
}
