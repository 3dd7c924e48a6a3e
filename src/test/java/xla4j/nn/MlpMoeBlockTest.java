package xla4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.dsl.Graph;
import xla4j.dsl.Shape;
import xla4j.dsl.Tensor;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.Program;

/** vmoe's routing and capacity rules on hand-made gates, each expectation worked out by hand. */
class MlpMoeBlockTest {
  static Client client;

  @BeforeAll
  static void open() {
    client = PjrtPlugin.cpu().createClient();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void capacityIsTheCeilingRoundedUpToAMultipleOfFour() {
    // 10 tokens * k=2 * 1.0 / 4 experts = 5 -> 8
    assertEquals(8, MlpMoeBlock.computeCapacity(20, 4, 1.0));
    // 20 * 0.5 / 4 = 2.5 -> ceil 3 -> 4
    assertEquals(4, MlpMoeBlock.computeCapacity(20, 4, 0.5));
    // exactly 4: stays
    assertEquals(4, MlpMoeBlock.computeCapacity(16, 4, 1.0));
    // 400 tokens (8 images of 50) * 2 * 1.05 / 32 = 26.25 -> 27 -> 28
    assertEquals(28, MlpMoeBlock.computeCapacity(800, 32, 1.05));
    // tiny factors still give one slot, rounded to 4: ceil(0.00125) = 1 -> 4
    assertEquals(4, MlpMoeBlock.computeCapacity(1, 8, 0.01));
    assertEquals(8, new MlpMoeBlock.Routing(4, 2, 1.0, false, 10, false).capacity());
  }

  @Test
  void capacityBelowOneIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MlpMoeBlock.computeCapacity(20, 4, 0.0));
    assertEquals("MoE capacity requires ceil(num_tokens * capacity_factor / num_experts) >= 1, got num_tokens=20, "
        + "num_experts=4 and capacity_factor=0.0 (capacity 0)", e.getMessage());
  }

  @Test
  void routingOptionsAreChecked() {
    assertEquals("MoE requires 1 <= k <= num_experts, got k=3 and num_experts=2", assertThrows(
        IllegalArgumentException.class, () -> new MlpMoeBlock.Routing(2, 3, 1.0, false, 4, false)).getMessage());
    assertEquals("MoE requires a finite capacity_factor > 0, got -1.0", assertThrows(
        IllegalArgumentException.class, () -> new MlpMoeBlock.Routing(2, 1, -1.0, false, 4, false)).getMessage());
    assertEquals("MoE requires group_size >= 1 token, got 0", assertThrows(
        IllegalArgumentException.class, () -> new MlpMoeBlock.Routing(2, 1, 1.0, false, 0, false)).getMessage());
  }

  /** Four tokens, two experts: t0 [.6 .4], t1 [.9 .1], t2 [.5 .5] (a tie: expert 0 first), t3 [.2 .8]. */
  static final float[] GATES = {0.6f, 0.4f, 0.9f, 0.1f, 0.5f, 0.5f, 0.2f, 0.8f};

  static Map<String, NdArray> route(int k, int capacity, boolean batchPriority) {
    Graph g = new Graph("route");
    Tensor gates = g.parameter("gates", Shape.of(DType.F32, 1, 4, 2));
    MlpMoeBlock.Dispatcher d = MlpMoeBlock.topExpertsPerItem(gates, k, capacity, batchPriority);
    g.output("dispatch", d.dispatchWeights());
    g.output("combine", d.combineWeights());
    g.output("dropped_choices", d.droppedChoices());
    g.output("dropped_tokens", d.droppedTokens());
    try (Program p = Program.compile(g, client)) {
      return p.execute(Map.of("gates", NdArray.of(GATES, 1, 4, 2)));
    }
  }

  /** Slot of each (token, expert) from a (1, S, E, C) one-hot, -1 when not dispatched. */
  static int[] slots(NdArray dispatch, int c) {
    float[] v = dispatch.toFloatArray();
    int[] out = new int[v.length / c];
    for (int i = 0; i < out.length; i++) {
      out[i] = -1;
      for (int j = 0; j < c; j++) {
        if (v[i * c + j] == 1f) {
          out[i] = j;
        }
      }
    }
    return out;
  }

  @Test
  void top1InTokenOrderKeepsTheFirstComers() {
    Map<String, NdArray> r = route(1, 1, false);
    // expert 0 is the first choice of t0, t1 and t2 (tie to the lower id): only t0 fits; expert 1 takes t3.
    assertArrayEquals(new int[] {0, -1, -1, -1, -1, -1, -1, 0}, slots(r.get("dispatch"), 1));
    assertArrayEquals(new float[] {0.6f, 0, 0, 0, 0, 0, 0, 0.8f}, r.get("combine").toFloatArray());
    assertArrayEquals(new int[] {2}, r.get("dropped_choices").toIntArray());
    assertEquals(2, r.get("dropped_tokens").toIntArray()[0]);
  }

  @Test
  void batchPriorityServesTheLargestFirstGateFirst() {
    Map<String, NdArray> r = route(1, 1, true);
    // priority by first gate: t1 (.9), t3 (.8), t0 (.6), t2 (.5): expert 0 keeps t1 instead of t0.
    assertArrayEquals(new int[] {-1, -1, 0, -1, -1, -1, -1, 0}, slots(r.get("dispatch"), 1));
    assertArrayEquals(new float[] {0, 0, 0.9f, 0, 0, 0, 0, 0.8f}, r.get("combine").toFloatArray());
    assertArrayEquals(new int[] {2}, r.get("dropped_choices").toIntArray());
  }

  @Test
  void everyFirstChoiceComesBeforeAnySecondChoice() {
    Map<String, NdArray> r = route(2, 2, false);
    // first choices: t0 -> e0 slot 0, t1 -> e0 slot 1, t2 -> e0 full (dropped), t3 -> e1 slot 0;
    // second choices: t0 -> e1 slot 1, t1 -> e1 full, t2 -> e1 full, t3 -> e0 full.
    assertArrayEquals(new int[] {0, 1, 1, -1, -1, -1, -1, 0}, slots(r.get("dispatch"), 2));
    assertArrayEquals(new int[] {1, 3}, r.get("dropped_choices").toIntArray());
    assertEquals(1, r.get("dropped_tokens").toIntArray()[0]); // t2 lost both
    // gates are not renormalised: t0 combines 0.6 and 0.4 at their slots
    float[] c = r.get("combine").toFloatArray();
    assertEquals(0.6f, c[0]);
    assertEquals(0.4f, c[3]);
  }

  @Test
  void batchPriorityAlsoOrdersSecondChoices() {
    Map<String, NdArray> r = route(2, 2, true);
    // order t1, t3, t0, t2. First: t1 -> e0 s0, t3 -> e1 s0, t0 -> e0 s1, t2 -> e0 full.
    // Second: t1 -> e1 s1, t3 -> e0 full, t0 -> e1 full, t2 -> e1 full.
    assertArrayEquals(new int[] {1, -1, 0, 1, -1, -1, -1, 0}, slots(r.get("dispatch"), 2));
    assertArrayEquals(new int[] {1, 3}, r.get("dropped_choices").toIntArray());
    assertEquals(1, r.get("dropped_tokens").toIntArray()[0]);
  }

  @Test
  void routingChecksItsArguments() {
    Graph g = new Graph("bad");
    Tensor gates = g.parameter("gates", Shape.of(DType.F32, 1, 4, 2));
    assertEquals("MoE routing requires 1 <= k <= num_experts, got k=3 and num_experts=2", assertThrows(
        IllegalArgumentException.class, () -> MlpMoeBlock.topExpertsPerItem(gates, 3, 4, false)).getMessage());
    assertEquals("MoE routing requires capacity >= 1, got 0", assertThrows(
        IllegalArgumentException.class, () -> MlpMoeBlock.topExpertsPerItem(gates, 1, 0, false)).getMessage());
  }

  @Test
  void tokensMustFillWholeGroups() {
    Graph g = new Graph("groups");
    Tensor x = g.parameter("x", Shape.of(DType.F32, 3, 5, 8));
    Scope s = Scope.root(g, DType.F32);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MlpMoeBlock.apply(s, x, 16,
        new MlpMoeBlock.Routing(4, 2, 1.0, false, 10, false), null, null));
    assertEquals("MoE requires the tokens (batch * sequence = 3 * 5) to be a multiple of group_size, got 15 and 10",
        e.getMessage());
  }

  @Test
  void expertParallelismNeedsTheEinsumImplementation() {
    Graph g = new Graph("ep", xla4j.dsl.Mesh.parse("expert=2"), false);
    Tensor x = g.parameter("x", Shape.of(DType.F32, 2, 5, 8));
    Scope s = Scope.root(g, DType.F32);
    MlpMoeBlock.Routing r = new MlpMoeBlock.Routing(4, 2, 1.0, false, 10, false);
    assertEquals("MoE expert parallelism requires the EINSUM implementation, got INDICES", assertThrows(
        IllegalArgumentException.class, () -> MlpMoeBlock.apply(s, x, 16, r, "expert",
            MlpMoeBlock.Implementation.INDICES, null)).getMessage());
  }
}
