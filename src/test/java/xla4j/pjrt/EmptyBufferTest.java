package xla4j.pjrt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import xla4j.array.DType;
import xla4j.array.NdArray;

/** Size-0 arrays go to the device, through a program, and back; the optimized HLO text of such a program. */
class EmptyBufferTest {
  static final String MLIR = """
      module @empty {
        func.func public @main(%arg0: tensor<0x3xf32>) -> (tensor<0x3xf32>, tensor<3xf32>) {
          %0 = stablehlo.add %arg0, %arg0 : tensor<0x3xf32>
          %c = stablehlo.constant dense<0.0> : tensor<f32>
          %1 = stablehlo.reduce(%arg0 init: %c) applies stablehlo.add across dimensions = [0] : (tensor<0x3xf32>, tensor<f32>) -> tensor<3xf32>
          return %0, %1 : tensor<0x3xf32>, tensor<3xf32>
        }
      }
      """;

  @Test
  void emptyArraysRoundTrip() {
    try (Client client = PjrtPlugin.cpu().createClient();
        LoadedExecutable exe = client.compile(MLIR, CompileOptions.singleDevice())) {
      List<NdArray> out = exe.call(NdArray.zeros(DType.F32, 0, 3));
      assertArrayEquals(new long[] {0, 3}, out.get(0).shape());
      assertEquals(0, out.get(0).size());
      // The sum over an empty axis is the init value.
      assertArrayEquals(new float[] {0, 0, 0}, out.get(1).toFloatArray());
      String hlo = exe.executable().optimizedHloText();
      org.junit.jupiter.api.Assertions.assertTrue(hlo.startsWith("HloModule "), hlo);
      org.junit.jupiter.api.Assertions.assertTrue(hlo.contains("f32[0,3]"), hlo);
    }
  }
}
