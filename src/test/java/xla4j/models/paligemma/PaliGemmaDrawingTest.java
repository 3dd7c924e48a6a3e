package xla4j.models.paligemma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.models.paligemma.PaliGemmaObjects.Box;
import xla4j.models.paligemma.PaliGemmaObjects.Detection;
import xla4j.models.paligemma.PaliGemmaObjects.Mask;

/** {@code --draw}: the PNG has the input image's size, box outlines in the label's colour, masks blended. */
class PaliGemmaDrawingTest {
  static final int GREY = 0x808080;

  static BufferedImage grey(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, GREY);
      }
    }
    return img;
  }

  static int rgb(BufferedImage img, int x, int y) {
    return img.getRGB(x, y) & 0xffffff;
  }

  @Test
  void writesTheImageAtItsSizeWithBoxesAndMasks(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in.png");
    ImageIO.write(grey(80, 60), "png", in.toFile());
    // a detection of rows [30, 50), columns [10, 40); a segmentation of rows [25, 45), columns [50, 75) whose mask is
    // full on its first 20 columns and empty on its last 5 (labels are drawn above the boxes, rows 25 - 15 to 25)
    Detection cat = new Detection("", "", "cat", List.of(0, 0, 0, 0), new Box(30, 10, 50, 40), List.of(),
        Optional.empty());
    Box segBox = new Box(25, 50, 45, 75);
    byte[] levels = new byte[20 * 25];
    for (int y = 0; y < 20; y++) {
      Arrays.fill(levels, y * 25, y * 25 + 20, (byte) 255);
    }
    Detection dog = new Detection("", "", "dog", List.of(0, 0, 0, 0), segBox,
        IntStream.range(0, 16).boxed().toList(), Optional.of(new Mask(segBox, levels)));
    Path out = tmp.resolve("out.png");
    PaliGemmaDrawing.write(in, List.of(cat, dog), out);

    BufferedImage img = ImageIO.read(out.toFile());
    assertEquals(80, img.getWidth());
    assertEquals(60, img.getHeight());
    int blue = PaliGemmaDrawing.COLORS.get(0).getRGB() & 0xffffff;
    int red = PaliGemmaDrawing.COLORS.get(1).getRGB() & 0xffffff;
    // the box's outline: its first and last rows and columns, inside the box
    assertEquals(blue, rgb(img, 25, 49));
    assertEquals(blue, rgb(img, 10, 40));
    assertEquals(blue, rgb(img, 39, 45));
    assertEquals(blue, rgb(img, 11, 45));
    // inside and outside the box, untouched
    assertEquals(GREY, rgb(img, 25, 40));
    assertEquals(GREY, rgb(img, 41, 45));
    assertEquals(GREY, rgb(img, 25, 51));
    // the mask blended half-way: grey 128 and the second colour
    int half = mix(GREY, red);
    assertEquals(half, rgb(img, 60, 35));
    // the mask's empty part keeps the image (away from the outline), and outside every box the image is as read
    assertEquals(GREY, rgb(img, 72, 35));
    assertEquals(GREY, rgb(img, 5, 5));
    assertEquals(GREY, rgb(img, 79, 59));
  }

  static int mix(int under, int over) {
    int out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      int a = (under >> shift) & 0xff;
      int b = (over >> shift) & 0xff;
      out |= (int) Math.round(a * 0.5 + b * 0.5) << shift;
    }
    return out;
  }

  @Test
  void anUnreadableImageIsNamed(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("not-an-image.png");
    Files.writeString(in, "hello");
    Exception e = assertThrows(java.io.IOException.class,
        () -> PaliGemmaDrawing.write(in, List.of(), tmp.resolve("out.png")));
    assertEquals("image " + in + " is not in a format ImageIO can decode (JPEG, PNG, BMP, GIF)", e.getMessage());
  }

  @Test
  void boxesBeyondTheImageAreClipped() {
    Box far = new Box(50, 50, 200, 200);
    Detection d = new Detection("", "", "x", List.of(0, 0, 0, 0), far, IntStream.range(0, 16).boxed().toList(),
        Optional.of(new Mask(far, filled(150 * 150))));
    BufferedImage img = PaliGemmaDrawing.draw(grey(64, 64), List.of(d));
    assertEquals(64, img.getWidth());
    assertNotEquals(GREY, rgb(img, 63, 63));
  }

  static byte[] filled(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) 255);
    return b;
  }
}
