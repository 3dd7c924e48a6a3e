package xla4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a box splits into contiguous runs of a (4, 5, 6) f32 tensor (strides 120, 24, 4 bytes). */
class BoxTest {
  static final long[] SHAPE = {4, 5, 6};

  static long[] offsets(Box box) {
    Box.Runs runs = box.runs();
    long[] out = new long[(int) box.runCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = runs.next();
    }
    assertEquals(false, runs.hasNext());
    return out;
  }

  @Test
  void theWholeTensorIsOneRun() {
    Box b = Box.whole(SHAPE, 4);
    assertEquals(1, b.runCount());
    assertEquals(480, b.runBytes());
    assertEquals(true, b.isWhole(480));
  }

  @Test
  void leadingDimensionsAreOneRun() {
    Box b = Box.of("t", SHAPE, 4, new long[] {1, 0, 0}, new long[] {2, 5, 6});
    assertArrayEquals(new long[] {120}, offsets(b));
    assertEquals(240, b.runBytes());
    Box inner = Box.of("t", SHAPE, 4, new long[] {2, 1, 0}, new long[] {1, 3, 6});
    assertArrayEquals(new long[] {240 + 24}, offsets(inner));
    assertEquals(72, inner.runBytes());
  }

  @Test
  void aLastDimensionSplitIsARunPerRow() {
    Box b = Box.of("t", SHAPE, 4, new long[] {1, 3, 2}, new long[] {2, 2, 3});
    assertEquals(12, b.runBytes());
    assertArrayEquals(new long[] {120 + 72 + 8, 120 + 96 + 8, 240 + 72 + 8, 240 + 96 + 8}, offsets(b));
    assertEquals(240 + 96 + 8, b.runs().last());
    assertEquals(48, b.totalBytes());
  }

  @Test
  void anEmptyBoxHasNoRuns() {
    Box b = Box.of("t", SHAPE, 4, new long[] {4, 0, 0}, new long[] {0, 5, 6});
    assertEquals(0, b.runCount());
    assertEquals(0, b.totalBytes());
  }

  @Test
  void aScalarIsOneElement() {
    Box b = Box.whole(new long[0], 8);
    assertArrayEquals(new long[] {0}, offsets(b));
    assertEquals(8, b.runBytes());
  }
}
