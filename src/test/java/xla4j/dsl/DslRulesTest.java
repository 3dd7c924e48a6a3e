package xla4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xla4j.array.DType.BF16;
import static xla4j.array.DType.F32;
import static xla4j.array.DType.S32;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import xla4j.array.DType;
import xla4j.array.NdArray;

/** DSL-level rules (broadcasting, axes, einsum, helpers) and lifecycle misuse, each pinned by its message. */
class DslRulesTest {
  private final Graph g = new Graph("g");
  private final Tensor x23 = g.parameter("x23", Shape.of(F32, 2, 3));
  private final Tensor x4 = g.parameter("x4", Shape.of(F32, 4));
  private final Tensor i3 = g.parameter("i3", Shape.of(S32, 3));

  /** The message is the rule text followed by this file's location. */
  static void assertRule(String message, Executable bad) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad);
    assertTrue(Pattern.matches(Pattern.quote(message) + " \\(at DslRulesTest\\.java:\\d+\\)", e.getMessage()), e.getMessage());
  }

  static void assertState(String message, Executable bad) {
    IllegalStateException e = assertThrows(IllegalStateException.class, bad);
    assertEquals(message, e.getMessage());
  }

  @Test
  void errorsNameTheCallersLine() {
    int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x23.matmul(x4.reshape(4, 1)));
    assertEquals("matmul requires the last dimension of the lhs to equal the second-to-last of the rhs, got (2, 3) and "
        + "(4, 1) (at DslRulesTest.java:" + line + ")", e.getMessage());
  }

  @Test
  void nodesRecordTheCallersLine() {
    int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
    Tensor y = x23.exp();
    StackTraceElement where = g.location(y);
    assertEquals("DslRulesTest.java", where.getFileName());
    assertEquals(line, where.getLineNumber());
    g.output("y", y);
    assertTrue(g.toMlirWithLocations().contains("stablehlo.exponential %arg0 : tensor<2x3xf32> loc(\"DslRulesTest.java\":" + line + ":0)"));
  }

  @Test
  void broadcasting() {
    assertRule("add requires shapes compatible for broadcasting, got (2, 3) and (4,)", () -> x23.add(x4));
    assertRule("compare requires shapes compatible for broadcasting, got (2, 3) and (4,)", () -> x23.lt(x4));
    assertRule("select requires shapes compatible for broadcasting, got (2, 3) and (4,)", () -> Ops.select(x23.gt(0), x23, x4));
    assertRule("broadcast_to requires a target rank >= operand rank, got (3,) for operand shape (2, 3)", () -> x23.broadcastTo(3));
  }

  @Test
  void javaNumbersMustFitTheTensorsDtype() {
    assertRule("a Java number combined with a s32 tensor must be representable in s32, got 1.5", () -> i3.add(1.5));
    assertRule("a Java number combined with a u8 tensor must be representable in u8, got 256.0",
        () -> i3.convert(DType.U8).add(256));
    assertRule("a Java number combined with a pred tensor must be representable in pred, got 2.0", () -> i3.gt(0).eq(2));
    i3.convert(DType.U8).add(255);
  }

  @Test
  void dtypesAreNotPromoted() {
    assertRule("add requires arguments to have the same dtypes, got f32 and s32", () -> x4.slice(0, 0, 3).add(i3));
  }

  @Test
  void axes() {
    assertRule("reduce_sum requires axes in range [-2, 2), got (2,) for shape (2, 3)", () -> x23.sum(2));
    assertRule("softmax requires axis in range [-2, 2), got -3 for shape (2, 3)", () -> x23.softmax(-3));
    assertRule("expand_dims requires axis in range [-3, 3), got 3", () -> x23.expandDims(3));
    assertRule("squeeze requires the squeezed dimensions to have size 1, got shape (2, 3) and axes (0,)", () -> x23.squeeze(0));
    // jnp.squeeze(jnp.zeros((1, 2, 1, 3))).shape == (2, 3) (no axes removed nothing before)
    assertEquals(Shape.of(F32, 2, 3), g.zeros(Shape.of(F32, 1, 2, 1, 3)).squeeze().shape());
    assertEquals(Shape.of(F32, 2, 1, 3), g.zeros(Shape.of(F32, 1, 2, 1, 3)).squeeze(0).shape());
    assertRule("reshape requires at most one -1 dimension, got (-1, -1)", () -> x23.reshape(-1, -1));
    assertRule("reduce requires dimensions to be unique, got (1, 1)", () -> x23.sum(1, -1));
  }

  @Test
  void einsum() {
    assertRule("einsum requires an explicit output ('...->...'), got 'ij,jk'", () -> Ops.einsum("ij,jk", x23, x23));
    assertRule("einsum requires one or two operands matching the spec, got 1 operands for 'ij,jk->ik'", () -> Ops.einsum("ij,jk->ik", x23));
    assertRule("einsum requires operand 1 to have rank 2 ('jk'), got shape (4,)", () -> Ops.einsum("ij,jk->ik", x23, x4));
    assertRule("einsum requires distinct letters within an operand, got 'ii'", () -> Ops.einsum("ii->i", x23));
    assertRule("einsum requires dimension 'j' to have the same size in all operands, got 3 and 2", () -> Ops.einsum("ij,jk->ik", x23, x23));
    assertRule("einsum requires output letters to be distinct and appear in an input, got 'iz'", () -> Ops.einsum("ij->iz", x23));
    assertRule("einsum requires operand 0 to have rank >= 2 ('...ij'), got shape (4,)", () -> Ops.einsum("...ij->...ji", x4));
    assertRule("einsum requires letters or '...', got 'i1->i'", () -> Ops.einsum("i1->i", x23));
  }

  @Test
  void helpers() {
    assertRule("matmul requires operands of rank >= 1, got () and (4,)", () -> g.scalar(1, F32).matmul(x4));
    Tensor b234 = g.parameter("b234", Shape.of(F32, 2, 3, 4));
    Tensor b344 = g.parameter("b344", Shape.of(F32, 3, 4, 4));
    assertRule("matmul batch dimensions requires shapes compatible for broadcasting, got (2,) and (3,)",
        () -> b234.matmul(b344));
    assertRule("matmul requires the last dimension of the lhs to equal the second-to-last of the rhs, got (4,) and "
        + "(2, 2, 1)", () -> x4.matmul(x4.reshape(2, 2, 1)));
    // The plain 2-D case (jnp.matmul(ones((2, 3)), ones((2, 3))) raises from dot_general; we name matmul).
    assertRule("matmul requires the last dimension of the lhs to equal the second-to-last of the rhs, got (2, 3) and "
        + "(2, 3)", () -> x23.matmul(x23));
    assertRule("matmul requires the last dimension of the lhs to equal the size of the vector rhs, got (2, 3) and "
        + "(4,)", () -> x23.matmul(x4));
    assertRule("matmul requires the last dimension of the lhs to equal the second-to-last of the rhs, got (4,) and "
        + "(2, 3)", () -> x4.matmul(x23));
    assertRule("top_k requires k in range [0, 4] and an operand of rank >= 1, got k=5 for shape (4,)", () -> Ops.topK(x4, 5));
    assertRule("sort requires num_keys in range [1, 1], got 2", () -> Ops.sort(List.of(x4), 0, 2, false, true));
    assertRule("one_hot requires integer indices, got f32", () -> Composites.oneHot(x4, 3, F32));
    // jnp.argmax(jnp.zeros((0, 3)), axis=0) raises "attempt to get argmax of an empty sequence" (the reduce gave 0s)
    assertRule("argmax requires a non-empty axis, got axis 0 of shape (0, 3)", () -> g.zeros(Shape.of(F32, 0, 3)).argmax(0));
    assertRule("argmin requires a non-empty axis, got axis 1 of shape (3, 0)", () -> g.zeros(Shape.of(F32, 3, 0)).argmin(-1));
    assertRule("layer_norm requires scale and bias of the input's dtype, got bf16 and f32",
        () -> Composites.layerNorm(x23.convert(BF16), x23.slice(0, 0, 1).reshape(3), null, 1e-6));
    assertRule("take_along_axis requires integer indices of the operand's rank, got f32[4] for operand f32[2,3]",
        () -> Ops.takeAlongAxis(x23, x4, 1));
    assertRule("take_along_axis requires indices to match the operand outside axis 1, got (3, 1) and (2, 3)",
        () -> Ops.takeAlongAxis(x23, i3.reshape(3, 1), 1));
    assertThrows(IllegalArgumentException.class, () -> Ops.conv(x23, x23).padding("FULL"));
    // lax.conv_general_dilated(..., "SAME", lhs_dilation=(2,)) raises "String padding is not implemented for
    // transposed convolution"; the padding was computed from the undilated input (f32[1,4,1], stride 2, window 3:
    // 3 outputs, where SAME over the 7 dilated positions would give 4)
    assertRule("convolution requires explicit padding with lhs dilation, got 'SAME' and lhs dilation (2,)",
        () -> Ops.conv(g.zeros(Shape.of(F32, 1, 4, 1)), g.zeros(Shape.of(F32, 3, 1, 1))).strides(2).padding("SAME")
            .lhsDilation(2).build());
    assertRule("convolution requires lhs feature dimension to equal rhs input feature dimension times feature_group_count, got 3 and 2 * 1",
        () -> Ops.conv(g.zeros(Shape.of(F32, 1, 4, 4, 3)), g.zeros(Shape.of(F32, 2, 2, 2, 8))).build());
  }

  @Test
  void reductionBodiesAreIsolated() {
    Tensor one = g.scalar(1, F32);
    assertRule("add inside reduce body cannot use f32[] from outside the region; reduce body may only use its arguments and values made inside it",
        () -> Ops.reduce(List.of(x4), List.of(g.scalar(0, F32)), new int[] {0}, a -> List.of(a.get(0).add(one).add(a.get(1)))));
    // ...but a constant made inside the body is fine.
    Ops.reduce(List.of(x4), List.of(g.scalar(0, F32)), new int[] {0}, a -> List.of(a.get(0).add(a.get(1)).mul(1.0)));
  }

  @Test
  void operandsFromAnotherGraph() {
    Graph other = new Graph("other");
    Tensor y = other.parameter("y", Shape.of(F32, 4));
    assertRule("add requires operands from graph 'g', got a tensor from graph 'other'", () -> x4.add(y));
  }

  @Test
  void lifecycle() {
    List<Tensor> inner = new java.util.ArrayList<>();
    g.cond(g.scalar(1, DType.PRED), () -> {
      Tensor t = x4.neg();
      inner.add(t);
      return List.of(t);
    }, () -> List.of(x4));
    assertState("negate cannot use f32[4] defined inside if true branch, which is already closed; return it from the region instead",
        () -> inner.get(0).neg());
    assertState("parameter 'p' must be declared at the top level of graph 'g', not inside while body",
        () -> g.whileLoop(List.of(x4), s -> s.get(0).sum().gt(0), s -> List.of(g.parameter("p", Shape.of(F32, 4)))));
    assertState("graph 'g' cannot be built while case branch 0 is open",
        () -> g.switchCase(g.scalar(0, S32), List.of(() -> {
          g.build();
          return List.of(x4);
        })));
    assertState("output 'o' must be declared at the top level, not inside if true branch",
        () -> g.cond(g.scalar(1, DType.PRED), () -> {
          g.output("o", x4);
          return List.of(x4);
        }, () -> List.of(x4)));
    assertState("graph 'g' has no outputs; call output(name, tensor) first", g::build);
    assertState("sharding_constraint needs a mesh, but graph 'g' has none", () -> x4.shard(PartitionSpec.of("x")));
    assertState("parameter 'q' has a partition spec but graph 'g' has no mesh",
        () -> g.parameter("q", Shape.of(F32, 4), PartitionSpec.of("x")));
    g.output("out", x4);
    IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> g.output("out", x4));
    assertEquals("output requires a unique name, got 'out' twice", dup.getMessage());
    IllegalArgumentException dupParam = assertThrows(IllegalArgumentException.class, () -> g.parameter("x4", Shape.of(F32, 1)));
    assertEquals("parameter requires a unique name, got 'x4' twice", dupParam.getMessage());
    g.build();
    assertState("graph 'g' was already built; cannot add operations", () -> x4.neg());
    assertState("graph 'g' was already built; cannot add parameter", () -> g.parameter("late", Shape.of(F32)));
    assertState("graph 'g' was already built; cannot add output", () -> g.output("late", x4));
  }

  @Test
  void shardingRulesGoThroughTheMesh() {
    Graph s = new Graph("s", Mesh.of("x", 2), false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> s.parameter("p", Shape.of(F32, 3, 4), PartitionSpec.of("x", null)));
    assertEquals("parameter 'p' requires sharded dimensions to be divisible by the number of shards, got dimension 0 of size 3"
        + " split 2 ways in f32[3,4]", e.getMessage());
    IllegalArgumentException axis = assertThrows(IllegalArgumentException.class,
        () -> s.parameter("q", Shape.of(F32, 4), PartitionSpec.of("y")));
    assertEquals("mesh @mesh has no axis 'y', axes are [x]", axis.getMessage());
  }

  @Test
  void shardMapRules() {
    assertState("shard_map needs a graph with a mesh and Shardy shardings, but graph 'g' has no mesh",
        () -> g.shardMap(List.of(x4), List.of(PartitionSpec.of("x")), List.of(PartitionSpec.of("x")), a -> a));
    Graph s = new Graph("s", Mesh.of("x", 2, "y", 2), false);
    Tensor p = s.parameter("p", Shape.of(F32, 4, 4));
    assertState("all_reduce over mesh axes is only valid inside shardMap, not in graph 's'", () -> Ops.psum(p, "x"));
    Tensor odd = s.parameter("odd", Shape.of(F32, 4, 3));
    assertRule("shard_map input 0 requires sharded dimensions to be divisible by the number of shards, got dimension 1 of size 3"
        + " split 2 ways in f32[4,3]",
        () -> s.shardMap(List.of(odd), List.of(PartitionSpec.of(null, "x")), List.of(PartitionSpec.replicated(2)), a -> a));
    assertRule("all_reduce requires mesh axes of [x, y], got 'z'",
        () -> s.shardMap(List.of(p), List.of(PartitionSpec.of("x", null)), List.of(PartitionSpec.of("x", null)),
            a -> List.of(Ops.psum(a.get(0), "z"))));
    assertRule("ppermute requires (source, target) pairs of indices in [0, 2) along 'y', got (0, 2)",
        () -> s.shardMap(List.of(p), List.of(PartitionSpec.of("x", null)), List.of(PartitionSpec.of("x", null)),
            a -> List.of(Ops.ppermute(a.get(0), "y", new long[][] {{0, 2}}))));
  }

  @Test
  void constructionRules() {
    assertEquals("shape requires a dtype, got null", assertThrows(IllegalArgumentException.class, () -> Shape.of(null, 2)).getMessage());
    assertEquals("shape requires non-negative dimensions, got [2, -1]",
        assertThrows(IllegalArgumentException.class, () -> Shape.of(F32, 2, -1)).getMessage());
    assertEquals("graph requires a name made of letters, digits, '_', '$' or '.', got 'a b'",
        assertThrows(IllegalArgumentException.class, () -> new Graph("a b")).getMessage());
    assertEquals("graph requires at least one replica, got 0",
        assertThrows(IllegalArgumentException.class, () -> Graph.withReplicas("r", 0)).getMessage());
    assertEquals("parameter requires a non-empty name, got ''",
        assertThrows(IllegalArgumentException.class, () -> g.parameter("", Shape.of(F32))).getMessage());
    assertEquals("mesh requires (name, size) pairs, got 3 values",
        assertThrows(IllegalArgumentException.class, () -> Mesh.of("x", 2, "y")).getMessage());
    assertEquals("mesh requires (String name, int size) pairs, got 2 and x",
        assertThrows(IllegalArgumentException.class, () -> Mesh.of(2, "x")).getMessage());
    assertEquals("partition spec entries must be null, a String or String[], got 3",
        assertThrows(IllegalArgumentException.class, () -> PartitionSpec.of(3)).getMessage());
    assertEquals("convolution requires padding 'VALID' or 'SAME', got 'FULL'",
        assertThrows(IllegalArgumentException.class, () -> Ops.conv(x23, x23).padding("FULL")).getMessage());
    assertRule("uniform requires f32 or f64, got bf16",
        () -> Ops.uniform(g.constant(new long[] {1, 2}, 2).convert(DType.U64), new long[] {2}, BF16,
            xla4j.hlo.RngBitGenerator.Algorithm.THREE_FRY));
    assertRule("einsum supports at most 10 dims under '...', got 11",
        () -> Ops.einsum("...->...", g.zeros(Shape.of(F32, new long[11]))));
  }

  @Test
  void reducerIdentities() {
    // Hand-computed identities, as lax.reduce_* uses them.
    assertEquals(Float.NEGATIVE_INFINITY, Reducer.MAX.identity(F32).getDouble(0));
    assertEquals(Float.POSITIVE_INFINITY, Reducer.MIN.identity(BF16).getDouble(0));
    assertEquals(Integer.MIN_VALUE, Reducer.MAX.identity(S32).getLong(0));
    assertEquals(Integer.MAX_VALUE, Reducer.MIN.identity(S32).getLong(0));
    assertEquals(255, Reducer.MIN.identity(DType.U8).getLong(0));
    assertEquals(0, Reducer.MAX.identity(DType.U8).getLong(0));
    assertEquals(Long.MIN_VALUE, Reducer.MAX.identity(DType.S64).getLong(0));
    assertEquals(-1L, Reducer.MIN.identity(DType.U64).getLong(0));
    assertEquals(-1, Reducer.AND.identity(S32).getLong(0));
    assertEquals(1, Reducer.AND.identity(DType.PRED).getLong(0));
    assertEquals(0, Reducer.OR.identity(DType.PRED).getLong(0));
    assertEquals(1.0, Reducer.PROD.identity(DType.F16).getDouble(0));
    assertEquals(NdArray.of(new int[] {0}).reshape(), Reducer.SUM.identity(S32));
  }
}
