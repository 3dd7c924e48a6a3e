package xla4j.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
  void indivisibleDimensionIsAClearError() {
    Sharding s = Sharding.of(Map.of("x", 2), List.of(List.of("x")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.shard(NdArray.of(new float[3], 3), 0));
    assertEquals("sharding <[\"x\"=2]> [{\"x\"}] requires dimension 0 of [3] to be divisible by 2, got 3", e.getMessage());
  }
}
