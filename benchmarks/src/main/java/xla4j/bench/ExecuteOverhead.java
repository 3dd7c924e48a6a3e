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
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.dsl.Graph;
import xla4j.dsl.Mesh;
import xla4j.dsl.PartitionSpec;
import xla4j.dsl.Shape;
import xla4j.dsl.Tensor;
import xla4j.runtime.Program;
import xla4j.runtime.ShardedArray;
import xla4j.pjrt.Buffer;
import xla4j.pjrt.Client;
import xla4j.pjrt.CompileOptions;
import xla4j.pjrt.LoadedExecutable;
import xla4j.pjrt.PjrtPlugin;

/**
 * Per-call overhead of executing a trivial program (x + 1 on 4 floats) on the XLA:CPU plugin through
 * xla4j: {@code execute} with device-resident inputs (waiting for completion, closing the output), the same through
 * the runtime ({@link Program#call}: arguments by name, a device-resident result), the same over 2 devices (x split
 * in two), and the whole round trip from host arrays ({@code call}). Sample mode, so JMH reports percentiles
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
  Program program;
  Map<String, ShardedArray> args;
  Program program2;
  Map<String, ShardedArray> args2;
  List<List<Buffer>> shards2;

  @Setup(Level.Trial)
  public void setUp() {
    client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 2L));
    exe = client.compile(PROGRAM, CompileOptions.singleDevice());
    host = NdArray.of(new float[] {1, 2, 3, 4}, 4);
    input = client.buffer(host);
    program = Program.compile(addOne(null), client);
    args = Map.of("x", program.put("x", host));
    program2 = Program.compile(addOne(Mesh.of("x", 2)), client);
    args2 = Map.of("x", program2.put("x", host));
    shards2 = List.of(List.of(args2.get("x").shard(0)), List.of(args2.get("x").shard(1)));
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

  static Graph addOne(Mesh mesh) {
    Graph g = mesh == null ? new Graph("add_one") : new Graph("add_one", mesh, false);
    PartitionSpec spec = mesh == null ? null : PartitionSpec.of("x");
    Tensor x = g.parameter("x", Shape.of(DType.F32, 4), spec);
    g.output("y", x.add(1), spec);
    return g;
  }

  /** {@link Program#call} with a device-resident argument by name; closes the result. */
  @Benchmark
  public ShardedArray programCall() {
    ShardedArray y = program.call(args).get("y");
    y.close();
    return y;
  }

  /** The 2-device program straight through the pjrt layer ({@code executeSharded}), for comparison. */
  @Benchmark
  public List<List<Buffer>> executeSharded2Devices() {
    List<List<Buffer>> out = program2.executable().executeSharded(shards2);
    out.get(0).get(0).close();
    out.get(1).get(0).close();
    return out;
  }

  /** The same over 2 CPU devices (x split in two halves). */
  @Benchmark
  public ShardedArray programCall2Devices() {
    ShardedArray y = program2.call(args2).get("y");
    y.close();
    return y;
  }

  /** Host array in, host array out (transfer + execute + transfer back). */
  @Benchmark
  public List<NdArray> callFromHost() {
    return exe.call(host);
  }
}
