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
