package xla4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.NdArray;
import xla4j.io.Images;
import xla4j.io.Npy;
import xla4j.models.DetParams;
import xla4j.models.vit.ViT;
import xla4j.models.vit.ViTCheckpoint;
import xla4j.models.vit.ViTConfig;
import xla4j.nn.ParamSpec;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;

/** The main job end to end: {@code xla4j vit} with a checkpoint file and an image, against the library path. */
class VitCliTest {
  @TempDir Path dir;

  @Test
  void vitCommandClassifiesAnImageWithACheckpoint() throws Exception {
    // big_vision's tiny "mu" variant (width 32, 1 block) at 32 px with 5 classes.
    ViTConfig c = ViTConfig.fromVariant("mu/16").withImageSize(32).withNumClasses(5).withHeadZeroinit(false);
    ViT.Model m = ViT.graph(c, 1);
    Map<String, NdArray> params = new LinkedHashMap<>();
    for (ParamSpec p : m.params()) {
      params.put("params/" + p.name(), DetParams.rule(p.name(), p.shape()).values());
    }
    Path ckpt = dir.resolve("mu.npz");
    ViTCheckpoint.save(ckpt, params);
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 40; x++) {
        img.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | ((x + y) * 3));
      }
    }
    Path png = dir.resolve("pic.png");
    ImageIO.write(img, "png", png.toFile());
    Path labels = dir.resolve("labels.txt");
    Files.write(labels, List.of("cat", "dog", "bird", "fish", "frog"));
    Path out = dir.resolve("out");

    String[] r = CliTest.run("vit", "--variant", "mu/16", "--image-size", "32", "--num-classes", "5",
        "--checkpoint", ckpt.toString(), "--image", png.toString(), "--labels", labels.toString(), "--top", "2",
        "--out", out.toString());
    assertEquals("0", r[0], r[1]);
    NdArray logits = Npy.read(out.resolve("logits.npy"));
    assertArrayEquals(new long[] {1, 5}, logits.shape());

    // The same model through the library: same logits, and the printed top class is their argmax.
    try (Client client = PjrtPlugin.cpu().createClient();
        Program p = Program.compile(m.graph(), client);
        ParamStore s = ParamStore.fromArrays(p, ViTCheckpoint.load(ckpt, m))) {
      NdArray want = p.execute(s, Map.of(ViT.IMAGE, Images.loadBatch(List.of(png), 32))).get("logits");
      assertEquals(want, logits);
      float[] v = want.toFloatArray();
      int best = 0;
      for (int i = 1; i < v.length; i++) {
        best = v[i] > v[best] ? i : best;
      }
      String name = List.of("cat", "dog", "bird", "fish", "frog").get(best);
      assertTrue(r[1].contains(" 1. " + name), r[1]);
    }
  }

  @Test
  void withoutACheckpointTheHeadIsRandomAndTheCommandSaysTheParametersAreRandom() {
    java.io.PrintStream old = System.err;
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    String[] r;
    try {
      r = CliTest.run("vit", "--variant", "mu/16", "--image-size", "32", "--num-classes", "3", "--batch", "1",
          "--top", "3");
    } finally {
      System.setErr(old);
    }
    String stderr = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals("0", r[0], stderr);
    assertTrue(stderr.contains("parameters are RANDOM (seed 0, big_vision's initializers, head not zero-initialised)"),
        stderr);
    assertTrue(!stderr.contains("WARN xla4j.nn"), "no zero-initialised head to warn of: " + stderr);
    // the three classes' logits as printed ("logit  -0.1234"): not all 0, as a zero head would give
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("logit +(-?[0-9.]+)").matcher(r[1]);
    int nonZero = 0;
    int n = 0;
    while (m.find()) {
      n++;
      nonZero += Double.parseDouble(m.group(1)) != 0 ? 1 : 0;
    }
    assertEquals(3, n, r[1]);
    assertTrue(nonZero > 0, r[1]);
  }

  @Test
  void missingCheckpointKeysFailWithTheirNames() throws Exception {
    Path ckpt = dir.resolve("empty.npz");
    ViTCheckpoint.save(ckpt, Map.of("head/kernel", NdArray.zeros(xla4j.array.DType.F32, 32, 4)));
    java.io.PrintStream old = System.err;
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    String[] r;
    try {
      r = CliTest.run("vit", "--variant", "mu/16", "--image-size", "32", "--num-classes", "5",
          "--checkpoint", ckpt.toString(), "--batch", "1");
    } finally {
      System.setErr(old);
    }
    assertEquals("1", r[0]);
    String msg = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(msg.contains("empty.npz") && msg.contains("missing") && msg.contains("embedding/kernel")
        && msg.contains("wrong shape (1): head/kernel: checkpoint [32, 4], model [32, 5]"), "stderr was: [" + msg + "] stdout: " + r[1]);
  }

  @Test
  void poolTakesBigVisionsTokAndClsAsItsAlias() {
    String[] tok = CliTest.run("emit", "vit", "--variant", "mu/16", "--image-size", "32", "--batch", "1", "--pool", "tok");
    assertEquals("0", tok[0], tok[1]);
    assertTrue(tok[1].contains("{jax.arg_info = \"cls\"}"), "a class token parameter: " + tok[1]);
    String[] cls = CliTest.run("emit", "vit", "--variant", "mu/16", "--image-size", "32", "--batch", "1", "--pool", "cls");
    assertEquals(tok[1], cls[1]);
    String help = CliTest.run("vit", "--help")[1].replaceAll("\\s+", " ");
    assertTrue(help.contains("big_vision's pool_type: tok (a learned class token; cls is an alias)"), help);
  }

  /** Exit code and stderr of a CLI run. */
  static String[] runForErrors(String... args) {
    java.io.PrintStream old = System.err;
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      return new String[] {CliTest.run(args)[0], err.toString(java.nio.charset.StandardCharsets.UTF_8)};
    } finally {
      System.setErr(old);
    }
  }

  @Test
  void labelsAndOutAreCheckedBeforeAnythingIsLoaded() throws Exception {
    // The checkpoint does not exist either: the option errors come first, as usage errors (exit code 2).
    String missing = dir.resolve("missing.npz").toString();
    Path labels = dir.resolve("labels.txt");
    String[] r = runForErrors("vit", "--variant", "mu/16", "--checkpoint", missing, "--labels", labels.toString());
    assertEquals("2", r[0], r[1]);
    assertTrue(r[1].startsWith("--labels " + labels + " does not exist"), r[1]);
    r = runForErrors("vit", "--variant", "mu/16", "--checkpoint", missing, "--labels", dir.toString());
    assertEquals("2", r[0], r[1]);
    assertTrue(r[1].startsWith("--labels " + dir + " is not a readable file"), r[1]);
    Files.write(labels, List.of("cat"));
    r = runForErrors("vit", "--variant", "mu/16", "--num-classes", "1", "--checkpoint", missing, "--labels",
        labels.toString(), "--out", labels.toString());
    assertEquals("2", r[0], r[1]);
    assertTrue(r[1].startsWith("--out " + labels + " is a file, not a directory"), r[1]);
    r = runForErrors("vit", "--variant", "mu/16", "--checkpoint", missing, "--out", labels.resolve("sub").toString());
    assertEquals("2", r[0], r[1]);
    assertTrue(r[1].startsWith("--out " + labels.resolve("sub") + " cannot be created: " + labels + " is a file"), r[1]);
    // One label per class of the head, and --top >= 1.
    r = runForErrors("vit", "--variant", "mu/16", "--checkpoint", missing, "--labels", labels.toString());
    assertEquals("2", r[0], r[1]);
    assertTrue(r[1].startsWith("--labels " + labels + " has 1 labels, the head has 1000 classes (--num-classes)"), r[1]);
    Path blank = dir.resolve("blank.txt");
    Files.write(blank, List.of("cat", "", "dog"));
    r = runForErrors("vit", "--variant", "mu/16", "--checkpoint", missing, "--labels", blank.toString());
    assertEquals("2", r[0], r[1]);
    assertTrue(r[1].startsWith("--labels: labels file " + blank + " line 2 is blank"), r[1]);
    r = runForErrors("vit", "--variant", "mu/16", "--checkpoint", missing, "--top", "0");
    assertEquals("2", r[0], r[1]);
    assertTrue(r[1].startsWith("--top must be >= 1, got 0"), r[1]);
    // Valid options get as far as the checkpoint.
    r = runForErrors("vit", "--variant", "mu/16", "--num-classes", "1", "--checkpoint", missing, "--labels",
        labels.toString(), "--out", dir.resolve("new/out").toString());
    assertEquals("1", r[0], r[1]);
    assertTrue(r[1].contains("missing.npz"), r[1]);
  }

  @Test
  void emitAndCompileKnowTheViT() {
    String[] e = CliTest.run("emit", "vit", "--variant", "mu/16", "--image-size", "32", "--batch", "1");
    assertEquals("0", e[0]);
    assertTrue(e[1].startsWith("module @vit"), e[1]);
    assertTrue(e[1].contains("{jax.arg_info = \"Transformer/encoderblock_0/MlpBlock_0/Dense_0/kernel\"}"));
    String[] c = CliTest.run("compile", "vit", "--variant", "mu/16", "--image-size", "32", "--batch", "1");
    assertEquals("0", c[0], c[1]);
    assertTrue(c[1].contains("cost       flops = "), c[1]);
  }

  @Test
  void aShardedViTArtifactRunsWithWeightsTakenByNameFromACheckpoint() throws Exception {
    ViTConfig c = ViTConfig.fromVariant("mu/16").withImageSize(32).withNumClasses(5).withHeadZeroinit(false);
    Map<String, NdArray> params = new LinkedHashMap<>();
    for (ParamSpec p : ViT.graph(c, 2).params()) {
      params.put("params/" + p.name(), DetParams.rule(p.name(), p.shape()).values());
    }
    Path ckpt = dir.resolve("mu.npz");
    ViTCheckpoint.save(ckpt, params);
    Path images = dir.resolve("images.npy");
    Npy.write(images, DetParams.image("image", 2, 32, 32, 3));
    String[] model = {"--variant", "mu/16", "--image-size", "32", "--num-classes", "5", "--batch", "2"};
    Path art = dir.resolve("art");
    String[] compiled = CliTest.run(concat(new String[] {"compile", "vit"}, model, new String[] {"--mesh", "data=2",
        "--out", art.toString()}));
    assertEquals("0", compiled[0], compiled[1]);
    assertTrue(compiled[1].contains("2 partition(s)"), compiled[1]);
    String manifest = Files.readString(art.resolve("manifest.json"));
    assertTrue(manifest.contains("\"name\": \"Transformer/encoderblock_0/MlpBlock_0/Dense_0/kernel\""), manifest);
    String[] ran = CliTest.run("run-artifact", art.toString(), "--checkpoint", ckpt.toString(), "--input",
        images.toString(), "--out", dir.resolve("a").toString());
    assertEquals("0", ran[0], ran[1]);
    String[] direct = CliTest.run(concat(new String[] {"vit"}, model, new String[] {"--checkpoint", ckpt.toString(),
        "--input", images.toString(), "--out", dir.resolve("b").toString()}));
    assertEquals("0", direct[0], direct[1]);
    float[] want = Npy.read(dir.resolve("b/logits.npy")).toFloatArray();
    float[] got = Npy.read(dir.resolve("a/out0.npy")).toFloatArray();
    assertEquals(want.length, got.length);
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], 1e-5f * Math.max(1, Math.abs(want[i])), "logit " + i);
    }
    String[] noInput = runForErrors("run-artifact", art.toString(), "--checkpoint", ckpt.toString());
    assertEquals("1", noInput[0]);
    assertTrue(noInput[1].contains("takes 1 input(s) besides the " + params.size() + " parameters in " + ckpt
        + ": [image], got 0"),
        noInput[1]);
  }

  static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }
}
