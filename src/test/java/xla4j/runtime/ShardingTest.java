package xla4j.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xla4j.array.Blocks;
import xla4j.array.NdArray;
import xla4j.dsl.Mesh;
import xla4j.dsl.NamedSharding;
import xla4j.dsl.PartitionSpec;
import xla4j.dsl.Signature;

/** The one sharding model ({@link NamedSharding}) and reading it from modules xla4j did not build. */
class ShardingTest {
  static final Mesh MESH_2X2 = Mesh.of("x", 2, "y", 2);

  static PartitionSpec spec(Signature.Arg a) {
    return a.spec().orElseThrow();
  }

  @Test
  void readsTheExampleProgramsShardings() throws Exception {
    Signature s = MlirSignature.read(Files.readString(Paths.get("hlo/examples/sharded_matmul_2x2.mlir")));
    assertEquals(Optional.of(MESH_2X2), s.mesh());
    assertEquals(PartitionSpec.of("x", null), spec(s.parameters().get(0)));
    assertEquals(PartitionSpec.of(null, "y"), spec(s.parameters().get(1)));
    assertEquals(PartitionSpec.of("x", "y"), spec(s.results().get(0)));
    assertEquals("result", s.results().get(0).name());
    assertEquals("arg0", s.parameters().get(0).name());
    Signature none = MlirSignature.read(Files.readString(Paths.get("hlo/examples/matmul.mlir")));
    assertEquals(Optional.empty(), none.mesh());
    assertEquals(Optional.empty(), none.parameters().get(0).spec());
  }

  @Test
  void shardsOnA2x2MeshAndAssemblesBack() {
    NamedSharding s = new NamedSharding(MESH_2X2, PartitionSpec.of("x", "y"));
    float[] v = new float[16];
    for (int i = 0; i < 16; i++) {
      v[i] = i;
    }
    NdArray a = NdArray.of(v, 4, 4);
    long[] piece = s.shardShape(a.shape());
    assertArrayEquals(new long[] {2, 2}, piece);
    // partition 1 = (x=0, y=1): rows 0-1, columns 2-3; partition 2 = (x=1, y=0).
    assertArrayEquals(new long[] {0, 2}, s.shardStart(1, a.shape()));
    assertArrayEquals(new float[] {2, 3, 6, 7}, Blocks.slice(a, s.shardStart(1, a.shape()), piece).toFloatArray());
    assertArrayEquals(new float[] {8, 9, 12, 13}, Blocks.slice(a, s.shardStart(2, a.shape()), piece).toFloatArray());
  }

  @Test
  void twoAxesOnOneDimensionAreMajorFirst() {
    NamedSharding s = new NamedSharding(MESH_2X2, PartitionSpec.of((Object) new String[] {"y", "x"}));
    // partition 1 = (x=0, y=1): piece y*2+x = 2 of 4; partition 2 = (x=1, y=0): piece 1.
    assertArrayEquals(new long[] {4}, s.shardStart(1, new long[] {8}));
    assertArrayEquals(new long[] {2}, s.shardStart(2, new long[] {8}));
  }

  @Test
  void readsGspmdShardingsIntoOneMesh() {
    Signature rows = MlirSignature.read("module @g attributes {mhlo.num_partitions = 2 : i32} { func.func public "
        + "@main(%arg0: tensor<4x2xf32> {mhlo.sharding = \"{devices=[2,1]<=[2]}\"}, %arg1: tensor<2xf32> "
        + "{mhlo.sharding = \"{replicated}\"}) -> (tensor<4x2xf32> {mhlo.sharding = \"{devices=[2,1]0,1}\"}) { } }");
    assertEquals(Optional.of(Mesh.of("_d0", 2)), rows.mesh());
    assertTrue(rows.gspmd());
    assertEquals(PartitionSpec.of("_d0", null), spec(rows.parameters().get(0)));
    assertEquals(Optional.empty(), rows.parameters().get(1).spec());
    assertEquals(PartitionSpec.of("_d0", null), spec(rows.results().get(0)));
    Signature blocks = MlirSignature.read("module @g attributes {mhlo.num_partitions = 4 : i32} { func.func public "
        + "@main(%arg0: tensor<4x4xf32> {mhlo.sharding = \"{devices=[2,2]<=[4]}\"}, %arg1: tensor<4x4xf32> "
        + "{mhlo.sharding = \"{devices=[4,1]<=[4]}\"}, %arg2: tensor<4x4xf32> "
        + "{mhlo.sharding = \"{devices=[2,1,2]<=[4] last_tile_dim_replicate}\"}) -> tensor<4x4xf32> { } }");
    assertEquals(Optional.of(Mesh.of("_d0", 2, "_d1", 2)), blocks.mesh());
    assertEquals(PartitionSpec.of("_d0", "_d1"), spec(blocks.parameters().get(0)));
    assertEquals(PartitionSpec.of(List.of("_d0", "_d1"), null), spec(blocks.parameters().get(1)));
    assertEquals(PartitionSpec.of("_d0", null), spec(blocks.parameters().get(2)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MlirSignature.read(
        "module { func.func public @main(%arg0: tensor<4x4xf32> {mhlo.sharding = \"{devices=[2,2]<=[2,2]T(1,0)}\"}) "
            + "-> tensor<4x4xf32> { } }"));
    assertTrue(e.getMessage().startsWith("unsupported mhlo.sharding"), e.getMessage());
  }

  @Test
  void hugeNumbersInShardingsAreClearErrors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MlirSignature.read(
        "module { sdy.mesh @mesh = <[\"x\"=99999999999999999999]>\n func.func public @main(%arg0: tensor<4xf32>) "
            + "-> tensor<4xf32> { } }"));
    assertEquals("sdy.mesh axis size must be a number below 10^9, got 99999999999999999999", e.getMessage());
  }

  @Test
  void indivisibleDimensionIsAClearError() {
    NamedSharding s = new NamedSharding(Mesh.of("x", 2), PartitionSpec.of("x"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.shardShape(new long[] {3}));
    assertEquals("sharding NamedSharding(mesh=x=2, spec=PartitionSpec('x')) requires dimension 0 of [3] to be "
        + "divisible by 2, got 3", e.getMessage());
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
    Signature sig = MlirSignature.read(HELPER_FIRST);
    assertEquals(1, sig.parameters().size());
    assertEquals(PartitionSpec.of((Object) null), spec(sig.parameters().get(0)));
    assertEquals(PartitionSpec.of((Object) null), spec(sig.results().get(0)));
  }

  @Test
  void namesAndDonationsAreRead() {
    Signature sig = MlirSignature.read("module @m { func.func public @main(%arg0: tensor<4xf32> {jax.arg_info = "
        + "\"state\", tf.aliasing_output = 1 : i32}, %arg1: tensor<4xf32>) -> (tensor<4xf32> {jax.result_info = "
        + "\"y\"}, tensor<4xf32> {jax.result_info = \"new_state\"}) { } }");
    assertEquals(List.of("state", "arg1"), sig.parameters().stream().map(Signature.Arg::name).toList());
    assertEquals(Optional.of("new_state"), sig.parameters().get(0).aliasedOutput());
    assertEquals("m", sig.name());
  }

  @Test
  void unbalancedMainSignatureIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MlirSignature.read("module { func.func public @main(%arg0: tensor<4xf32> {a = \"b\"} "));
    assertEquals("unbalanced '(' in the @main signature", e.getMessage());
  }
}
