package xla4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.NdArray;

class ImagesTest {
  @TempDir Path dir;

  @Test
  void pngIsResizedBilinearlyAndScaledToMinusOneOne() throws IOException {
    // 2x1 image: red (255,0,0) then blue (0,0,255); resized to 4x4, each row is
    // tf.image.resize bilinear of [255, 0] -> [255, 191.25, 63.75, 0] for red.
    BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, 0xff0000);
    img.setRGB(1, 0, 0x0000ff);
    Path f = dir.resolve("two.png");
    ImageIO.write(img, "png", f.toFile());
    NdArray a = Images.load(f, 4);
    assertArrayEquals(new long[] {4, 4, 3}, a.shape());
    float[] v = a.toFloatArray();
    float[] red = {v[0], v[3], v[6], v[9]};
    float[] blue = {v[2], v[5], v[8], v[11]};
    assertArrayEquals(new float[] {1f, 191.25f / 127.5f - 1, 63.75f / 127.5f - 1, -1f}, red, 1e-6f);
    assertArrayEquals(new float[] {-1f, 63.75f / 127.5f - 1, 191.25f / 127.5f - 1, 1f}, blue, 1e-6f);
    // Rows are identical (the source has one row).
    assertEquals(v[0], v[12 * 3]);
    NdArray batch = Images.loadBatch(List.of(f, f), 4);
    assertArrayEquals(new long[] {2, 4, 4, 3}, batch.shape());
  }

  @Test
  void missingAndUndecodableFilesAreNamed() throws IOException {
    IOException e = assertThrows(IOException.class, () -> Images.load(dir.resolve("none.jpg"), 8));
    assertTrue(e.getMessage().contains("none.jpg"), e.getMessage());
    Path junk = dir.resolve("junk.jpg");
    Files.writeString(junk, "not an image");
    IOException j = assertThrows(IOException.class, () -> Images.load(junk, 8));
    assertTrue(j.getMessage().contains("junk.jpg") && j.getMessage().contains("decode"), j.getMessage());
  }
}
