package xla4j.pjrt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xla4j.array.DType;
import xla4j.array.HostBuffer;
import xla4j.array.NdArray;

/** Host-to-device and device-to-host copies through off-heap {@link HostBuffer}s, beyond 2 GiB too. */
class HostBufferTransferTest {
  static Client client;
  static Device device;

  @BeforeAll
  static void start() {
    client = PjrtPlugin.cpu().createClient();
    device = client.addressableDevices().get(0);
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  @Test
  void roundTripAtOffsets() {
    NdArray a = NdArray.of(new float[] {1, -2, 3.5f, 4, 5, 6}, 2, 3);
    try (HostBuffer src = HostBuffer.allocate(100); HostBuffer dst = HostBuffer.allocate(200)) {
      src.window(40, 24).put(a.data());
      try (Buffer b = client.buffer(src, 40, DType.F32, new long[] {2, 3}, device)) {
        assertEquals(a, b.toHost());
        b.copyTo(dst, 176);
        assertEquals(a, NdArray.fromBytes(DType.F32, new long[] {2, 3}, dst.window(176, 24)));
        assertEquals(0, dst.window(0, 176).getLong(168), "nothing written before the offset");
      }
    }
  }

  @Test
  void theHostBufferMayBeClosedAfterTheCopy() {
    NdArray a = NdArray.of(new int[] {7, 8, 9}, 3);
    Buffer b;
    try (HostBuffer src = HostBuffer.of(a)) {
      b = client.buffer(src, 0, DType.S32, new long[] {3}, device);
    }
    try (b) {
      assertEquals(a, b.toHost());
    }
  }

  @Test
  void directByteBufferIsReadFromItsPosition() {
    ByteBuffer d = ByteBuffer.allocateDirect(20).order(ByteOrder.LITTLE_ENDIAN);
    d.putInt(0, 99).putInt(4, 1).putInt(8, 2).putInt(12, 3).putInt(16, 99);
    d.position(4).limit(16);
    try (Buffer b = client.buffer(d, DType.S32, new long[] {3}, device)) {
      assertArrayEquals(new int[] {1, 2, 3}, b.toHost().toIntArray());
    }
    assertEquals(4, d.position(), "the caller's buffer is left as it was");
  }

  @Test
  void emptyArrays() {
    try (HostBuffer src = HostBuffer.allocate(0); Buffer b = client.buffer(src, 0, DType.F32, new long[] {0, 3}, device);
        HostBuffer dst = HostBuffer.allocate(0)) {
      b.copyTo(dst, 0);
      assertEquals(NdArray.zeros(DType.F32, 0, 3), b.toHost());
    }
  }

  // ---- one test per error ----

  @Test
  void sourceRangeOutsideTheHostBuffer() {
    try (HostBuffer src = HostBuffer.allocate(24)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> client.buffer(src, 4, DType.F32, new long[] {2, 3}, device));
      assertEquals("buffer of f32[2,3] requires offset >= 0 and offset + 24 bytes <= the host buffer's 24 bytes, got "
          + "offset 4", e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> client.buffer(src, -1, DType.U8, new long[] {1}, device));
    }
  }

  @Test
  void destinationRangeOutsideTheHostBuffer() {
    try (Buffer b = client.buffer(new float[] {1, 2}, device, 2); HostBuffer dst = HostBuffer.allocate(10)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.copyTo(dst, 4));
      assertEquals("copyTo of f32[2] requires offset >= 0 and offset + 8 bytes <= the host buffer's 10 bytes, got "
          + "offset 4", e.getMessage());
    }
  }

  @Test
  void closedHostBuffers() {
    HostBuffer closed = HostBuffer.allocate(8);
    closed.close();
    IllegalStateException src = assertThrows(IllegalStateException.class,
        () -> client.buffer(closed, 0, DType.F32, new long[] {2}, device));
    assertEquals("HostBuffer of 8 bytes is closed", src.getMessage());
    try (Buffer b = client.buffer(new float[] {1, 2}, device, 2)) {
      IllegalStateException dst = assertThrows(IllegalStateException.class, () -> b.copyTo(closed, 0));
      assertEquals("HostBuffer of 8 bytes is closed", dst.getMessage());
    }
  }

  @Test
  void closedDeviceBuffer() {
    Buffer b = client.buffer(new float[] {1, 2}, device, 2);
    b.close();
    try (HostBuffer dst = HostBuffer.allocate(8)) {
      assertThrows(IllegalStateException.class, () -> b.copyTo(dst, 0));
    }
  }

  /**
   * A u8 tensor just over 2 GiB to the CPU device and back (into the same host memory, shifted by 64 bytes, so
   * the test needs 2 x 2 GiB, not 3), checked at sampled offsets on both sides of 2 GiB.
   */
  @Test
  void moreThanTwoGiB() {
    long n = (1L << 31) + (1L << 20) + 3;
    long[] at = {0, 1, 4095, (1L << 31) - 1, 1L << 31, (1L << 31) + 12345, n - 1};
    try (HostBuffer host = HostBuffer.allocate(n + 128)) {
      for (int i = 0; i < at.length; i++) {
        host.window(64 + at[i], 1).put(0, (byte) (i + 1));
      }
      try (Buffer b = client.buffer(host, 64, DType.U8, new long[] {n}, device)) {
        assertArrayEquals(new long[] {n}, b.shape());
        UnsupportedOperationException tooBig = assertThrows(UnsupportedOperationException.class, b::toHost);
        assertEquals("toHost of u8[2148532227] requires at most 2147483639 bytes (an NdArray's limit), got "
            + "2148532227", tooBig.getMessage());
        host.window(64, 64).putLong(0, 0); // forget the samples at the start: the copy back must restore them
        b.copyTo(host, 128);
      }
      for (int i = 0; i < at.length; i++) {
        assertEquals(i + 1, host.window(128 + at[i], 1).get(0), "byte " + at[i]);
      }
      assertEquals(0, host.window(128 + 2, 1).get(0));
      assertEquals(0, host.window(128 + (1L << 31) + 1, 1).get(0));
    }
  }
}
