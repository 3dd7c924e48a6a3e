package xla4j.models.vmoe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xla4j.array.NdArray;
import xla4j.dsl.Mesh;
import xla4j.dsl.PartitionSpec;
import xla4j.nn.ParamSpec;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;

/** Expert parallelism: V-MoE with its experts split over 4 CPU devices gives the 1-device results. */
class VMoEShardedTest {
  static Client client;
  static VMoEGoldenTest.Case golden;
  static Map<String, NdArray> params;
  static Map<String, NdArray> reference;

  @BeforeAll
  static void runOnOneDevice() throws Exception {
    client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 4L));
    golden = VMoEGoldenTest.Case.read("top2_drop_bpr"); // drops tokens, so routing must agree exactly
    VMoE.Model m = golden.model();
    params = VMoECheckpoint.fromArrays(golden.params(), m, "golden");
    reference = VMoEGoldenTest.run(client, m, params, golden.images());
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"expert=4", "data=2,expert=2", "expert=2,data=2", "data=4"})
  void shardedResultsEqualOneDevice(String mesh) {
    VMoE.Model m = VMoE.graph(golden.config(), golden.images().shape()[0], Optional.of(Mesh.parse(mesh)));
    Map<String, NdArray> got = VMoEGoldenTest.run(client, m, params, golden.images());
    for (String k : new String[] {"logits", "pre_logits"}) {
      float[] a = reference.get(k).toFloatArray();
      float[] b = got.get(k).toFloatArray();
      for (int i = 0; i < a.length; i++) {
        assertTrue(Math.abs(a[i] - b[i]) <= 1e-5, mesh + " " + k + "[" + i + "]: " + a[i] + " vs " + b[i]);
      }
    }
    assertArrayEquals(reference.get(VMoE.DROPPED_CHOICES).toIntArray(), got.get(VMoE.DROPPED_CHOICES).toIntArray());
    assertArrayEquals(reference.get(VMoE.DROPPED_TOKENS).toIntArray(), got.get(VMoE.DROPPED_TOKENS).toIntArray());
    // and against the NumPy reference
    VMoEGoldenTest.assertClose(mesh, golden.out().get("logits"), got.get("logits"));
  }

  @Test
  void eachDeviceHoldsOnlyItsExperts() {
    VMoE.Model m = VMoE.graph(golden.config(), 4, Optional.of(Mesh.parse("expert=4")));
    String k = "Encoder/encoderblock_1/Moe/Mlp/Dense_0/kernel";
    assertEquals(PartitionSpec.of("expert", null, null), m.graph().signature().parameter(k).specOrReplicated());
    assertTrue(m.graph().signature().parameter("Encoder/encoderblock_1/Moe/Router/dense/kernel").specOrReplicated()
        .isReplicated());
    String mlir = m.graph().toMlir();
    assertTrue(mlir.contains("sdy.sharding_constraint") && mlir.contains("[{\"expert\"}, {}, {}]"), "no constraint on "
        + "the dispatched tokens");
    long expertBytes = 0;
    long otherBytes = 0;
    for (ParamSpec p : m.params()) {
      long b = p.size() * p.dtype().byteSize();
      if (p.name().contains("/Moe/Mlp/")) {
        expertBytes += b;
      } else {
        otherBytes += b;
      }
    }
    try (Program p = Program.compile(m.graph(), client); ParamStore s = ParamStore.fromArrays(p, params)) {
      for (long b : s.bytesPerDevice()) {
        assertEquals(otherBytes + expertBytes / 4, b);
      }
    }
  }

  @Test
  void expertsMustSplitEvenly() {
    assertEquals("MoE expert parallelism requires num_experts to be a multiple of the size of mesh axis 'expert', "
        + "got 4 and 3", assertThrows(IllegalArgumentException.class, () -> VMoE.graph(golden.config(), 4,
            Optional.of(Mesh.parse("expert=3")))).getMessage());
  }
}
