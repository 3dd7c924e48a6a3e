package xla4j.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NdArrayTest {
  @Test
  void bf16RoundsToNearestEven() {
    assertEquals((short) 0x3f80, HalfFloats.floatToBf16(1.0f));
    // 1 + 2^-8 is halfway between bf16 1.0 and 1.0078125: ties to even keeps 1.0.
    assertEquals((short) 0x3f80, HalfFloats.floatToBf16(1.00390625f));
    // 1 + 3*2^-8 is halfway between 1.0078125 (odd mantissa) and 1.015625: rounds up to even.
    assertEquals((short) 0x3f82, HalfFloats.floatToBf16(1.01171875f));
    assertEquals(-2.0f, HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(-2.0f)));
    assertTrue(Float.isNaN(HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(Float.NaN))));
  }

  @Test
  void f16CoversNormalsSubnormalsAndOverflow() {
    assertEquals((short) 0x3c00, HalfFloats.floatToF16(1.0f));
    assertEquals((short) 0x7bff, HalfFloats.floatToF16(65504f)); // largest half
    assertEquals((short) 0x7c00, HalfFloats.floatToF16(65520f)); // rounds to infinity
    assertEquals((short) 0x0001, HalfFloats.floatToF16(0x1p-24f)); // smallest subnormal
    assertEquals(0x1p-24f, HalfFloats.f16ToFloat((short) 0x0001));
    assertEquals(-0.5f, HalfFloats.f16ToFloat(HalfFloats.floatToF16(-0.5f)));
    assertEquals(0.0999755859375f, HalfFloats.f16ToFloat(HalfFloats.floatToF16(0.1f)));
  }

  @Test
  void conversionsAndReshape() {
    NdArray a = NdArray.of(new float[] {1.5f, -2.7f, 3f, 255.9f}, 2, 2);
    assertArrayEquals(new int[] {1, -2, 3, 255}, a.astype(DType.S32).toIntArray());
    assertArrayEquals(new long[] {1, 254, 3, 255}, a.astype(DType.U8).toLongArray()); // -2 wraps as a C cast
    assertArrayEquals(new float[] {1.5f, -2.703125f, 3f, 256f}, a.astype(DType.BF16).toFloatArray());
    assertArrayEquals(new long[] {4}, a.reshape(4).shape());
    assertEquals(a, NdArray.fromBytes(DType.F32, new long[] {2, 2}, a.data()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.reshape(3));
    assertTrue(e.getMessage().contains("[2, 2]") && e.getMessage().contains("[3]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NdArray.of(new float[3], 2, 2));
    assertThrows(IllegalArgumentException.class, () -> NdArray.zeros(DType.F32, 2, -1));
    assertThrows(IllegalArgumentException.class, () -> NdArray.zeros(DType.F32, 1L << 29, 2));
  }

  @Test
  void byteCountThatOverflowsALongIsRefused() {
    // 2^62 f32 elements are 2^64 bytes: the unchecked product wrapped to 0 and gave an array with no data
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NdArray.zeros(DType.F32, 1L << 62));
    assertEquals("NdArray of shape [4611686018427387904] and 4-byte elements is too large for one Java buffer (2 GiB); "
        + "stream such tensors instead", e.getMessage());
    // the element count itself overflows
    IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
        () -> NdArray.fromBytes(DType.U8, new long[] {1L << 32, 1L << 32}, java.nio.ByteBuffer.allocate(0)));
    assertTrue(c.getMessage().startsWith("NdArray of shape [4294967296, 4294967296] and 1-byte elements is too large"),
        c.getMessage());
    assertThrows(ArithmeticException.class, () -> NdArray.numElements(new long[] {1L << 32, 1L << 32}));
  }

  @Test
  void predBytesAreNormalisedToZeroOrOne() {
    NdArray p = NdArray.fromBytes(DType.PRED, new long[] {3}, java.nio.ByteBuffer.wrap(new byte[] {2, (byte) 255, 0}));
    byte[] raw = new byte[3];
    p.data().get(raw);
    assertArrayEquals(new byte[] {1, 1, 0}, raw);
    assertEquals(NdArray.of(new boolean[] {true, true, false}, 3), p);
  }

  @Test
  void dtypeNamesRoundTrip() {
    for (DType t : DType.values()) {
      assertEquals(t, DType.fromXlaName(t.xlaName()));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DType.fromXlaName("f8"));
    assertTrue(e.getMessage().contains("f8"));
  }
}
