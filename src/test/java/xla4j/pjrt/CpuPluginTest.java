package xla4j.pjrt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import xla4j.array.DType;
import xla4j.array.NdArray;

/** Our XLA:CPU plugin with 4 devices: execution, dtypes, SPMD, errors, memory, threads. */
class CpuPluginTest {
  static Client client;

  @BeforeAll
  static void start() {
    Path p = PjrtPlugin.cpuPath();
    Assumptions.assumeTrue(p != null && Files.isRegularFile(p),
        "xla4j CPU plugin not built at " + p + " (tools/build-native builds it; mvn runs it unless -Dxla4j.skipNative)");
    client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 4L));
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
  }

  static String example(String name) throws Exception {
    return Files.readString(Paths.get("hlo/examples", name));
  }

  static final float[] A = {1, 2, 3, 4, 5, 6};              // 2x3
  static final float[] B = {7, 8, 9, 10, 11, 12};           // 3x2
  static final float[] AB = {58, 64, 139, 154};             // hand-computed 2x2

  @Test
  void clientDescribesFourCpuDevices() {
    assertEquals("cpu", client.platformName());
    assertEquals(4, client.devices().size());
    assertEquals(4, client.addressableDevices().size());
    assertEquals(0, client.processIndex());
    for (int i = 0; i < 4; i++) {
      assertEquals(i, client.devices().get(i).id());
    }
  }

  @Test
  void matmulMatchesHandComputedValues() throws Exception {
    try (LoadedExecutable exe = client.compile(example("matmul.mlir"), CompileOptions.singleDevice())) {
      List<NdArray> out = exe.call(NdArray.of(A, 2, 3), NdArray.of(B, 3, 2));
      assertEquals(1, out.size());
      assertArrayEquals(new long[] {2, 2}, out.get(0).shape());
      assertArrayEquals(AB, out.get(0).toFloatArray());
      assertEquals(List.of(TensorSpec.of(DType.F32, 2, 2)), exe.executable().outputs());
    }
  }

  @Test
  void softmaxMatchesHandComputedValues() throws Exception {
    float[] x = {1, 2, 3, 4, 0, 0, 0, 0};
    try (LoadedExecutable exe = client.compile(example("softmax.mlir"), CompileOptions.singleDevice())) {
      float[] y = exe.call(NdArray.of(x, 2, 4)).get(0).toFloatArray();
      double s = Math.exp(-3) + Math.exp(-2) + Math.exp(-1) + 1;
      float[] want = {(float) (Math.exp(-3) / s), (float) (Math.exp(-2) / s), (float) (Math.exp(-1) / s),
          (float) (1 / s), 0.25f, 0.25f, 0.25f, 0.25f};
      assertArrayEquals(want, y, 1e-6f);
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void everyDtypeRoundTripsThroughADeviceBuffer(DType dtype) {
    float[] values = {0, 1, -2, 3, 100, -7};
    if (dtype.isUnsigned() || dtype == DType.PRED) {
      values = new float[] {0, 1, 2, 3, 100, 7};
    }
    NdArray host = NdArray.fromFloats(dtype, values, 2, 3);
    try (Buffer b = client.buffer(host, client.devices().get(1))) {
      assertEquals(dtype, b.dtype());
      assertArrayEquals(new long[] {2, 3}, b.shape());
      assertEquals(1, b.device().id());
      assertTrue(b.onDeviceSizeInBytes() >= 6L * dtype.byteSize());
      assertEquals(host, b.toHost());
    }
  }

  @Test
  void javaArraysBecomeTypedBuffers() {
    Device d = client.devices().get(3);
    try (Buffer f = client.buffer(new float[] {1, 2}, d, 2);
         Buffer g = client.buffer(new double[] {1, 2, 3}, d, 3, 1);
         Buffer i = client.buffer(new int[] {7}, d);
         Buffer l = client.buffer(new long[] {1L << 40, 2}, d, 2);
         Buffer p = client.buffer(new boolean[] {true, false}, d, 2)) {
      assertEquals(TensorSpec.of(DType.F32, 2), f.spec());
      assertEquals(TensorSpec.of(DType.F64, 3, 1), g.spec());
      assertEquals(TensorSpec.of(DType.S32), i.spec());
      assertArrayEquals(new long[] {1L << 40, 2}, l.toHost().toLongArray());
      assertArrayEquals(new boolean[] {true, false}, p.toHost().toBooleanArray());
      assertEquals(3, i.device().id());
    }
  }

  @Test
  void identityProgramRoundTripsBf16ThroughExecution() {
    String mlir = "module @id { func.func public @main(%arg0: tensor<3xbf16>) -> tensor<3xbf16> {\n"
        + "  %0 = stablehlo.add %arg0, %arg0 : tensor<3xbf16>\n  return %0 : tensor<3xbf16>\n} }";
    try (LoadedExecutable exe = client.compile(mlir, CompileOptions.singleDevice())) {
      NdArray out = exe.call(NdArray.fromFloats(DType.BF16, new float[] {1.5f, -2, 0.25f}, 3)).get(0);
      assertEquals(DType.BF16, out.dtype());
      assertArrayEquals(new float[] {3, -4, 0.5f}, out.toFloatArray());
    }
  }

  @Test
  void scalarAndDirectByteBufferInputs() {
    String mlir = "module @scale { func.func public @main(%arg0: tensor<f32>, %arg1: tensor<2xf32>) -> tensor<2xf32> {\n"
        + "  %0 = stablehlo.broadcast_in_dim %arg0, dims = [] : (tensor<f32>) -> tensor<2xf32>\n"
        + "  %1 = stablehlo.multiply %0, %arg1 : tensor<2xf32>\n  return %1 : tensor<2xf32>\n} }";
    ByteBuffer direct = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN);
    direct.putFloat(3).putFloat(4).flip();
    Device d0 = client.devices().get(0);
    try (LoadedExecutable exe = client.compile(mlir, CompileOptions.singleDevice());
         Buffer s = client.buffer(NdArray.scalar(2), d0);
         Buffer v = client.buffer(direct, DType.F32, new long[] {2}, d0)) {
      List<Buffer> out = exe.execute(s, v);
      assertArrayEquals(new float[] {6, 8}, out.get(0).toHost().toFloatArray());
      out.forEach(Buffer::close);
    }
  }

  /** Rows of x split over devices, w replicated; result rows concatenated. */
  @Test
  void twoWaySpmdEqualsOneDevice() throws Exception {
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};  // 4x3
    float[] w = {1, 0, 0, 1, 1, 1};                     // 3x2
    NdArray single;
    String one = example("sharded_matmul.mlir").replace("mhlo.num_partitions = 2", "mhlo.num_partitions = 1")
        .replace("sdy.mesh @mesh = <[\"x\"=2]>", "sdy.mesh @mesh = <[\"x\"=1]>");
    try (LoadedExecutable exe = client.compile(one, CompileOptions.singleDevice())) {
      single = exe.call(NdArray.of(x, 4, 3), NdArray.of(w, 3, 2)).get(0);
    }
    try (LoadedExecutable exe = client.compile(example("sharded_matmul.mlir"), CompileOptions.spmd(2))) {
      assertEquals(2, exe.devices().size());
      assertEquals(2, exe.executable().numPartitions());
      List<List<Buffer>> args = new ArrayList<>();
      for (int d = 0; d < 2; d++) {
        Device dev = exe.devices().get(d);
        args.add(List.of(client.buffer(NdArray.of(java.util.Arrays.copyOfRange(x, 6 * d, 6 * d + 6), 2, 3), dev),
            client.buffer(NdArray.of(w, 3, 2), dev)));
      }
      List<List<Buffer>> out = exe.executeSharded(args);
      float[] got = new float[8];
      for (int d = 0; d < 2; d++) {
        assertArrayEquals(new long[] {2, 2}, out.get(d).get(0).shape());
        System.arraycopy(out.get(d).get(0).toHost().toFloatArray(), 0, got, 4 * d, 4);
      }
      assertArrayEquals(single.toFloatArray(), got);
      args.forEach(LoadedExecutable::closeAll);
      out.forEach(LoadedExecutable::closeAll);
    }
  }

  /** 2x2 mesh: device (i, j) holds rows i of x, columns j of w and block (i, j) of the result. */
  @Test
  void fourWaySpmdEqualsOneDevice() throws Exception {
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};  // 4x3
    float[] w = {1, 2, 3, 4, 5, 6};                     // 3x2
    NdArray single;
    try (LoadedExecutable exe = client.compile(example("matmul.mlir").replace("2x3", "4x3").replace("2x2", "4x2"),
        CompileOptions.singleDevice())) {
      single = exe.call(NdArray.of(x, 4, 3), NdArray.of(w, 3, 2)).get(0);
    }
    try (LoadedExecutable exe = client.compile(example("sharded_matmul_2x2.mlir"), CompileOptions.spmd(4))) {
      assertEquals(4, exe.devices().size());
      List<List<Buffer>> args = new ArrayList<>();
      for (int d = 0; d < 4; d++) {
        int i = d / 2;
        int j = d % 2;
        Device dev = exe.devices().get(d);
        float[] wcol = {w[j], w[2 + j], w[4 + j]};
        args.add(List.of(client.buffer(NdArray.of(java.util.Arrays.copyOfRange(x, 6 * i, 6 * i + 6), 2, 3), dev),
            client.buffer(NdArray.of(wcol, 3, 1), dev)));
      }
      List<List<Buffer>> out = exe.executeSharded(args);
      float[] got = new float[8];
      for (int d = 0; d < 4; d++) {
        float[] block = out.get(d).get(0).toHost().toFloatArray();  // 2x1
        int i = d / 2;
        int j = d % 2;
        got[(2 * i) * 2 + j] = block[0];
        got[(2 * i + 1) * 2 + j] = block[1];
      }
      assertArrayEquals(single.toFloatArray(), got);
      args.forEach(LoadedExecutable::closeAll);
      out.forEach(LoadedExecutable::closeAll);
    }
  }

  @Test
  void invalidMlirIsAPjrtExceptionCarryingTheParserMessage() {
    PjrtException e = assertThrows(PjrtException.class,
        () -> client.compile("module { func.func public @main(%arg0: tensor<2xf32>) -> tensor<2xf32> { return %nope : tensor<2xf32> } }",
            CompileOptions.singleDevice()));
    assertEquals(PjrtException.Code.INVALID_ARGUMENT, e.code());
    assertTrue(e.pjrtMessage().contains("use of undeclared SSA value name"), e.pjrtMessage());
    assertTrue(e.getMessage().startsWith("PJRT_Client_Compile failed (INVALID_ARGUMENT): "), e.getMessage());
    // the client still works
    assertEquals(4, client.devices().size());
  }

  @Test
  void wrongInputsAreClearErrors() throws Exception {
    try (LoadedExecutable exe = client.compile(example("matmul.mlir"), CompileOptions.singleDevice());
         Buffer a = client.buffer(NdArray.of(A, 2, 3));
         Buffer aT = client.buffer(NdArray.of(A, 3, 2));
         Buffer ai = client.buffer(NdArray.of(new int[] {1, 2, 3, 4, 5, 6}, 2, 3));
         Buffer b = client.buffer(NdArray.of(B, 3, 2))) {
      IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> exe.execute(a));
      assertEquals("execute of matmul requires 2 arguments [f32[2,3], f32[3,2]], got 1", count.getMessage());
      IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> exe.execute(aT, b));
      assertEquals("execute of matmul requires argument 0 to be f32[2,3], got f32[3,2]", shape.getMessage());
      IllegalArgumentException dtype = assertThrows(IllegalArgumentException.class, () -> exe.execute(ai, b));
      assertEquals("execute of matmul requires argument 0 to be f32[2,3], got s32[2,3]", dtype.getMessage());
      List<Buffer> ok = exe.execute(a, b);
      assertArrayEquals(AB, ok.get(0).toHost().toFloatArray());
      ok.get(0).close();
    }
  }

  @Test
  void wrongInputsWithoutASignatureAreReportedByThePlugin() throws Exception {
    byte[] code = example("matmul.mlir").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (LoadedExecutable exe = client.compile(code, "mlir", CompileOptions.singleDevice(), null);
         Buffer a = client.buffer(NdArray.of(A, 2, 3));
         Buffer aT = client.buffer(NdArray.of(A, 3, 2));
         Buffer b = client.buffer(NdArray.of(B, 3, 2))) {
      PjrtException count = assertThrows(PjrtException.class, () -> exe.execute(a));
      assertFalse(count.pjrtMessage().isEmpty());
      PjrtException shape = assertThrows(PjrtException.class, () -> exe.execute(aT, b));
      assertFalse(shape.pjrtMessage().isEmpty());
    }
  }

  @Test
  void closedBufferThrowsIllegalStateAndDoubleCloseIsHarmless() throws Exception {
    Buffer a = client.buffer(NdArray.of(A, 2, 3));
    a.close();
    a.close();
    assertTrue(a.isClosed());
    IllegalStateException e = assertThrows(IllegalStateException.class, a::toHost);
    assertEquals("Buffer f32[2,3] is closed", e.getMessage());
    try (LoadedExecutable exe = client.compile(example("matmul.mlir"), CompileOptions.singleDevice());
         Buffer b = client.buffer(NdArray.of(B, 3, 2))) {
      assertThrows(IllegalStateException.class, () -> exe.execute(a, b));
    }
  }

  @Test
  void missingPluginFileIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PjrtPlugin.load(Paths.get("/nonexistent/libnothing.so")));
    assertEquals("PJRT plugin file not found: /nonexistent/libnothing.so", e.getMessage());
  }

  @Test
  void notAPluginIsAPjrtException(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path fake = dir.resolve("libfake.so");
    Files.write(fake, new byte[] {1, 2, 3});
    PjrtException e = assertThrows(PjrtException.class, () -> PjrtPlugin.load(fake));
    // dlerror's text, without the NUL padding of the native error buffer.
    assertEquals("dlopen failed: " + fake.toRealPath() + ": file too short", e.pjrtMessage());
    assertEquals("loading PJRT plugin " + fake.toRealPath() + " failed (NOT_FOUND): dlopen failed: "
        + fake.toRealPath() + ": file too short", e.getMessage());
  }

  @Test
  void executableReportsStatsAndSerializesForDeserializeAndLoad() throws Exception {
    try (LoadedExecutable exe = client.compile(example("matmul.mlir"), CompileOptions.singleDevice())) {
      Executable e = exe.executable();
      assertEquals(1, e.numReplicas());
      assertEquals(1, e.numPartitions());
      MemoryStats stats = e.memoryStats();
      assertEquals(16, stats.outputBytes(), stats.toString());
      assertEquals(48, stats.argumentBytes(), stats.toString());
      e.costAnalysis(); // may be empty, must not fail
      Executable.Program optimized = e.optimizedProgram();
      assertFalse(optimized.format().isEmpty());
      assertTrue(optimized.code().length > 0, "optimized program of format " + optimized.format());
      assertFalse(e.fingerprint().isEmpty());
      byte[] bytes = e.serialize();
      assertTrue(bytes.length > 0);
      try (LoadedExecutable again = client.deserializeAndLoad(bytes, exe.signature().orElseThrow())) {
        assertArrayEquals(AB, again.call(NdArray.of(A, 2, 3), NdArray.of(B, 3, 2)).get(0).toFloatArray());
      }
    }
  }

  @Test
  void theModulesReplicaCountIsHonouredAndAMismatchNamesNumReplicas() throws Exception {
    String mlir = Files.readString(Paths.get("hlo/goldens/collectives.mlir")); // mhlo.num_replicas = 2
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.compile(mlir, CompileOptions.singleDevice()));
    assertEquals("compile requires CompileOptions num_replicas to equal the module's mhlo.num_replicas, got 1 and 2",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> client.compile(example("matmul.mlir"), CompileOptions.builder().replicas(3).build()));
    assertEquals("compile requires CompileOptions num_replicas to equal the module's mhlo.num_replicas, got 3 and 1",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> client.compile(mlir.replace("mhlo.num_replicas = 2", "mhlo.num_replicas = 8"),
            CompileOptions.builder().replicas(8).build()));
    assertEquals("client cpu requires num_replicas x num_partitions to be at most its 4 devices, got 8 x 1",
        e.getMessage());
    try (LoadedExecutable exe = client.compile(mlir, CompileOptions.builder().replicas(2).build())) {
      assertEquals(2, exe.executable().numReplicas());
      assertEquals(2, exe.devices().size());
      float[] x0 = {0, 1, 2, 3, 4, 5, 6, 7};
      float[] x1 = {10, 11, 12, 13, 14, 15, 16, 17};
      List<List<Buffer>> args = List.of(List.of(client.buffer(x0, exe.devices().get(0), 4, 2)),
          List.of(client.buffer(x1, exe.devices().get(1), 4, 2)));
      List<List<Buffer>> outs = exe.executeSharded(args);
      try {
        // all_reduce(add) and collective_permute [[0, 1], [1, 0]] (each replica receives the other's x).
        float[] sum = {10, 12, 14, 16, 18, 20, 22, 24};
        assertArrayEquals(sum, outs.get(0).get(0).toHost().toFloatArray());
        assertArrayEquals(sum, outs.get(1).get(0).toHost().toFloatArray());
        assertArrayEquals(x1, outs.get(0).get(4).toHost().toFloatArray());
        assertArrayEquals(x0, outs.get(1).get(4).toHost().toFloatArray());
      } finally {
        args.forEach(l -> l.forEach(Buffer::close));
        outs.forEach(l -> l.forEach(Buffer::close));
      }
    }
  }

  @Test
  void deviceAssignmentPicksTheDevices() throws Exception {
    CompileOptions onDevice2 = CompileOptions.builder().deviceAssignment(new int[][] {{2}}).build();
    try (LoadedExecutable exe = client.compile(example("matmul.mlir"), onDevice2)) {
      assertEquals(List.of(client.device(2)), exe.devices());
      assertArrayEquals(AB, exe.call(NdArray.of(A, 2, 3), NdArray.of(B, 3, 2)).get(0).toFloatArray());
    }
    CompileOptions on3and1 = CompileOptions.builder().partitions(2).deviceAssignment(new int[][] {{3, 1}}).build();
    try (LoadedExecutable exe = client.compile(example("sharded_matmul.mlir"), on3and1)) {
      assertEquals(List.of(client.device(3), client.device(1)), exe.devices());
    }
  }

  @Test
  void theCleanerFreesForgottenBuffersAndCountsTheLeak() throws Exception {
    long before = NativeResource.leaksFreed();
    forgetBuffers(50);
    for (int i = 0; i < 500 && NativeResource.leaksFreed() < before + 50; i++) {
      System.gc();
      Thread.sleep(1);
    }
    assertTrue(NativeResource.leaksFreed() > before, "the Cleaner freed no forgotten buffer");
  }

  private static void forgetBuffers(int n) {
    for (int i = 0; i < n; i++) {
      client.buffer(NdArray.of(A, 2, 3));
    }
  }

  @Test
  void closingTheClientClosesWhatItCreated() {
    Client other = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 1L));
    Buffer b = other.buffer(NdArray.of(A, 2, 3));
    other.close();
    assertTrue(b.isClosed());
    assertThrows(IllegalStateException.class, b::toHost);
    assertThrows(IllegalStateException.class, () -> other.buffer(NdArray.of(A, 2, 3)));
  }

  @Test
  void executeAsyncCompletesWithOutputs() throws Exception {
    try (LoadedExecutable exe = client.compile(example("matmul.mlir"), CompileOptions.singleDevice());
         Buffer a = client.buffer(NdArray.of(A, 2, 3));
         Buffer b = client.buffer(NdArray.of(B, 3, 2))) {
      List<List<Buffer>> out = exe.executeAsync(List.of(List.of(a, b))).get();
      out.get(0).get(0).ready().get();
      assertArrayEquals(AB, out.get(0).get(0).toHost().toFloatArray());
      out.get(0).get(0).close();
    }
  }

  @Test
  void eightThreadsExecuteConcurrentlyWithCorrectResults() throws Exception {
    try (LoadedExecutable exe = client.compile(example("matmul.mlir"), CompileOptions.singleDevice())) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          final float k = t + 1;
          results.add(pool.submit(() -> {
            for (int i = 0; i < 200; i++) {
              float[] a = A.clone();
              for (int j = 0; j < a.length; j++) {
                a[j] *= k;
              }
              float[] got = exe.call(NdArray.of(a, 2, 3), NdArray.of(B, 3, 2)).get(0).toFloatArray();
              for (int j = 0; j < 4; j++) {
                if (got[j] != AB[j] * k) {
                  return false;
                }
              }
            }
            return true;
          }));
        }
        for (Future<Boolean> f : results) {
          assertTrue(f.get());
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void tenThousandExecutionsKeepNativeMemoryBounded() throws Exception {
    try (LoadedExecutable exe = client.compile(example("matmul.mlir"), CompileOptions.singleDevice());
         Buffer a = client.buffer(NdArray.of(A, 2, 3));
         Buffer b = client.buffer(NdArray.of(B, 3, 2))) {
      for (int i = 0; i < 500; i++) {  // warm up allocators and code caches
        exe.execute(a, b).get(0).close();
      }
      long before = rssBytes();
      for (int i = 0; i < 10_000; i++) {
        try (Buffer out = exe.execute(a, b).get(0)) {
          if (i % 1000 == 0) {
            assertArrayEquals(AB, out.toHost().toFloatArray());
          }
        }
      }
      long growth = rssBytes() - before;
      // A leak of one 16-byte output (plus PJRT bookkeeping) per call would be > 1 MB per 10,000 calls
      // at the very least; allow generous noise from the JIT and the Java heap.
      assertTrue(growth < 64L << 20, "RSS grew by " + (growth >> 10) + " KiB over 10,000 executions");
    }
  }

  static long rssBytes() throws Exception {
    for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
