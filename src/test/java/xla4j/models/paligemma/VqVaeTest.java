package xla4j.models.paligemma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.NdArray;
import xla4j.io.CheckpointException;
import xla4j.io.Npz;
import xla4j.models.paligemma.PaliGemmaObjects.Box;
import xla4j.models.paligemma.PaliGemmaObjects.Detection;
import xla4j.models.paligemma.PaliGemmaObjects.Mask;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;

/**
 * The mask decoder against {@code tools/paligemma_vae_reference.py} (big_vision's Flax decoder, cross-checked there
 * with the PyTorch module the checkpoint's names come from) on a tiny checkpoint with vae-oid's keys: logits within
 * 1e-4; the demo's post-processing (uint8, Pillow BICUBIC into the box) exactly; bad checkpoints and codes.
 */
class VqVaeTest {
  static final Path DIR = Path.of("src/test/resources/paligemma/vae");
  static final Path CKPT = DIR.resolve("vae-tiny.npz");
  static Client client;
  static PaliGemmaVae vae;
  static Map<String, NdArray> golden;
  static JsonObject meta;

  @BeforeAll
  static void open() throws Exception {
    client = PjrtPlugin.cpu().createClient();
    vae = PaliGemmaVae.load(CKPT, client);
    golden = Npz.read(DIR.resolve("golden.npz"));
    meta = JsonParser.parseString(Files.readString(DIR.resolve("golden.json"))).getAsJsonObject();
  }

  @AfterAll
  static void close() {
    vae.close();
    client.close();
  }

  static int[][] goldenCodes() {
    int[] flat = golden.get("codes").toIntArray();
    int[][] rows = new int[flat.length / 16][];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = Arrays.copyOfRange(flat, r * 16, (r + 1) * 16);
    }
    return rows;
  }

  static float[] row(float[] all, int r) {
    return Arrays.copyOfRange(all, r * 4096, (r + 1) * 4096);
  }

  @Test
  void configComesFromTheCheckpointShapes() {
    PaliGemmaVae.Config c = vae.config();
    assertEquals(new PaliGemmaVae.Config(128, 8, 16, List.of(16, 8, 4, 2)), c);
    assertEquals(1 + 12 * 2, c.paramShapes().size()); // the embedding, 12 convolutions' weight and bias
  }

  @Test
  void logitsMatchTheReference() {
    NdArray got = vae.logits(goldenCodes());
    NdArray want = golden.get("logits");
    assertArrayEquals(want.shape(), got.shape());
    float[] a = want.toFloatArray();
    float[] b = got.toFloatArray();
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    assertTrue(max <= 1e-4, "max |xla4j - golden| = " + max);
    // one row alone (another program, batch 1) gives the same row
    float[] one = vae.logits(new int[][] {goldenCodes()[2]}).toFloatArray();
    assertArrayEquals(row(b, 2), one, 1e-5f);
  }

  /** The demo's post-processing, from the golden logits: the same uint8 levels, pixel for pixel. */
  @Test
  void masksInTheirBoxesMatchTheDemo() {
    float[] logits = golden.get("logits").toFloatArray();
    float[] ours = vae.logits(goldenCodes()).toFloatArray();
    int i = 0;
    for (JsonElement e : meta.getAsJsonArray("mask_cases")) {
      JsonObject c = e.getAsJsonObject();
      int w = c.get("width").getAsInt();
      int h = c.get("height").getAsInt();
      List<Integer> locs = PaliGemmaObjectsTest.ints(c.getAsJsonArray("locs"));
      Box box = PaliGemmaObjects.box(locs, w, h);
      assertEquals(PaliGemmaObjectsTest.ints(c.getAsJsonArray("box")), List.of(box.y1(), box.x1(), box.y2(), box.x2()));
      int r = c.get("row").getAsInt();
      byte[] want = bytes(golden.get("mask" + i + "_levels"));
      assertArrayEquals(want, imageLevels(PaliGemmaVae.mask(row(logits, r), box), w, h), "case " + i);
      // from xla4j's own logits: a level may move by one where the float32 sums differ in the last bit
      byte[] fromOurs = imageLevels(PaliGemmaVae.mask(row(ours, r), box), w, h);
      for (int p = 0; p < want.length; p++) {
        assertTrue(Math.abs((want[p] & 0xff) - (fromOurs[p] & 0xff)) <= 1, "case " + i + " pixel " + p);
      }
      i++;
    }
    assertEquals(5, i);
  }

  @Test
  void pilResizeKeepsAnUnchangedSizeAndNamesBadSizes() {
    byte[] g = {1, 2, 3, 4, 5, 6};
    assertArrayEquals(g, xla4j.array.Resampling.pilBicubic(g, 2, 3, 2, 3));
    // a constant image stays constant (the weights sum to 1 in fixed point, rounded half up)
    byte[] c = new byte[64 * 64];
    Arrays.fill(c, (byte) 200);
    byte[] r = xla4j.array.Resampling.pilBicubic(c, 64, 64, 7, 131);
    for (byte v : r) {
      assertEquals(200, v & 0xff);
    }
    assertEquals("pil resize requires h * w values and sizes >= 1, got 6 values for 2x2 -> 1x1",
        assertThrows(IllegalArgumentException.class, () -> xla4j.array.Resampling.pilBicubic(g, 2, 2, 1, 1))
            .getMessage());
  }

  static byte[] bytes(NdArray uint8) {
    java.nio.ByteBuffer b = uint8.data().duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  static byte[] imageLevels(Mask m, int w, int h) {
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[y * w + x] = (byte) m.level(y, x);
      }
    }
    return out;
  }

  @Test
  void segmentationOutputToJsonMask() {
    String text = PaliGemmaObjectsTest.locs(100, 200, 612, 800) + " " + PaliGemmaObjectsTest.segs(goldenCodes()[0])
        + " cat ; " + PaliGemmaObjectsTest.locs(0, 0, 10, 10) + " " + PaliGemmaObjectsTest.segs(
            128, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) + " beyond";
    List<Detection> objs = PaliGemmaObjects.withMasks(PaliGemmaObjects.parse(text, 160, 120).objects(), vae);
    assertTrue(objs.get(0).mask().isPresent());
    assertTrue(objs.get(1).mask().isEmpty(), "code 128 is beyond the codebook of 128: no mask");
    JsonObject j = PaliGemmaObjects.toJson(objs, 160, 120);
    JsonObject m = j.getAsJsonArray("masks").get(0).getAsJsonObject();
    long total = 0;
    for (JsonElement c : m.getAsJsonObject("mask").getAsJsonArray("counts")) {
      total += c.getAsLong();
    }
    assertEquals(160 * 120, total);
    assertTrue(!j.getAsJsonArray("masks").get(1).getAsJsonObject().has("mask"));
  }

  @Test
  void badCodesAreNamed() {
    int[] ok = new int[16];
    int[] high = ok.clone();
    high[5] = 128;
    int[] low = ok.clone();
    low[0] = -1;
    assertEquals("vae requires codes in [0, 128), got 128 at row 1, position 5",
        assertThrows(IllegalArgumentException.class, () -> vae.logits(new int[][] {ok, high})).getMessage());
    assertEquals("vae requires codes in [0, 128), got -1 at row 0, position 0",
        assertThrows(IllegalArgumentException.class, () -> vae.logits(new int[][] {low})).getMessage());
    assertEquals("vae requires 16 codes per mask, got 15 in row 0",
        assertThrows(IllegalArgumentException.class, () -> vae.logits(new int[][] {new int[15]})).getMessage());
    assertEquals("vae requires at least one row of codes, got none",
        assertThrows(IllegalArgumentException.class, () -> vae.logits(new int[0][])).getMessage());
    assertEquals("vae mask requires 64x64 logits, got 10 values",
        assertThrows(IllegalArgumentException.class, () -> PaliGemmaVae.mask(new float[10], new Box(0, 0, 1, 1)))
            .getMessage());
  }

  static Map<String, NdArray> checkpoint() throws Exception {
    return new LinkedHashMap<>(Npz.read(CKPT));
  }

  @Test
  void missingKeysAndWrongShapesAreNamed() throws Exception {
    Map<String, NdArray> noUp = checkpoint();
    noUp.remove("decoder.6.weight");
    assertEquals("vae checkpoint requires key 'decoder.6.weight' of shape (16, out, 4, 4), it is missing",
        assertThrows(IllegalArgumentException.class, () -> PaliGemmaVae.fromArrays(noUp, client)).getMessage());

    Map<String, NdArray> noBias = checkpoint();
    noBias.remove("decoder.3.net.2.bias");
    assertEquals("vae checkpoint requires key 'decoder.3.net.2.bias' of shape (16,), it is missing",
        assertThrows(IllegalArgumentException.class, () -> PaliGemmaVae.fromArrays(noBias, client)).getMessage());

    Map<String, NdArray> wrong = checkpoint();
    wrong.put("decoder.2.net.0.weight", NdArray.of(new float[16 * 16], 16, 16, 1, 1));
    assertEquals("vae checkpoint requires 'decoder.2.net.0.weight' of shape (16, 16, 3, 3), got (16, 16, 1, 1)",
        assertThrows(IllegalArgumentException.class, () -> PaliGemmaVae.fromArrays(wrong, client)).getMessage());

    Map<String, NdArray> width = checkpoint();
    width.put("decoder.0.weight", NdArray.of(new float[16 * 7], 16, 7, 1, 1));
    assertEquals("vae checkpoint requires 'decoder.0.weight' of shape (C, 8, 1, 1), got (16, 7, 1, 1)",
        assertThrows(IllegalArgumentException.class, () -> PaliGemmaVae.fromArrays(width, client)).getMessage());

    Map<String, NdArray> chain = checkpoint();
    chain.put("decoder.8.weight", NdArray.of(new float[4 * 4 * 16], 4, 4, 4, 4));
    assertEquals("vae checkpoint requires 'decoder.8.weight' of shape (8, out, 4, 4), got (4, 4, 4, 4)",
        assertThrows(IllegalArgumentException.class, () -> PaliGemmaVae.fromArrays(chain, client)).getMessage());

    Map<String, NdArray> ints = checkpoint();
    ints.put("decoder.12.bias", NdArray.of(new int[] {1}, 1));
    assertEquals("vae checkpoint requires floating-point 'decoder.12.bias', got s32",
        assertThrows(IllegalArgumentException.class, () -> PaliGemmaVae.fromArrays(ints, client)).getMessage());
  }

  @Test
  void aFileWithoutAKeyIsACheckpointExceptionNamingIt(@TempDir Path tmp) throws Exception {
    Map<String, NdArray> noEmbedding = checkpoint();
    noEmbedding.remove(PaliGemmaVae.EMBEDDING);
    Path file = tmp.resolve("vae.npz");
    Npz.write(file, noEmbedding);
    CheckpointException e = assertThrows(CheckpointException.class, () -> PaliGemmaVae.load(file, client));
    assertEquals(PaliGemmaVae.EMBEDDING, e.key());
    assertEquals(file + " [_vq_vae._embedding]: vae checkpoint requires key '_vq_vae._embedding' of shape (K, D), it "
        + "is missing", e.getMessage());
  }

  @Test
  void closedDecoderRefusesCalls() throws Exception {
    PaliGemmaVae v = PaliGemmaVae.load(CKPT, client);
    v.close();
    v.close();
    assertEquals("vae is closed", assertThrows(IllegalStateException.class,
        () -> v.logits(new int[][] {new int[16]})).getMessage());
  }
}
