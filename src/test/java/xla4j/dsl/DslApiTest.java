package xla4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import xla4j.array.DType;

/** Small API behaviours: constants from Java arrays, inferred shapes of helpers, no-op shortcuts. */
class DslApiTest {
  @Test
  void constantsFromJavaArrays() {
    Graph g = new Graph("c");
    assertEquals(Shape.of(DType.F32, 2, 2), g.constant(new float[] {1, 2, 3, 4}, 2, 2).shape());
    assertEquals(Shape.of(DType.S32, 3), g.constant(new int[] {1, 2, 3}, 3).shape());
    assertEquals(Shape.of(DType.S64), g.constant(new long[] {7}).shape());
    assertEquals(Shape.of(DType.F64, 1), g.constant(new double[] {0.5}, 1).shape());
    assertEquals(Shape.of(DType.PRED, 2), g.constant(new boolean[] {true, false}, 2).shape());
    Tensor b = g.constant(DType.BF16, new float[] {1, 2}, 2);
    g.output("b", b);
    assertTrue(g.toMlir().contains("stablehlo.constant dense<[1.0, 2.0]> : tensor<2xbf16>"), g.toMlir());
  }

  @Test
  void helperShapes() {
    Graph g = new Graph("h");
    Tensor x = g.parameter("x", Shape.of(DType.F32, 2, 3, 4));
    assertEquals(Shape.of(DType.F32, 2, 1, 3, 4), x.expandDims(1).shape());
    assertEquals(Shape.of(DType.F32, 2, 3, 4, 1), x.expandDims(-1).shape());
    assertEquals(Shape.of(DType.F32, 2, 3, 4), x.expandDims(1).squeeze(1).shape());
    assertEquals(Shape.of(DType.F32, 6, 4), x.reshape(-1, 4).shape());
    assertEquals(Shape.of(DType.F32, 2, 4), x.sum(1).shape());
    assertEquals(Shape.of(DType.F32), x.sum().shape());
    assertEquals(Shape.of(DType.S32, 2, 4), x.argmax(1).shape());
    assertEquals(Shape.of(DType.F32, 5, 2, 3, 4), x.broadcastTo(5, 2, 3, 4).shape());
    assertEquals(Shape.of(DType.F32, 2, 3, 5), Ops.einsum("btd,df->btf", x, g.parameter("w", Shape.of(DType.F32, 4, 5))).shape());
    assertEquals(Shape.of(DType.F32, 2, 3, 2), Ops.topK(x, 2).get(0).shape());
    assertEquals(Shape.of(DType.F32, 2, 3, 4, 7), Composites.oneHot(x.argmax(2).reshape(2, 3, 1).broadcastTo(2, 3, 4), 7, DType.F32).shape());
    assertEquals(List.of(Shape.of(DType.F32, 2, 6, 4)), List.of(Ops.concatenate(1, x, x).shape()));
  }

  @Test
  void noOpShortcutsReturnTheSameTensor() {
    Graph g = new Graph("n");
    Tensor x = g.parameter("x", Shape.of(DType.F32, 2, 3));
    assertSame(x, x.convert(DType.F32));
    assertSame(x, x.reshape(2, 3));
    assertSame(x, x.broadcastTo(2, 3));
  }
}
