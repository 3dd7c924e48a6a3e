package xla4j.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class HostBufferTest {
  @Test
  void allocatesZeroedAlignedMemory() {
    try (HostBuffer b = HostBuffer.allocate(1000)) {
      assertEquals(1000, b.byteSize());
      assertEquals(0, b.address() % 64);
      ByteBuffer all = b.window(0, 1000);
      assertEquals(1000, all.remaining());
      for (int i = 0; i < 1000; i++) {
        assertEquals(0, all.get(i));
      }
      assertEquals("HostBuffer[1000 bytes]", b.toString());
    }
  }

  @Test
  void windowsAreLittleEndianViewsOfTheSameMemory() {
    try (HostBuffer b = HostBuffer.allocate(64)) {
      ByteBuffer w = b.window(8, 8);
      assertEquals(ByteOrder.LITTLE_ENDIAN, w.order());
      assertEquals(0, w.position());
      assertEquals(8, w.capacity());
      w.putInt(0, 0x04030201);
      ByteBuffer all = b.window(0, 64);
      assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 0}, new byte[] {all.get(7), all.get(8), all.get(9), all.get(10),
          all.get(11), all.get(12)});
      assertEquals(0, b.window(64, 0).remaining(), "an empty window at the end");
    }
  }

  @Test
  void windowOutsideTheBuffer() {
    try (HostBuffer b = HostBuffer.allocate(16)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.window(10, 7));
      assertEquals("HostBuffer.window requires 0 <= offset and offset + length <= 16 (the buffer's size), got offset "
          + "10 and length 7", e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> b.window(-1, 1));
      assertThrows(IllegalArgumentException.class, () -> b.window(0, -1));
    }
  }

  @Test
  void negativeSize() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostBuffer.allocate(-1));
    assertEquals("HostBuffer.allocate requires bytes >= 0, got -1", e.getMessage());
  }

  @Test
  void emptyBuffer() {
    try (HostBuffer b = HostBuffer.allocate(0)) {
      assertEquals(0, b.byteSize());
      assertEquals(0, b.address() % 64);
      assertEquals(NdArray.zeros(DType.F32, 0, 3), b.toNdArray(DType.F32, new long[] {0, 3}));
    }
  }

  @Test
  void useAfterCloseIsAnErrorAndCloseTwiceIsHarmless() {
    HostBuffer b = HostBuffer.allocate(8);
    b.close();
    b.close();
    assertTrue(b.isClosed());
    assertEquals("HostBuffer[8 bytes, closed]", b.toString());
    IllegalStateException e = assertThrows(IllegalStateException.class, b::address);
    assertEquals("HostBuffer of 8 bytes is closed", e.getMessage());
    assertThrows(IllegalStateException.class, () -> b.window(0, 8));
    assertThrows(IllegalStateException.class, () -> b.toNdArray(DType.U8, new long[] {8}));
    assertEquals(8, b.byteSize(), "the size stays known");
  }

  @Test
  void copiesToAndFromNdArray() {
    NdArray a = NdArray.of(new float[] {1.5f, -2, 3, 4, 5, 6}, 2, 3);
    try (HostBuffer b = HostBuffer.of(a)) {
      assertEquals(24, b.byteSize());
      assertEquals(-2f, b.window(0, 24).getFloat(4));
      assertEquals(a, b.toNdArray(DType.F32, new long[] {2, 3}));
      assertEquals(a.reshape(6), b.toNdArray(DType.F32, new long[] {6}));
      // the same bytes as another type: 1.5f is 0x3fc00000
      assertEquals(0x3fc00000, b.toNdArray(DType.S32, new long[] {6}).getLong(0));
    }
  }

  @Test
  void toNdArrayNormalisesPred() {
    try (HostBuffer b = HostBuffer.allocate(3)) {
      b.window(0, 3).put(new byte[] {2, 0, (byte) 255});
      assertEquals(NdArray.of(new boolean[] {true, false, true}, 3), b.toNdArray(DType.PRED, new long[] {3}));
    }
  }

  @Test
  void toNdArrayOfAnotherSize() {
    try (HostBuffer b = HostBuffer.allocate(24)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> b.toNdArray(DType.F32, new long[] {2, 2}));
      assertEquals("HostBuffer.toNdArray requires the shape's byte count to equal the buffer's 24 bytes, got "
          + "f32[2, 2] (16 bytes)", e.getMessage());
      IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
          () -> b.toNdArray(DType.F32, new long[] {1L << 62, 4}));
      assertEquals("HostBuffer.toNdArray requires the shape's byte count to equal the buffer's 24 bytes, got "
          + "f32[4611686018427387904, 4] (its byte count overflows a long)", huge.getMessage());
    }
  }

  @Test
  void beyondTwoGiB() {
    long size = (1L << 31) + 4096; // calloc'd: only the pages written below are backed
    try (HostBuffer b = HostBuffer.allocate(size)) {
      assertEquals(size, b.byteSize());
      b.window(size - 8, 8).putLong(0, 0x0123456789abcdefL);
      b.window((1L << 31) - 2, 4).putInt(0, 0x11223344); // straddles 2 GiB
      assertEquals(0x0123456789abcdefL, b.window(size - 16, 16).getLong(8));
      assertEquals(0x11223344, b.window((1L << 31) - 4, 8).getInt(2));
      assertEquals(0, b.window(1L << 30, 8).getLong(0));
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
          () -> b.toNdArray(DType.U8, new long[] {size}));
      assertEquals("HostBuffer.toNdArray requires at most 2147483639 bytes (an NdArray's limit), got 2147487744 for "
          + "u8[2147487744]; use the HostBuffer itself (window, or a device buffer) for arrays this large",
          e.getMessage());
    }
  }
}
