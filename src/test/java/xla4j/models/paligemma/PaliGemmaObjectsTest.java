package xla4j.models.paligemma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import xla4j.models.paligemma.PaliGemmaObjects.Box;
import xla4j.models.paligemma.PaliGemmaObjects.Detection;
import xla4j.models.paligemma.PaliGemmaObjects.Mask;
import xla4j.models.paligemma.PaliGemmaObjects.Parsed;

/**
 * The demo's {@code extract_objs} parser on hand-computed strings, and on the cases {@code
 * tools/paligemma_vae_reference.py} ran through Python's own {@code re} ({@code parse_cases.json}); the JSON.
 */
class PaliGemmaObjectsTest {
  static String locs(int... v) {
    StringBuilder sb = new StringBuilder();
    for (int x : v) {
      sb.append(String.format("<loc%04d>", x));
    }
    return sb.toString();
  }

  static String segs(int... v) {
    StringBuilder sb = new StringBuilder();
    for (int x : v) {
      sb.append(String.format("<seg%03d>", x));
    }
    return sb.toString();
  }

  @Test
  void oneDetection() {
    Parsed p = PaliGemmaObjects.parse(locs(100, 200, 612, 800) + " cat", 640, 480);
    assertEquals(1, p.objects().size());
    Detection d = p.objects().get(0);
    assertEquals("cat", d.label());
    assertEquals(List.of(100, 200, 612, 800), d.locs());
    // 100/1024*480 = 46.875, 200/1024*640 = 125, 612/1024*480 = 286.875, 800/1024*640 = 500
    assertEquals(new Box(47, 125, 287, 500), d.box());
    assertFalse(d.hasCodes());
    assertEquals("", d.before());
    assertEquals("", p.rest());
  }

  @Test
  void twoObjectsSeparatedBySemicolon() {
    String text = locs(100, 200, 612, 800) + " cat ; " + locs(0, 0, 1023, 1023) + " dog";
    Parsed p = PaliGemmaObjects.parse(text, 640, 480);
    assertEquals(List.of("cat", "dog"), p.objects().stream().map(Detection::label).toList());
    // the reference's name is "cat " (the space before " ; "); content keeps it, with the separator
    assertEquals(locs(100, 200, 612, 800) + " cat ; ", p.objects().get(0).content());
    // 1023/1024*480 = 479.53 -> 480, 1023/1024*640 = 639.375 -> 639
    assertEquals(new Box(0, 0, 480, 639), p.objects().get(1).box());
  }

  @Test
  void segmentationWithCodesAndALabelWithSpaces() {
    int[] codes = IntStream.range(0, 16).map(i -> i * 8 + 1).toArray();
    Parsed p = PaliGemmaObjects.parse(locs(10, 20, 30, 40) + " " + segs(codes) + " black cat", 333, 250);
    Detection d = p.objects().get(0);
    assertEquals("black cat", d.label());
    assertArrayEquals(codes, d.codeArray());
    // 10/1024*250 = 2.44, 20/1024*333 = 6.504, 30/1024*250 = 7.32, 40/1024*333 = 13.01
    assertEquals(new Box(2, 7, 7, 13), d.box());
  }

  @Test
  void boxesRoundHalfToEvenAsPython() {
    // 512/1024 * 7 = 3.5 -> 4 and 512/1024 * 5 = 2.5 -> 2 (Math.round would give 3)
    assertEquals(new Box(4, 2, 4, 2), PaliGemmaObjects.parse(locs(512, 512, 512, 512) + " x", 5, 7).objects().get(0)
        .box());
    assertEquals(new Box(0, 0, 2, 2), PaliGemmaObjects.box(List.of(0, 0, 512, 512), 3, 3)); // 1.5 -> 2
    assertEquals(new Box(0, 0, 0, 0), PaliGemmaObjects.box(List.of(0, 0, 512, 512), 1, 1)); // 0.5 -> 0
  }

  @Test
  void stopsAtGarbageAsTheReference() {
    String text = "sure: " + locs(1, 2, 3, 4) + " a b  c ; " + locs(5, 6, 7, 8) + " d ; <loc0001><loc02 garbage";
    Parsed p = PaliGemmaObjects.parse(text, 1024, 1024);
    assertEquals(2, p.objects().size());
    assertEquals("sure: ", p.objects().get(0).before());
    assertEquals("a b  c", p.objects().get(0).label());
    assertEquals(new Box(1, 2, 3, 4), p.objects().get(0).box());
    assertEquals("d", p.objects().get(1).label());
    assertEquals("<loc0001><loc02 garbage", p.rest());
  }

  @Test
  void aNewlineBeforeTheTokensStopsTheParse() {
    String text = "text\n" + locs(1, 2, 3, 4) + " cat";
    Parsed p = PaliGemmaObjects.parse(text, 100, 100);
    assertTrue(p.objects().isEmpty());
    assertEquals(text, p.rest());
  }

  @Test
  void fifteenSegTokensGiveADetectionWithoutLabelAndStop() {
    String tail = segs(IntStream.range(0, 15).toArray()) + " cat";
    Parsed p = PaliGemmaObjects.parse(locs(1, 2, 3, 4) + tail, 100, 100);
    assertEquals(1, p.objects().size());
    assertEquals("", p.objects().get(0).label());
    assertFalse(p.objects().get(0).hasCodes());
    assertEquals(tail, p.rest());
  }

  @Test
  void semicolonWithoutSpaceIsTheNextObjectsPrefix() {
    Parsed p = PaliGemmaObjects.parse(locs(1, 2, 3, 4) + " black cat;" + locs(5, 6, 7, 8) + "dog", 100, 100);
    assertEquals(List.of("black cat", "dog"), p.objects().stream().map(Detection::label).toList());
    assertEquals(";", p.objects().get(1).before());
  }

  @Test
  void badArgumentsAreNamed() {
    assertEquals("image size requires width and height >= 1, got 0x5", assertThrows(IllegalArgumentException.class,
        () -> PaliGemmaObjects.parse("x", 0, 5)).getMessage());
    assertEquals("detection requires 4 locs (y1, x1, y2, x2), got [1, 2, 3]", assertThrows(
        IllegalArgumentException.class, () -> new Detection("", "", "", List.of(1, 2, 3), new Box(0, 0, 1, 1),
            List.of(), Optional.empty())).getMessage());
    assertEquals("detection requires 0 or 16 codes, got 2", assertThrows(IllegalArgumentException.class,
        () -> new Detection("", "", "", List.of(1, 2, 3, 4), new Box(0, 0, 1, 1), List.of(1, 2), Optional.empty()))
        .getMessage());
    assertEquals("mask requires box.height() * box.width() levels, got 3 for Box[y1=0, x1=0, y2=2, x2=2]",
        assertThrows(IllegalArgumentException.class, () -> new Mask(new Box(0, 0, 2, 2), new byte[3])).getMessage());
  }

  /** Every case of parse_cases.json: what Python's re made of the demo's pattern. */
  @Test
  void matchesPythonOnTheReferenceCases() throws Exception {
    JsonArray cases = JsonParser.parseString(Files.readString(Path.of("src/test/resources/paligemma/vae/parse_cases.json")))
        .getAsJsonArray();
    assertTrue(cases.size() >= 10);
    for (JsonElement e : cases) {
      JsonObject c = e.getAsJsonObject();
      String text = c.get("text").getAsString();
      Parsed p = PaliGemmaObjects.parse(text, c.get("width").getAsInt(), c.get("height").getAsInt());
      JsonArray want = c.getAsJsonArray("objects");
      assertEquals(want.size(), p.objects().size(), text);
      for (int i = 0; i < want.size(); i++) {
        JsonObject o = want.get(i).getAsJsonObject();
        Detection d = p.objects().get(i);
        assertEquals(o.get("before").getAsString(), d.before(), text);
        assertEquals(o.get("content").getAsString(), d.content(), text);
        assertEquals(o.get("label").getAsString(), d.label(), text);
        assertEquals(ints(o.getAsJsonArray("locs")), d.locs(), text);
        List<Integer> box = ints(o.getAsJsonArray("box"));
        assertEquals(new Box(box.get(0), box.get(1), box.get(2), box.get(3)), d.box(), text);
        assertEquals(o.get("codes").isJsonNull() ? List.of() : ints(o.getAsJsonArray("codes")), d.codes(), text);
      }
      assertEquals(c.get("rest").getAsString(), p.rest(), text);
    }
  }

  static List<Integer> ints(JsonArray a) {
    List<Integer> out = new ArrayList<>();
    a.forEach(v -> out.add(v.getAsInt()));
    return out;
  }

  @Test
  void jsonHasEveryBoxAndTheMasksAsColumnMajorRle() {
    // image 3 wide, 2 high; mask on rows [0, 2), columns [1, 3): levels 255 0 / 128 127 -> on at (0,1), (1,1)
    Box box = new Box(0, 1, 2, 3);
    Mask mask = new Mask(box, new byte[] {(byte) 255, 0, (byte) 128, 127});
    List<Integer> codes = IntStream.range(0, 16).boxed().toList();
    Detection seg = new Detection("", "", "cat", List.of(0, 341, 1023, 1023), box, codes, Optional.of(mask));
    Detection det = new Detection("", "", "dog", List.of(0, 0, 512, 512), new Box(0, 0, 1, 2), List.of(),
        Optional.empty());
    JsonObject j = PaliGemmaObjects.toJson(List.of(det, seg), 3, 2);
    assertEquals("{\"width\":3,\"height\":2,\"boxes\":[{\"label\":\"dog\",\"y1\":0,\"x1\":0,\"y2\":1,\"x2\":2},"
        + "{\"label\":\"cat\",\"y1\":0,\"x1\":1,\"y2\":2,\"x2\":3}],\"masks\":[{\"label\":\"cat\",\"box\":{\"y1\":0,"
        + "\"x1\":1,\"y2\":2,\"x2\":3},\"codes\":[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15],"
        + "\"mask\":{\"size\":[2,3],\"counts\":[2,2,2]}}]}", j.toString());
    // column-major: column 0 (off, off), column 1 (on, on), column 2 (off, off)
    assertArrayEquals(new long[] {2, 2, 2}, mask.toRle(3, 2));
    // a mask starting on pixel (0, 0) starts with an empty run of zeros; one reaching beyond the image is clipped
    Mask corner = new Mask(new Box(0, 0, 3, 1), new byte[] {(byte) 200, (byte) 200, (byte) 200});
    assertArrayEquals(new long[] {0, 2, 4}, corner.toRle(3, 2));
    // without a decoded mask, the codes are there and "mask" is not
    JsonObject noMask = PaliGemmaObjects.toJson(List.of(new Detection("", "", "cat", seg.locs(), box, codes,
        Optional.empty())), 3, 2);
    assertFalse(noMask.getAsJsonArray("masks").get(0).getAsJsonObject().has("mask"));
  }
}
