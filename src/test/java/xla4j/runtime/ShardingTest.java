package xla4j.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xla4j.array.NdArray;

class ShardingTest {
  @Test
  void parsesTheExampleProgramsShardings() throws Exception {
    Sharding.Signature s = Sharding.parseProgram(Files.readString(Paths.get("hlo/examples/sharded_matmul_2x2.mlir")));
    assertEquals(2, s.inputs().size());
    assertEquals("<[\"x\"=2, \"y\"=2]> [{\"x\"}, {}]", s.inputs().get(0).toString());
    assertEquals("<[\"x\"=2, \"y\"=2]> [{}, {\"y\"}]", s.inputs().get(1).toString());
    assertEquals("<[\"x\"=2, \"y\"=2]> [{\"x\"}, {\"y\"}]", s.outputs().get(0).toString());
    Sharding.Signature none = Sharding.parseProgram(Files.readString(Paths.get("hlo/examples/matmul.mlir")));
    assertNull(none.inputs().get(0));
    assertNull(none.outputs().get(0));
  }

  /** Mesh axes in order (Map.of has none). */
  static Map<String, Integer> mesh2x2() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("x", 2);
    m.put("y", 2);
    return m;
  }

  @Test
  void shardsOnA2x2MeshAndAssemblesBack() {
    Sharding s = Sharding.of(mesh2x2(), List.of(List.of("x"), List.of("y")));
    float[] v = new float[16];
    for (int i = 0; i < 16; i++) {
      v[i] = i;
    }
    NdArray a = NdArray.of(v, 4, 4);
    assertArrayEquals(new float[] {2, 3, 6, 7}, s.shard(a, 1).toFloatArray());   // x=0, y=1
    assertArrayEquals(new float[] {8, 9, 12, 13}, s.shard(a, 2).toFloatArray()); // x=1, y=0
    List<NdArray> pieces = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      pieces.add(s.shard(a, p));
    }
    assertEquals(a, s.assemble(pieces));
  }

  @Test
  void twoAxesOnOneDimensionAreMajorFirst() {
    Sharding s = Sharding.of(mesh2x2(), List.of(List.of("y", "x")));
    assertEquals(2, s.pieceIndex(1, 0)); // x=0,y=1 -> y*2+x
    assertEquals(1, s.pieceIndex(2, 0)); // x=1,y=0
  }

  @Test
  void readsGspmdShardings() {
    assertNull(Sharding.fromGspmd("{replicated}"));
    Sharding rows = Sharding.fromGspmd("{devices=[2,1]<=[2]}");
    assertEquals(2, rows.meshSize());
    assertEquals(List.of(List.of("_d0"), List.of()), rows.dims());
    Sharding blocks = Sharding.fromGspmd("{devices=[2,2]0,1,2,3}");
    float[] v = new float[16];
    for (int i = 0; i < 16; i++) {
      v[i] = i;
    }
    assertArrayEquals(new float[] {2, 3, 6, 7}, blocks.shard(NdArray.of(v, 4, 4), 1).toFloatArray());
    Sharding partial = Sharding.fromGspmd("{devices=[2,1,2]<=[4] last_tile_dim_replicate}");
    assertEquals(4, partial.meshSize());
    assertEquals(2, partial.dims().size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sharding.fromGspmd("{devices=[2,2]<=[2,2]T(1,0)}"));
    assertTrue(e.getMessage().startsWith("unsupported mhlo.sharding"), e.getMessage());
    Sharding.Signature sig = Sharding.parseProgram("module { func.func public @main(%arg0: tensor<4x2xf32> "
        + "{mhlo.sharding = \"{devices=[2,1]<=[2]}\"}) -> (tensor<4x2xf32> {mhlo.sharding = \"{replicated}\"}) { } }");
    assertEquals(rows, sig.inputs().get(0));
    assertNull(sig.outputs().get(0));
  }

  @Test
  void indivisibleDimensionIsAClearError() {
    Sharding s = Sharding.of(Map.of("x", 2), List.of(List.of("x")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.shard(NdArray.of(new float[3], 3), 0));
    assertEquals("sharding <[\"x\"=2]> [{\"x\"}] requires dimension 0 of [3] to be divisible by 2, got 3", e.getMessage());
  }

  /** A private {@code @main_helper} before the entry function (it must not lend @main its shardings). */
  static final String HELPER_FIRST = "module @m attributes {mhlo.num_partitions = 2 : i32} {\n"
      + "  sdy.mesh @mesh = <[\"x\"=2]>\n"
      + "  func.func private @main_helper(%arg0: tensor<8xf32> {sdy.sharding = #sdy.sharding<@mesh, [{\"x\"}]>}) "
      + "-> (tensor<8xf32> {sdy.sharding = #sdy.sharding<@mesh, [{\"x\"}]>}) { return %arg0 : tensor<8xf32> }\n"
      + "  func.func public @main(%arg0: tensor<8xf32> {sdy.sharding = #sdy.sharding<@mesh, [{}]>}) "
      + "-> (tensor<8xf32> {sdy.sharding = #sdy.sharding<@mesh, [{}]>}) {\n"
      + "    %0 = call @main_helper(%arg0) : (tensor<8xf32>) -> tensor<8xf32>\n"
      + "    return %0 : tensor<8xf32>\n  }\n}";

  @Test
  void shardingsComeFromMainNotFromAFunctionWhoseNameStartsWithMain() {
    Sharding.Signature sig = Sharding.parseProgram(HELPER_FIRST);
    assertEquals(1, sig.inputs().size());
    assertEquals("<[\"x\"=2]> [{}]", sig.inputs().get(0).toString());
    assertTrue(sig.inputs().get(0).isReplicated());
    assertEquals("<[\"x\"=2]> [{}]", sig.outputs().get(0).toString());
  }

  @Test
  void bareResultTypeHasNoSharding() {
    Sharding.Signature sig = Sharding.parseProgram("module { func.func public @main(%arg0: tensor<4xf32> "
        + "{mhlo.sharding = \"{devices=[2]<=[2]}\"}) -> tensor<4xf32> { } }");
    assertEquals(List.of(List.of("_d0")), sig.inputs().get(0).dims());
    assertEquals(1, sig.outputs().size());
    assertNull(sig.outputs().get(0));
  }

  @Test
  void moduleWithoutMainHasNoShardings() {
    Sharding.Signature sig = Sharding.parseProgram("module { func.func private @main_helper(%arg0: tensor<4xf32>) "
        + "-> tensor<4xf32> { } }");
    assertEquals(List.of(), sig.inputs());
    assertEquals(List.of(), sig.outputs());
  }

  @Test
  void unbalancedMainSignatureIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sharding.parseProgram("module { func.func public @main(%arg0: tensor<4xf32> {a = \"b\"} "));
    assertEquals("unbalanced '(' in the @main signature", e.getMessage());
  }
}
