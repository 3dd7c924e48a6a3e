package xla4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xla4j.array.DType;
import xla4j.dsl.Graph;

/** An initializer's caveat survives a scope's fans and changes none of its values. */
class InitCaveatTest {
  @Test
  void aCaveatKeepsTheValuesAndReachesTheParamSpec() {
    Init plain = Init.lecunNormal();
    Init noted = plain.withCaveat("drawn for a test");
    assertEquals(Optional.empty(), plain.caveat());
    assertEquals(Optional.of("drawn for a test"), noted.caveat());
    long[] shape = {4, 3};
    assertArrayEquals(plain.sample(DType.F32, shape, 4, 3, new SplittableRandom(9)).toFloatArray(),
        noted.sample(DType.F32, shape, 4, 3, new SplittableRandom(9)).toFloatArray());

    Scope s = Scope.root(new Graph("g"), DType.F32);
    s.child("head").param("kernel", shape, Init.zeros().withCaveat("zeros on purpose"));
    s.child("head").param("bias", new long[] {3}, Init.zeros());
    List<ParamSpec> specs = s.params();
    assertEquals(Optional.of("zeros on purpose"), specs.get(0).init().caveat());
    assertEquals(Optional.empty(), specs.get(1).init().caveat());
    // the scope's fans still apply: lecun_normal needs fan_in, which Params.random does not pass
    Scope t = Scope.root(new Graph("h"), DType.F32);
    t.param("w", shape, Init.lecunNormal().withCaveat("x"));
    float[] w = Params.random(t.params(), 1).get("w").toFloatArray();
    for (float v : w) {
      assertEquals(true, Float.isFinite(v) && Math.abs(v) <= 2 / Math.sqrt(4) / 0.87962566103423978 + 1e-6, "" + v);
    }
  }

  @Test
  void aBlankCaveatIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Init.zeros().withCaveat(" "));
    assertEquals("withCaveat requires a non-blank caveat, got ' '", e.getMessage());
  }
}
