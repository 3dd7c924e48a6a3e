package xla4j.models.paligemma;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import xla4j.models.paligemma.PaliGemmaObjects.Box;
import xla4j.models.paligemma.PaliGemmaObjects.Detection;
import xla4j.models.paligemma.PaliGemmaObjects.Mask;

/**
 * Draws parsed objects over their image ({@code --draw out.png}), as the demo shows them: the image at its
 * <em>original</em> size (the boxes and masks are in its pixels, since {@link PaliGemmaObjects#parse} is given the
 * original width and height, as the demo's {@code extract_objs} is), each object's soft mask blended in its label's
 * colour (alpha {@value #MASK_ALPHA} times the mask value), its box outlined {@value #LINE} pixels wide inside the
 * box, and its label on a filled tag at the box's top-left corner. Colours are the demo's five, given to labels in
 * order of first appearance. Boxes and masks reaching beyond the image are clipped.
 *
 * <p>Stateless and thread-safe.
 */
public final class PaliGemmaDrawing {
  /** The demo's colours ({@code COLORS} of the big-vision/paligemma space). */
  public static final List<Color> COLORS = List.of(new Color(0x4285f4), new Color(0xdb4437), new Color(0xf4b400),
      new Color(0x0f9d58), new Color(0xe48ef1));

  /** Opacity of a mask where its value is 1. */
  public static final double MASK_ALPHA = 0.5;

  /** Width of a box's outline in pixels. */
  public static final int LINE = 2;

  private PaliGemmaDrawing() {}

  /** A copy of {@code image} (ARGB, same size) with {@code objects} drawn over it. */
  public static BufferedImage draw(BufferedImage image, List<Detection> objects) {
    int w = image.getWidth();
    int h = image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    Map<String, Color> colors = new LinkedHashMap<>();
    for (Detection d : objects) {
      colors.computeIfAbsent(d.label(), k -> COLORS.get(colors.size() % COLORS.size()));
    }
    for (Detection d : objects) {
      d.mask().ifPresent(m -> blend(out, m, colors.get(d.label())));
    }
    g = out.createGraphics();
    try {
      for (Detection d : objects) {
        Color c = colors.get(d.label());
        Box b = d.box();
        if (!b.isEmpty()) {
          g.setColor(c);
          g.setStroke(new BasicStroke(LINE));
          // a stroke of width LINE centred on the rectangle (x + 1, y + 1, w - 2, h - 2) covers the box's border
          g.drawRect(b.x1() + LINE / 2, b.y1() + LINE / 2, b.width() - LINE, b.height() - LINE);
        }
      }
      drawLabels(g, objects, colors);
    } finally {
      g.dispose();
    }
    return out;
  }

  /**
   * Reads {@code image} (any format ImageIO decodes), draws {@code objects} over it and writes {@code png}.
   *
   * @throws IOException naming the file that could not be read, decoded or written
   */
  public static void write(Path image, List<Detection> objects, Path png) throws IOException {
    write(draw(xla4j.io.Images.read(image), objects), png);
  }

  /** Writes {@code image} as a PNG file. */
  public static void write(BufferedImage image, Path png) throws IOException {
    try (var out = Files.newOutputStream(png)) {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer for " + png);
      }
    } catch (IOException e) {
      throw new IOException("could not write " + png + ": " + e.getMessage(), e);
    }
  }

  private static void blend(BufferedImage img, Mask m, Color c) {
    Box b = m.box();
    int y0 = Math.max(b.y1(), 0);
    int y1 = Math.min(b.y2(), img.getHeight());
    int x0 = Math.max(b.x1(), 0);
    int x1 = Math.min(b.x2(), img.getWidth());
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        double a = MASK_ALPHA * m.level(y, x) / 255.0;
        if (a == 0) {
          continue;
        }
        int p = img.getRGB(x, y);
        int r = mix((p >> 16) & 0xff, c.getRed(), a);
        int gr = mix((p >> 8) & 0xff, c.getGreen(), a);
        int bl = mix(p & 0xff, c.getBlue(), a);
        img.setRGB(x, y, (p & 0xff000000) | (r << 16) | (gr << 8) | bl);
      }
    }
  }

  private static int mix(int under, int over, double a) {
    return (int) Math.round(under * (1 - a) + over * a);
  }

  /** Labels on filled tags; skipped (with a WARN) where the JDK has no usable font, as in bare containers. */
  private static void drawLabels(Graphics2D g, List<Detection> objects, Map<String, Color> colors) {
    try {
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      FontMetrics fm = g.getFontMetrics();
      for (Detection d : objects) {
        if (d.label().isEmpty() || d.box().isEmpty()) {
          continue;
        }
        Box b = d.box();
        int tw = fm.stringWidth(d.label()) + 4;
        int th = fm.getHeight();
        int top = b.y1() >= th ? b.y1() - th : b.y1();
        g.setColor(colors.get(d.label()));
        g.fillRect(b.x1(), top, tw, th);
        g.setColor(Color.WHITE);
        g.drawString(d.label(), b.x1() + 2, top + fm.getAscent());
      }
    } catch (RuntimeException | InternalError e) {
      PaliGemmaObjects.LOG.warn("labels not drawn: no usable font ({})", e.toString());
    }
  }
}
