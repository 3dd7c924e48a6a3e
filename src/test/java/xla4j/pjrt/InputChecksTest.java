package xla4j.pjrt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xla4j.array.DType;
import xla4j.array.NdArray;

/** Bad input is a clear Java exception that frees what was made, never a wrong result or a crash. */
class InputChecksTest {
  static Client client;
  static Device dev;

  @BeforeAll
  static void start() {
    client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 2L));
    dev = client.addressableDevices().get(0);
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
  }

  static final String COMPLEX_OUTPUT = """
      module @cx { func.func public @main(%arg0: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xcomplex<f32>>) {
        %0 = stablehlo.complex %arg0, %arg0 : tensor<2xcomplex<f32>>
        return %arg0, %0 : tensor<2xf32>, tensor<2xcomplex<f32>>
      } }
      """;

  // Reviewer's Cx: the error did not name the program, and the half-made executable was left to the
  // Cleaner, which then blamed the user for not closing it.
  @Test
  void anOutputTypeWithoutDTypeNamesProgramAndOutputAndFreesTheExecutable() {
    try (Client c = PjrtPlugin.cpu().createClient()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> c.compile(COMPLEX_OUTPUT, CompileOptions.singleDevice()));
      assertEquals("program 'cx' output 1 has element type C64 (PJRT_Buffer_Type 14), which xla4j has no DType for "
          + "(supported: [PRED, S8, S16, S32, S64, U8, U16, U32, U64, F16, BF16, F32, F64])", e.getMessage());
      assertEquals(0, c.openChildren(), "the failed LoadedExecutable was freed at once, not left to the Cleaner");
    }
  }

  // Reviewer's Misc: a big-endian buffer (ByteBuffer's default order) with 1.5f came back as 6.89e-41.
  @Test
  void bigEndianDataIsRejectedForMultiByteTypes() {
    ByteBuffer direct = ByteBuffer.allocateDirect(8);
    direct.putFloat(1.5f).putFloat(2.5f).flip();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.buffer(direct, DType.F32, new long[] {2}, dev));
    assertEquals("buffer of f32[2] requires little-endian data, got a ByteBuffer of order BIG_ENDIAN "
        + "(if its bytes are little-endian, pass data.order(ByteOrder.LITTLE_ENDIAN))", e.getMessage());
    ByteBuffer heap = ByteBuffer.allocate(8);
    heap.putInt(7).putInt(8).flip();
    assertThrows(IllegalArgumentException.class, () -> client.buffer(heap, DType.S32, new long[] {2}, dev));

    ByteBuffer little = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN);
    little.putFloat(1.5f).putFloat(2.5f).flip();
    try (Buffer b = client.buffer(little, DType.F32, new long[] {2}, dev)) {
      assertArrayEquals(new float[] {1.5f, 2.5f}, b.toHost().toFloatArray());
    }
    // One-byte types have no byte order: a big-endian buffer is fine.
    ByteBuffer bytes = ByteBuffer.allocateDirect(3);
    bytes.put((byte) 1).put((byte) -2).put((byte) 3).flip();
    try (Buffer b = client.buffer(bytes, DType.S8, new long[] {3}, dev)) {
      NdArray back = b.toHost();
      assertEquals(-2.0, back.getDouble(1));
      assertEquals(3.0, back.getDouble(2));
    }
  }

  // Reviewer's Ovf: f32[2^62] is 2^64 bytes, which wrapped to 0 and matched an empty ByteBuffer.
  @Test
  void sizesThatOverflowALongAreRejected() {
    IllegalArgumentException spec = assertThrows(IllegalArgumentException.class,
        () -> TensorSpec.of(DType.F32, 1L << 62));
    assertEquals("TensorSpec requires a size of at most 9223372036854775807 bytes, got f32[4611686018427387904] "
        + "(overflows a long)", spec.getMessage());
    // 2^32 * 2^32 elements overflow before the element size is applied.
    assertThrows(IllegalArgumentException.class, () -> TensorSpec.of(DType.S8, 1L << 32, 1L << 32));
    assertEquals(16L << 40, TensorSpec.of(DType.F64, 1L << 41).byteSize()); // 2^41 * 8 still fits

    ByteBuffer empty = ByteBuffer.allocateDirect(0).order(ByteOrder.LITTLE_ENDIAN);
    IllegalArgumentException buffer = assertThrows(IllegalArgumentException.class,
        () -> client.buffer(empty, DType.F32, new long[] {1L << 62}, dev));
    assertEquals(spec.getMessage(), buffer.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> client.buffer(ByteBuffer.allocateDirect(16), DType.F32, new long[] {-1, -4}, dev));
    assertEquals("TensorSpec dimensions must be >= 0, got [-1, -4]", negative.getMessage());
  }

  // toHost's limit is an NdArray's, Integer.MAX_VALUE - 8 = 2147483639 bytes; it is checked before copying.
  @Test
  void toHostRefusesMoreThanAnNdArrayHoldsBeforeCopying() {
    Buffer.checkFitsHost(TensorSpec.of(DType.U8, 2147483639L));
    Buffer.checkFitsHost(TensorSpec.of(DType.F32, 536870909L)); // 2147483636 bytes
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> Buffer.checkFitsHost(TensorSpec.of(DType.F32, 536870910L)));
    assertEquals("toHost of f32[536870910] requires at most 2147483639 bytes (an NdArray's limit), got 2147483640",
        e.getMessage());
    assertThrows(UnsupportedOperationException.class, () -> Buffer.checkFitsHost(TensorSpec.of(DType.U8, 2147483640L)));
  }

  // Without a signature, device 0's count was used and device 1's extra argument silently dropped.
  @Test
  void everyDeviceNeedsTheSameNumberOfArguments() throws Exception {
    byte[] code = Files.readString(Paths.get("hlo/examples/sharded_matmul.mlir")).getBytes(StandardCharsets.UTF_8);
    try (LoadedExecutable exe = client.compile(code, "mlir", CompileOptions.spmd(2), null)) {
      List<List<Buffer>> args = new ArrayList<>();
      for (int d = 0; d < 2; d++) {
        Device on = exe.devices().get(d);
        List<Buffer> mine = new ArrayList<>();
        mine.add(client.buffer(NdArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3), on));
        mine.add(client.buffer(NdArray.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2), on));
        if (d == 1) {
          mine.add(client.buffer(NdArray.of(new float[] {9}, 1), on));
        }
        args.add(mine);
      }
      try {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> exe.executeSharded(args));
        assertEquals("execute of " + exe.executable().name() + " requires the same number of arguments on every "
            + "device, got 2 on device 0 (" + exe.devices().get(0) + ") and 3 on device 1 (" + exe.devices().get(1)
            + ")", e.getMessage());
      } finally {
        args.forEach(LoadedExecutable::closeAll);
      }
    }
  }

  @Test
  void aBufferOfAnotherClientIsRejected() throws Exception {
    String add = """
        module @add { func.func public @main(%arg0: tensor<4xf32>) -> tensor<4xf32> {
          %0 = stablehlo.add %arg0, %arg0 : tensor<4xf32>
          return %0 : tensor<4xf32>
        } }
        """;
    try (Client other = PjrtPlugin.cpu().createClient();
        LoadedExecutable exe = client.compile(add, CompileOptions.singleDevice());
        Buffer foreign = other.buffer(new float[] {1, 2, 3, 4}, other.addressableDevices().get(0), 4)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> exe.execute(foreign));
      assertEquals("execute of add requires argument 0 to be a buffer of " + client + ", got Buffer f32[4] of "
          + "another client", e.getMessage());
      IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
          () -> exe.execute(Arrays.asList((Buffer) null)));
      assertEquals("execute of add requires argument 0 to be a buffer of " + client + ", got null", none.getMessage());
    }
  }
}
