package xla4j.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import xla4j.array.NdArray;
import xla4j.array.Resampling;

/**
 * Images to model inputs as big_vision's evaluation pipeline prepares them ({@code decode|resize(S)|
 * value_range(-1, 1)}): decoded with the JDK's ImageIO (JPEG, PNG, BMP, GIF), resized to S×S with
 * {@code tf.image.resize}'s bilinear rule, RGB values mapped from [0, 255] to [-1, 1], NHWC float32.
 *
 * <p>Stateless and thread-safe.
 */
public final class Images {
  private Images() {}

  /** One image as (size, size, 3). */
  public static NdArray load(Path file, int size) throws IOException {
    if (size < 1) {
      throw new IllegalArgumentException("image size must be >= 1, got " + size);
    }
    BufferedImage img = read(file);
    int w = img.getWidth();
    int h = img.getHeight();
    int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
    float[] rgb = new float[h * w * 3];
    for (int i = 0; i < argb.length; i++) {
      int p = argb[i];
      rgb[3 * i] = (p >> 16) & 0xff;
      rgb[3 * i + 1] = (p >> 8) & 0xff;
      rgb[3 * i + 2] = p & 0xff;
    }
    float[] resized = Resampling.apply2d(rgb, h, w, 3, Resampling.halfPixelBilinear(size, h),
        Resampling.halfPixelBilinear(size, w));
    for (int i = 0; i < resized.length; i++) {
      resized[i] = resized[i] / 127.5f - 1f;
    }
    return NdArray.of(resized, size, size, 3);
  }

  /**
   * Decodes an image file with the JDK's ImageIO.
   *
   * @throws IOException naming the file when it is missing, unreadable or in a format ImageIO cannot decode
   */
  public static BufferedImage read(Path file) throws IOException {
    if (!Files.isReadable(file)) {
      throw new IOException("image " + file + " does not exist or is not readable");
    }
    BufferedImage img;
    try {
      img = ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new IOException("image " + file + " could not be decoded: " + e.getMessage(), e);
    }
    if (img == null) {
      throw new IOException("image " + file + " is not in a format ImageIO can decode (JPEG, PNG, BMP, GIF)");
    }
    return img;
  }

  /** The {height, width} of an image file, read from its header. */
  public static int[] size(Path file) throws IOException {
    if (!Files.isReadable(file)) {
      throw new IOException("image " + file + " does not exist or is not readable");
    }
    try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IOException("image " + file + " is not in a format ImageIO can decode (JPEG, PNG, BMP, GIF)");
      }
      javax.imageio.ImageReader r = readers.next();
      try {
        r.setInput(in);
        return new int[] {r.getHeight(0), r.getWidth(0)};
      } finally {
        r.dispose();
      }
    }
  }

  /** A batch (n, size, size, 3) of the given files. */
  public static NdArray loadBatch(List<Path> files, int size) throws IOException {
    float[] all = new float[files.size() * size * size * 3];
    int at = 0;
    for (Path f : files) {
      float[] one = load(f, size).toFloatArray();
      System.arraycopy(one, 0, all, at, one.length);
      at += one.length;
    }
    return NdArray.of(all, files.size(), size, size, 3);
  }
}
