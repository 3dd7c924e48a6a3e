package xla4j.dsl;

import xla4j.runtime.Program;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.pjrt.Buffer;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;

/**
 * Runs every JAX reference case and the samples on xla4j's XLA:CPU plugin (4 host devices) and compares with
 * JAX's numbers. Skipped when the plugin has not been built.
 */
class DslExecutionTest {
  static Client client;

  @BeforeAll
  static void start() {
    Path p = PjrtPlugin.cpuPath();
    Assumptions.assumeTrue(p != null && Files.isRegularFile(p), "xla4j CPU plugin not built at " + p);
    client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 4L));
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
  }

  static Stream<String> names() {
    return DslCases.CASES.keySet().stream();
  }

  /** Elementwise comparison: exact for integers and pred, {@code |got - exp| <= atol + rtol * |exp|} for floats. */
  static void assertClose(String what, NdArray expected, NdArray got, double rtol, double atol) {
    assertEquals(expected.dtype(), got.dtype(), what + " dtype");
    assertArrayEquals(expected.shape(), got.shape(), what + " shape");
    for (long i = 0; i < expected.size(); i++) {
      if (expected.dtype().isFloating()) {
        double e = expected.getDouble(i);
        double g = got.getDouble(i);
        boolean ok = Double.isNaN(e) ? Double.isNaN(g) : e == g || Math.abs(g - e) <= atol + rtol * Math.abs(e);
        assertTrue(ok, what + " element " + i + ": expected " + e + ", got " + g + " (" + got + ")");
      } else {
        assertEquals(expected.getLong(i), got.getLong(i), what + " element " + i + " (" + got + ")");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void matchesJax(String name) {
    JsonObject doc = DslCases.load(name);
    List<NdArray> inputs = new ArrayList<>();
    for (var e : doc.getAsJsonArray("inputs")) {
      inputs.add(DslCases.arrayOf(e.getAsJsonObject()));
    }
    JsonArray expected = doc.getAsJsonArray("outputs");
    try (Program c = Program.compile(DslCases.build(name), client)) {
      List<NdArray> out = c.execute(inputs.toArray(new NdArray[0]));
      assertEquals(expected.size(), out.size());
      for (int i = 0; i < out.size(); i++) {
        assertClose(name + " out" + i, DslCases.arrayOf(expected.get(i).getAsJsonObject()), out.get(i),
            doc.get("rtol").getAsDouble(), doc.get("atol").getAsDouble());
      }
    }
  }

  static NdArray randomBf16(Random r, long... shape) {
    float[] v = new float[Math.toIntExact(NdArray.numElements(shape))];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return NdArray.fromFloats(DType.BF16, v, shape);
  }

  @Test
  void shardedAttentionOnTwoDevicesEqualsOneDevice() {
    Random r = new Random(3);
    Graph one = Samples.attention(null, false);
    NdArray[] in = one.parameterShapes().stream().map(s -> randomBf16(r, s.dims())).toArray(NdArray[]::new);
    NdArray ref;
    try (Program c = Program.compile(one, client)) {
      ref = c.execute(in).get(0);
    }
    for (boolean gspmd : new boolean[] {false, true}) {
      try (Program c = Program.compile(Samples.attention(Mesh.of("x", 2), gspmd), client)) {
        assertEquals(2, c.executable().devices().size());
        assertEquals(ref, c.execute(in).get(0), gspmd ? "GSPMD" : "Shardy");
      }
    }
  }

  /** 2x2 mesh: data-parallel rows, model-parallel columns, and a constraint that swaps the axes. */
  static Graph twoAxisMatmul(boolean gspmd) {
    Graph g = new Graph(gspmd ? "mm_gspmd" : "mm_shardy", Mesh.of("data", 2, "model", 2), gspmd);
    Tensor x = g.parameter("x", Shape.of(DType.F32, 4, 6), PartitionSpec.of("data", null));
    Tensor w = g.parameter("w", Shape.of(DType.F32, 6, 8), PartitionSpec.of(null, "model"));
    Tensor h = x.matmul(w).shard(PartitionSpec.of("model", "data")).tanh();
    g.output("y", h.matmul(w.transpose(1, 0)), PartitionSpec.of("data", "model"));
    g.output("h", h, PartitionSpec.of(null, new String[] {"data", "model"}));
    return g;
  }

  @Test
  void twoAxisMeshShardingsGiveTheOneDeviceNumbers() {
    Random r = new Random(5);
    float[] xv = new float[24];
    float[] wv = new float[48];
    for (int i = 0; i < xv.length; i++) {
      xv[i] = (float) r.nextGaussian();
    }
    for (int i = 0; i < wv.length; i++) {
      wv[i] = (float) r.nextGaussian();
    }
    NdArray x = NdArray.of(xv, 4, 6);
    NdArray w = NdArray.of(wv, 6, 8);
    Graph single = new Graph("mm");
    Tensor xs = single.parameter("x", Shape.of(DType.F32, 4, 6));
    Tensor ws = single.parameter("w", Shape.of(DType.F32, 6, 8));
    Tensor hs = xs.matmul(ws).tanh();
    single.output("y", hs.matmul(ws.transpose(1, 0)));
    single.output("h", hs);
    List<NdArray> ref;
    try (Program c = Program.compile(single, client)) {
      ref = c.execute(x, w);
    }
    for (boolean gspmd : new boolean[] {false, true}) {
      try (Program c = Program.compile(twoAxisMatmul(gspmd), client)) {
        assertEquals(4, c.executable().devices().size());
        List<NdArray> out = c.execute(x, w);
        assertClose((gspmd ? "GSPMD" : "Shardy") + " y", ref.get(0), out.get(0), 1e-6, 1e-6);
        assertClose((gspmd ? "GSPMD" : "Shardy") + " h", ref.get(1), out.get(1), 1e-6, 1e-6);
      }
    }
  }

  @Test
  void compiledProgramsCarryTheJavaSourceLines() {
    Graph g = new Graph("traced");
    Tensor x = g.parameter("x", Shape.of(DType.F32, 8, 8));
    g.output("y", x.matmul(x).tanh());
    try (Program c = Program.compile(g, client)) {
      assertTrue(c.mlir().orElseThrow().contains("loc(\"DslExecutionTest.java\":"), c.mlir().orElseThrow());
      byte[] hlo = c.executable().executable().optimizedProgram().code();
      assertTrue(new String(hlo, java.nio.charset.StandardCharsets.ISO_8859_1).contains("DslExecutionTest.java"),
          "XLA's optimized HLO keeps the source file in its op metadata");
    }
  }

  @Test
  void locationsAreAcceptedByTheCompiler() {
    Graph g = new Graph("located");
    Tensor x = g.parameter("x", Shape.of(DType.F32, 3));
    g.output("y", x.mul(2).exp());
    String text = g.toMlirWithLocations();
    assertTrue(text.contains("loc(\"DslExecutionTest.java\":"), text);
    try (xla4j.pjrt.LoadedExecutable exe = client.compile(text, xla4j.pjrt.CompileOptions.singleDevice())) {
      float[] y = exe.call(NdArray.of(new float[] {0, 1, -1}, 3)).get(0).toFloatArray();
      assertArrayEquals(new float[] {1, (float) Math.exp(2), (float) Math.exp(-2)}, y, 1e-6f);
    }
  }

  @Test
  void shardMapCollectivesMatchJax() throws Exception {
    JsonObject doc;
    try (var in = DslExecutionTest.class.getResourceAsStream("/dsl/spmd/shard_map_collectives.json")) {
      doc = com.google.gson.JsonParser.parseReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
    NdArray x = DslCases.arrayOf(doc.getAsJsonArray("inputs").get(0).getAsJsonObject());
    NdArray w = DslCases.arrayOf(doc.getAsJsonArray("inputs").get(1).getAsJsonObject());
    try (Program c = Program.compile(Samples.shardMapCollectives(), client)) {
      assertEquals(4, c.executable().devices().size());
      List<NdArray> out = c.execute(x, w);
      JsonArray expected = doc.getAsJsonArray("outputs");
      assertEquals(expected.size(), out.size());
      for (int i = 0; i < out.size(); i++) {
        assertClose("shard_map out" + i, DslCases.arrayOf(expected.get(i).getAsJsonObject()), out.get(i), 1e-5, 1e-5);
      }
    }
  }

  @Test
  void collectivesAcrossTwoReplicas() {
    Graph g = Samples.collectives();
    float[][] xs = new float[2][8];
    for (int rep = 0; rep < 2; rep++) {
      for (int i = 0; i < 8; i++) {
        xs[rep][i] = i + 10 * rep;
      }
    }
    try (Program c = Program.compile(g, client)) {
      List<List<Buffer>> args = List.of(List.of(client.buffer(NdArray.of(xs[0], 4, 2), c.executable().devices().get(0))),
          List.of(client.buffer(NdArray.of(xs[1], 4, 2), c.executable().devices().get(1))));
      List<List<Buffer>> outs = c.executable().executeSharded(args);
      try {
        for (int rep = 0; rep < 2; rep++) {
          float[] other = xs[1 - rep];
          float[] sum = new float[8];
          float[] gathered = new float[16];
          for (int i = 0; i < 8; i++) {
            sum[i] = xs[0][i] + xs[1][i];
            gathered[i] = xs[0][i];
            gathered[8 + i] = xs[1][i];
          }
          // reduce_scatter(max) keeps rows 2r..2r+1 of max(x0, x1) = x1 (x1 > x0 everywhere).
          float[] scattered = java.util.Arrays.copyOfRange(xs[1], 4 * rep, 4 * rep + 4);
          // all_to_all(split 0, concat 1): [x0 rows 2r..2r+1 | x1 rows 2r..2r+1].
          float[] a2a = new float[8];
          for (int row = 0; row < 2; row++) {
            for (int col = 0; col < 2; col++) {
              a2a[row * 4 + col] = xs[0][(2 * rep + row) * 2 + col];
              a2a[row * 4 + 2 + col] = xs[1][(2 * rep + row) * 2 + col];
            }
          }
          List<Buffer> o = outs.get(rep);
          assertArrayEquals(sum, o.get(0).toHost().toFloatArray(), "all_reduce");
          assertArrayEquals(gathered, o.get(1).toHost().toFloatArray(), "all_gather");
          assertArrayEquals(scattered, o.get(2).toHost().toFloatArray(), "reduce_scatter");
          assertArrayEquals(a2a, o.get(3).toHost().toFloatArray(), "all_to_all");
          assertArrayEquals(other, o.get(4).toHost().toFloatArray(), "collective_permute");
        }
      } finally {
        args.forEach(l -> l.forEach(Buffer::close));
        outs.forEach(l -> l.forEach(Buffer::close));
      }
    }
  }

  @Test
  void samplesCompileAndRun() {
    Graph g = Samples.controlFlow();
    try (Program c = Program.compile(g, client)) {
      Map<String, NdArray> out = c.execute(Map.of("x", NdArray.of(new float[] {1, -5, 2}, 3), "n",
          NdArray.of(new int[] {3})));
      // 8 * (1, -5, 2) sums to negative, so it is negated; the loop ran 3 times.
      assertArrayEquals(new float[] {-8, 40, -16}, out.get("y").toFloatArray());
      assertEquals(3, out.get("steps").getLong(0));
    }
    try (Program c = Program.compile(Samples.mlp(), client)) {
      NdArray[] in = c.signature().parameters().stream().map(a -> a.shape()).map(s -> NdArray.zeros(s.dtype(), s.dims())).toArray(NdArray[]::new);
      NdArray probs = c.execute(in).get(0);
      // all-zero weights: uniform softmax over 8 classes
      for (float p : probs.toFloatArray()) {
        assertEquals(0.125f, p, 1e-7f);
      }
    }
  }

  @Test
  void inputsAreCheckedByParameterName() {
    try (Program c = Program.compile(Samples.controlFlow(), client)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> c.execute(NdArray.of(new float[] {1, 2}, 2), NdArray.of(new int[] {1})));
      assertEquals("program 'control_flow' requires input 'x' to be f32[3], got f32[2]", e.getMessage());
    }
  }
}
