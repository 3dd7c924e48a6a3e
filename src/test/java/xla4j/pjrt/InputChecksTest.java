package xla4j.pjrt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
