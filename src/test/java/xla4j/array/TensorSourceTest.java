package xla4j.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TensorSourceTest {
  /** m[i][j] = 10 i + j, (3, 4). */
  private static final TensorSource M = TensorSource.of(NdArray.of(new float[] {
      0, 1, 2, 3,
      10, 11, 12, 13,
      20, 21, 22, 23}, 3, 4));

  @Test
  void transposedReadsEachBlockAsTheMirroredBlock() throws IOException {
    TensorSource t = M.transposed();
    assertArrayEquals(new long[] {4, 3}, t.shape());
    assertArrayEquals(new float[] {0, 10, 20, 1, 11, 21, 2, 12, 22, 3, 13, 23}, t.readAll().toFloatArray());
    // rows 1..2 and columns 1..2 of the transpose: m[1..2][1..2] transposed
    assertArrayEquals(new float[] {11, 21, 12, 22}, t.read(new long[] {1, 1}, new long[] {2, 2}).toFloatArray());
    // a slab of whole rows through astype, as a parameter store reads it
    try (HostBuffer dst = HostBuffer.allocate(3 * 8)) {
      t.astype(DType.F64).readInto(new long[] {3, 0}, new long[] {1, 3}, dst, 0);
      double[] got = new double[3];
      dst.window(0, 24).order(java.nio.ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(got);
      assertArrayEquals(new double[] {3, 13, 23}, got);
    }
  }

  @Test
  void onlyAMatrixTransposes() {
    TensorSource v = TensorSource.of(NdArray.of(new float[] {1, 2, 3}, 3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, v::transposed);
    assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("only a matrix"), e.getMessage());
  }
}
