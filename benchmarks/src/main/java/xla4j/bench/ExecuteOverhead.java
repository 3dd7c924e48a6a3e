package xla4j.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import xla4j.array.NdArray;
import xla4j.pjrt.Buffer;
import xla4j.pjrt.Client;
import xla4j.pjrt.CompileOptions;
import xla4j.pjrt.LoadedExecutable;
import xla4j.pjrt.PjrtPlugin;

/**
 * Per-call overhead of executing a trivial program (x + 1 on 4 floats) on the XLA:CPU plugin through
 * xla4j: {@code execute} with device-resident inputs (waiting for completion, closing the output), and
 * the whole round trip from host arrays ({@code call}). Sample mode, so JMH reports percentiles
 * including the median.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dxla4j.bench=true")
public class ExecuteOverhead {
  static final String PROGRAM = "module @add_one {\n"
      + "  func.func public @main(%arg0: tensor<4xf32>) -> tensor<4xf32> {\n"
      + "    %c = stablehlo.constant dense<1.000000e+00> : tensor<4xf32>\n"
      + "    %0 = stablehlo.add %arg0, %c : tensor<4xf32>\n"
      + "    return %0 : tensor<4xf32>\n  }\n}\n";

  Client client;
  LoadedExecutable exe;
  Buffer input;
  NdArray host;

  @Setup(Level.Trial)
  public void setUp() {
    client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 1L));
    exe = client.compile(PROGRAM, CompileOptions.singleDevice());
    host = NdArray.of(new float[] {1, 2, 3, 4}, 4);
    input = client.buffer(host);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
  }

  /** execute on a device buffer, wait, close the output. */
  @Benchmark
  public Buffer executeDeviceResident() {
    List<Buffer> out = exe.execute(input);
    Buffer b = out.get(0);
    b.close();
    return b;
  }

  /** Host array in, host array out (transfer + execute + transfer back). */
  @Benchmark
  public List<NdArray> callFromHost() {
    return exe.call(host);
  }
}
