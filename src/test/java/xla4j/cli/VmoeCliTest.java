package xla4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.NdArray;
import xla4j.io.Npy;
import xla4j.io.Npz;
import xla4j.pjrt.PjrtPlugin;

/** {@code xla4j vmoe} end to end on a golden case of {@code tools/vmoe_reference.py}. */
class VmoeCliTest {
  static final Path GOLDEN = Path.of("src/test/resources/vmoe");
  static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
  @TempDir Path dir;
  Path ckpt;
  Path config;
  Path images;
  Map<String, NdArray> golden;

  /** The case top2_drop_bpr (drops tokens, batch priority, E=4, k=2, groups of 2 images) as CLI files. */
  @BeforeEach
  void files() throws Exception {
    golden = Npz.read(GOLDEN.resolve("top2_drop_bpr.npz"));
    Map<String, NdArray> params = new LinkedHashMap<>();
    golden.forEach((k, v) -> {
      if (k.startsWith("params/")) {
        params.put(k, v);
      }
    });
    ckpt = dir.resolve("ckpt.npz");
    Npz.write(ckpt, params);
    config = dir.resolve("cfg.json");
    Files.copy(GOLDEN.resolve("top2_drop_bpr.json"), config);
    images = dir.resolve("images.npy");
    Npy.write(images, golden.get("images"));
  }

  /** Exit code, stdout, stderr. */
  static String[] run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    int rc;
    try {
      rc = Main.run(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new String[] {Integer.toString(rc), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
  }

  static void assertClose(NdArray want, NdArray got, double tol) {
    assertArrayEquals(want.shape(), got.shape());
    float[] a = want.toFloatArray();
    float[] b = got.toFloatArray();
    for (int i = 0; i < a.length; i++) {
      assertTrue(Math.abs(a[i] - b[i]) <= tol, i + ": " + a[i] + " vs " + b[i]);
    }
  }

  @Test
  void writesTheReferenceLogits() throws Exception {
    Path out = dir.resolve("out");
    String[] r = run("vmoe", "--checkpoint", ckpt.toString(), "--config", config.toString(), "--input",
        images.toString(), "--out", out.toString());
    assertEquals("0", r[0], r[2]);
    assertClose(golden.get("out/logits"), Npy.read(out.resolve("logits.npy")), 1e-4);
    assertClose(golden.get("out/pre_logits"), Npy.read(out.resolve("pre_logits.npy")), 1e-4);
    assertTrue(r[1].contains("image 3:"), r[1]);
  }

  @Test
  void verboseReportsTheTokensDroppedPerMoeLayer() {
    String logLevel = System.getProperty(LOG_LEVEL);
    try {
      String[] r = run("--verbose", "vmoe", "--checkpoint", ckpt.toString(), "--config", config.toString(),
          "--input", images.toString());
      assertEquals("0", r[0], r[2]);
      // the reference's counts: layer 1 drops 7 first and 7 second choices (3 tokens lose both), layer 3 6 and 16
      assertTrue(r[1].contains("encoderblock_1: 3 of 20 tokens dropped (no expert), choice 1 dropped for 7, "
          + "choice 2 dropped for 7"), r[1]);
      assertTrue(r[1].contains("encoderblock_3: 5 of 20 tokens dropped (no expert), choice 1 dropped for 6, "
          + "choice 2 dropped for 16"), r[1]);
      // a capacity factor of 4 leaves room for every choice (C = ceil(10 * 2 * 4 / 4) = 20 slots per expert)
      r = run("--verbose", "vmoe", "--checkpoint", ckpt.toString(), "--config", config.toString(), "--input",
          images.toString(), "--capacity-factor", "4");
      assertEquals("0", r[0], r[2]);
      assertTrue(r[1].contains("encoderblock_3: 0 of 20 tokens dropped (no expert), choice 1 dropped for 0, "
          + "choice 2 dropped for 0"), r[1]);
    } finally {
      // --verbose sets these for the whole JVM; later tests expect the quiet defaults
      System.clearProperty(PjrtPlugin.VERBOSE_PROPERTY);
      if (logLevel == null) {
        System.clearProperty(LOG_LEVEL);
      } else {
        System.setProperty(LOG_LEVEL, logLevel);
      }
    }
  }

  @Test
  void expertParallelOnFourDevicesGivesTheSameLogits() throws Exception {
    Path out = dir.resolve("ep");
    String[] r = run("vmoe", "--checkpoint", ckpt.toString(), "--config", config.toString(), "--input",
        images.toString(), "--cpu-devices", "4", "--mesh", "expert=4", "--out", out.toString(), "--bench",
        "--iterations", "1");
    assertEquals("0", r[0], r[2]);
    assertClose(golden.get("out/logits"), Npy.read(out.resolve("logits.npy")), 1e-4);
    assertTrue(r[1].contains("bench V-MoE-") && r[1].contains("mesh expert=4") && r[1].contains("images/s"), r[1]);
  }

  @Test
  void badInvocationsSayWhatIsWrong() throws Exception {
    String[] both = run("vmoe", "--checkpoint", ckpt.toString(), "--config", config.toString(), "--variant", "S/32");
    assertEquals("2", both[0]);
    assertTrue(both[2].contains("mutually exclusive"), both[2]);

    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, Files.readString(config).replace("\"k\": 2", "\"k\": 5"));
    String[] k = run("vmoe", "--checkpoint", ckpt.toString(), "--config", bad.toString(), "--input",
        images.toString());
    assertEquals("1", k[0]);
    assertTrue(k[2].contains("xla4j vmoe: error: V-MoE requires 1 <= k <= num_experts, got k=5 and num_experts=4"),
        k[2]);

    Path three = dir.resolve("three.npy");
    float[] v = golden.get("images").toFloatArray();
    Npy.write(three, NdArray.of(java.util.Arrays.copyOf(v, v.length / 4 * 3), 3, 8, 8, 3));
    String[] batch = run("vmoe", "--checkpoint", ckpt.toString(), "--config", config.toString(), "--input",
        three.toString());
    assertEquals("1", batch[0]);
    assertTrue(batch[2].contains("V-MoE requires the batch to be a multiple of group_size (images per routing "
        + "group), got batch 3 and group_size 2"), batch[2]);

    String[] variant = run("vmoe", "--checkpoint", ckpt.toString(), "--variant", "S/32");
    assertEquals("1", variant[0]);
    assertTrue(variant[2].contains("does not match the model") && variant[2].contains("missing"), variant[2]);
  }
}
