package xla4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import xla4j.Forked;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.dsl.Graph;
import xla4j.dsl.Ops;
import xla4j.dsl.Shape;
import xla4j.dsl.Tensor;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;

/**
 * Products with at most 8 rows on one side and a large operand of at least 1 MiB (a decode step's projections): the
 * CPU plugin runs {@code a . b^T} in bf16 or f32 and {@code x . w} in f32 as its custom calls {@code xla4j_bf16_matmul},
 * {@code xla4j_f32_matmul} and {@code xla4j_f32_matmul_nn} on CPUs with AVX512 (bf16 with VDPBF16PS where the CPU has
 * AVX512-BF16, else widened to f32; bf16 also on CPUs with AVX2 and FMA), as XLA's dot elsewhere; bf16 products
 * with 64 or more rows on both sides (a prefill's) as {@code xla4j_bf16_gemm}, oneDNN's matmul. Either way the result
 * equals the sums of products computed in double over the same values.
 */
class SmallMatmulTest {
  static Client client;

  @BeforeAll
  static void open() {
    client = PjrtPlugin.cpu().createClient(Map.of());
  }

  @AfterAll
  static void close() {
    client.close();
  }

  static boolean cpuHas(String flag) throws IOException {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    return Files.isReadable(cpuinfo) && Files.readString(cpuinfo).contains(" " + flag);
  }

  /** Gaussian values in {@code dtype}. */
  static NdArray random(Random r, DType dtype, long rows, long cols) {
    float[] v = new float[(int) (rows * cols)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return NdArray.of(v, rows, cols).astype(dtype);
  }

  /**
   * Runs a (P, K) times b, b (Q, K) contracted on K ({@code nn} false) or (K, Q) ({@code nn} true), checks every result
   * against double sums and returns the optimized HLO.
   */
  static String checkProduct(DType dtype, long p, long k, long q, boolean nn) throws IOException {
    Random r = new Random(p * 1000 + k * 10 + q);
    NdArray a = random(r, dtype, p, k);
    NdArray b = nn ? random(r, dtype, k, q) : random(r, dtype, q, k);
    Graph g = new Graph("small_matmul");
    Tensor at = g.parameter("a", Shape.of(dtype, p, k), null);
    Tensor bt = g.parameter("b", Shape.of(dtype, b.shape()), null);
    g.output("y", Ops.dotGeneral(at, bt).contract(new int[] {1}, new int[] {nn ? 0 : 1}).resultType(DType.F32)
        .build(), null);
    try (Program prog = Program.compile(g, client)) {
      float[] y = prog.execute(null, Map.of("a", a, "b", b)).get("y").toFloatArray();
      float[] av = a.astype(DType.F32).toFloatArray();
      float[] bv = b.astype(DType.F32).toFloatArray();
      assertEquals(p * q, y.length);
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < q; j++) {
          double want = 0;
          double scale = 0;
          for (int t = 0; t < k; t++) {
            double prod = (double) av[(int) (i * k + t)] * bv[(int) (nn ? t * q + j : j * k + t)];
            want += prod;
            scale += Math.abs(prod);
          }
          float got = y[(int) (i * q + j)];
          assertTrue(Math.abs(got - want) <= 1e-6 * scale + 1e-6, dtype + " (" + p + ", " + k + ") x " + (nn ? "("
              + k + ", " + q + ")" : "(" + q + ", " + k + ")^T") + " at [" + i + ", " + j + "]: " + got + " vs " + want);
        }
      }
      return prog.executable().executable().optimizedHloText();
    }
  }

  /** The bf16 cases (P, K, Q) of {@link #aTimesBTransposed}. */
  static final long[][] BF16_CASES = {
      {1, 2304, 240},  // a decode step's projection: one row against a weight
      {1, 9216, 60},  // a long contraction (Gemma 2 2B's down projection)
      {8, 2304, 237},  // a batch of 8; weight rows not a multiple of the kernel's tile
      {3, 1000, 530},  // a contraction that is not a multiple of 32 (masked tail)
      {600, 1000, 2}};  // the small side on the right: the result is written transposed

  /** The f32 cases (P, K, Q) of {@link #aTimesBTransposed}. */
  static final long[][] F32_CASES = {
      {1, 1100, 240},
      {8, 1030, 270},  // not a multiple of 16
      {300, 1000, 3}};

  static Stream<Arguments> products() {
    return Stream.concat(Arrays.stream(BF16_CASES).map(c -> Arguments.of(DType.BF16, c[0], c[1], c[2])),
        Arrays.stream(F32_CASES).map(c -> Arguments.of(DType.F32, c[0], c[1], c[2])));
  }

  @ParameterizedTest(name = "{0} ({1}, {2}) x ({3}, {2})^T")
  @MethodSource("products")
  void aTimesBTransposed(DType dtype, long p, long k, long q) throws IOException {
    assertKernelWhereSupported(dtype, checkProduct(dtype, p, k, q, false));
  }

  /**
   * {@code a . b^T} in {@code hlo} is the plugin's custom call on CPUs with AVX512 (bf16 also with AVX2 and FMA), XLA's
   * dot elsewhere.
   */
  static void assertKernelWhereSupported(DType dtype, String hlo) throws IOException {
    String target = dtype == DType.BF16 ? "xla4j_bf16_matmul" : "xla4j_f32_matmul";
    boolean supported = cpuHas("avx512f") || dtype == DType.BF16 && cpuHas("avx2") && cpuHas("fma");
    assertEquals(supported, hlo.contains("custom_call_target=\"" + target + "\""), hlo);
  }

  /** bf16 products with at least 64 rows on both sides (P, K, Q): a prompt's tokens against a weight. */
  static final long[][] GEMM_CASES = {
      {100, 1030, 600},  // a contraction that is not a multiple of 32
      {520, 1100, 70}};  // the weight on the left

  /**
   * bf16 {@code a . b^T} with many rows on both sides is {@code xla4j_bf16_gemm} (oneDNN's matmul) on CPUs with
   * AVX512-BF16 where oneDNN loads (libdnnl.so.3 beside the plugin needs the system's libOpenCL.so.1), XLA's dot
   * elsewhere.
   */
  @ParameterizedTest(name = "BF16 ({0}, {1}) x ({2}, {1})^T")
  @MethodSource("gemmCases")
  void largeBf16Products(long p, long k, long q) throws IOException {
    String hlo = checkProduct(DType.BF16, p, k, q, false);
    assertEquals(cpuHas("avx512_bf16") && oneDnnLoads(), hlo.contains("custom_call_target=\"xla4j_bf16_gemm\""), hlo);
  }

  static Stream<Arguments> gemmCases() {
    return Arrays.stream(GEMM_CASES).map(c -> Arguments.of(c[0], c[1], c[2]));
  }

  static boolean oneDnnLoads() {
    return Stream.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64")
        .anyMatch(d -> Files.exists(Path.of(d, "libOpenCL.so.1")));
  }

  /**
   * With {@code XLA4J_ONEDNN=tiles} (in a child process) the plugin still rewrites these products on CPUs with
   * AVX512-BF16 but runs the custom call's fallback, the streaming tiles 8 rows at a time (what an executable compiled
   * where oneDNN loads does on a machine where it does not): the same sums.
   */
  @Test
  void largeBf16ProductsWithoutOneDnn() throws Exception {
    Forked.Result r = Forked.run(300, Map.of("XLA4J_ONEDNN", "tiles"), GemmTiles.class);
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("gemm tiles: " + GEMM_CASES.length + " cases"), r.output());
  }

  /** Runs {@link #GEMM_CASES} through the plugin with {@code XLA4J_ONEDNN=tiles}. */
  public static final class GemmTiles {
    public static void main(String[] args) throws Exception {
      client = PjrtPlugin.cpu().createClient(Map.of());
      try {
        for (long[] c : GEMM_CASES) {
          String hlo = checkProduct(DType.BF16, c[0], c[1], c[2], false);
          assertEquals(cpuHas("avx512_bf16"), hlo.contains("custom_call_target=\"xla4j_bf16_gemm\""), hlo);
        }
      } finally {
        client.close();
      }
      System.out.println("gemm tiles: " + GEMM_CASES.length + " cases");
    }
  }

  @ParameterizedTest(name = "F32 ({0}, {1}) x ({1}, {2})")
  // 450 columns: a masked last vector; 700 and 1030 rows: slabs that are not a multiple of the kernel's 8-row groups;
  // 300 columns for 3 rows: a last block of 6 vectors with one masked and two empty
  @CsvSource({"1, 512, 520", "8, 700, 400", "5, 600, 450", "3, 1030, 300"})
  void xTimesW(long m, long k, long n) throws IOException {
    String hlo = checkProduct(DType.F32, m, k, n, true);
    assertEquals(cpuHas("avx512f"), hlo.contains("custom_call_target=\"xla4j_f32_matmul_nn\""), hlo);
  }

  /**
   * The narrower bf16 kernels on the bf16 cases, each in a child process with {@code XLA4J_BF16_DOT} naming it:
   * {@code widen}, FMA on 16 lanes of bf16 values widened to f32 (CPUs with AVX512 but not AVX512-BF16), and
   * {@code avx2}, the same on 8 lanes (CPUs with AVX2 but not AVX512); the cases above run the widest the CPU has.
   */
  @ParameterizedTest(name = "XLA4J_BF16_DOT={0}")
  @ValueSource(strings = {"widen", "avx2"})
  void narrowerBf16Kernels(String kernel) throws Exception {
    Forked.Result r = Forked.run(300, Map.of("XLA4J_BF16_DOT", kernel), WidenedBf16.class);
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("widened bf16: " + BF16_CASES.length + " cases"), r.output());
  }

  /** Runs {@link #BF16_CASES} through the plugin (the environment chooses the kernel). */
  public static final class WidenedBf16 {
    public static void main(String[] args) throws Exception {
      client = PjrtPlugin.cpu().createClient(Map.of());
      try {
        for (long[] c : BF16_CASES) {
          assertKernelWhereSupported(DType.BF16, checkProduct(DType.BF16, c[0], c[1], c[2], false));
        }
      } finally {
        client.close();
      }
      System.out.println("widened bf16: " + BF16_CASES.length + " cases");
    }
  }

  @Test
  void otherProductsStayXlaDots() throws IOException {
    for (String hlo : new String[] {
        checkProduct(DType.F32, 9, 1100, 240, false),   // both sides over 8 rows
        checkProduct(DType.BF16, 2, 64, 12, false),     // a small weight: not worth a kernel (and XLA counts its flops)
        checkProduct(DType.BF16, 20, 1100, 600, false), // between 9 and 63 rows on the smaller side
        checkProduct(DType.F32, 9, 600, 450, true)}) {
      assertTrue(!hlo.contains("xla4j_") && hlo.contains(" dot("), hlo);
    }
  }
}
