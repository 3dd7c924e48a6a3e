package xla4j.models.paligemma;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PaliGemma's detection and segmentation outputs: {@code detect cat ; dog} makes the model write, per object, four
 * {@code <locYYYY>} tokens (y1, x1, y2, x2 in 1024 bins) and the label; {@code segment cat} writes the four loc
 * tokens, sixteen {@code <segNNN>} tokens (codes of the mask VQ-VAE, {@link PaliGemmaVae}) and the label; objects
 * are separated by {@code " ; "}.
 *
 * <p>{@link #parse} is the parser of Google's PaliGemma demo ({@code extract_objs} in {@code paligemma_parse.py} of
 * the big-vision/paligemma Hugging Face space, which the PaliGemma demos copy):
 * the regular expression {@code _SEGMENT_DETECT_RE}
 * <pre>  (.*?)&lt;loc(\d{4})&gt;&lt;loc(\d{4})&gt;&lt;loc(\d{4})&gt;&lt;loc(\d{4})&gt;\s*(?:&lt;seg(\d{3})&gt; x16)?\s*([^;&lt;&gt;]+)? ?(?:; )?</pre>
 * matched again and again at the start of the remaining text, until it no longer matches (the rest is returned as
 * is); Python's {@code re} semantics are kept: {@code \s} and {@code \d} are Unicode's, {@code .} stops only at
 * {@code '\n'}. A box is {@code round(loc / 1024 * size)} per coordinate with Python's {@code round} (half to even),
 * for the image the caller names (the demo passes the original image's size). One deliberate difference: the
 * reference keeps the space before {@code " ; "} in the name ({@code "cat "}); {@link Detection#label} is the name
 * with surrounding whitespace stripped ({@code ""} when there is none), and {@link Detection#content} keeps the
 * matched text verbatim.
 *
 * <p>{@link #toJson} is what the CLI prints:
 * <pre>{@code
 * {"width": W, "height": H,
 *  "boxes": [{"label": "cat", "y1": 47, "x1": 125, "y2": 287, "x2": 500}, ...],          // every object
 *  "masks": [{"label": "cat", "box": {"y1": .., "x1": .., "y2": .., "x2": ..},          // objects with seg codes
 *             "codes": [16 ints],
 *             "mask": {"size": [H, W], "counts": [z0, o1, z2, ...]}}, ...]}               // when decoded
 * }</pre>
 * Pixel boxes are in the image's pixels, rows {@code [y1, y2)} and columns {@code [x1, x2)} (end exclusive, as the
 * demo slices {@code mask[y1:y2, x1:x2]}). {@code "mask"} is the binary mask at image size (a pixel is in when the
 * demo's soft mask is above 0.5, i.e. its uint8 level is at least 128) as COCO's uncompressed run-length encoding:
 * run lengths over the pixels in column-major order, starting with a run of 0s (possibly empty) and alternating, so
 * {@code pycocotools.mask.frPyObjects(rle, H, W)} reads it; it is absent when the codes were not decoded (no VAE,
 * or codes beyond the codebook). Run lengths keep the JSON small at any image size and are the format detection
 * tools already read; the soft mask itself is drawn by {@link PaliGemmaDrawing}.
 *
 * <p>Stateless and thread-safe.
 */
public final class PaliGemmaObjects {
  static final Logger LOG = LoggerFactory.getLogger("xla4j.models.paligemma");

  /** Coordinate bins of a {@code <locYYYY>} token: value / 1024 is the fraction of the image side. */
  public static final int LOC_BINS = 1024;

  /** Codes per segmentation mask ({@code <segNNN>} tokens). */
  public static final int NUM_CODES = PaliGemmaVae.NUM_CODES;

  /** Python's {@code \s} in a {@code str} pattern: the characters {@code str.isspace()} accepts. */
  private static final String WS =
      "[\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]";
  /** Python's {@code \d} in a {@code str} pattern: Unicode decimal digits. */
  private static final String DIGIT = "\\p{Nd}";

  /** {@code _SEGMENT_DETECT_RE}; UNIX_LINES makes {@code .} stop only at {@code '\n'}, as Python's does. */
  private static final Pattern SEGMENT_DETECT_RE = Pattern.compile("(.*?)"
      + ("<loc(" + DIGIT + "{4})>").repeat(4) + WS + "*"
      + "(?:" + ("<seg(" + DIGIT + "{3})>").repeat(NUM_CODES) + ")?"
      + WS + "*([^;<>]+)? ?(?:; )?", Pattern.UNIX_LINES);
  private static final Pattern STRIP = Pattern.compile("^" + WS + "+|" + WS + "+$");

  private PaliGemmaObjects() {}

  /** A box in pixels: rows {@code [y1, y2)}, columns {@code [x1, x2)}; empty when {@code y2 <= y1 || x2 <= x1}. */
  public record Box(int y1, int x1, int y2, int x2) {
    /** True when the box holds no pixel (the demo then leaves the mask empty). */
    public boolean isEmpty() {
      return y2 <= y1 || x2 <= x1;
    }

    /** Rows of the box (0 when empty). */
    public int height() {
      return Math.max(y2 - y1, 0);
    }

    /** Columns of the box (0 when empty). */
    public int width() {
      return Math.max(x2 - x1, 0);
    }
  }

  /**
   * A mask over its object's box, as the demo makes it: {@code levels} are uint8 values (0..255, stored as bytes),
   * row-major over {@code box.height() x box.width()}; the demo's soft mask is {@code level / 255} inside the box and
   * 0 outside. A box reaching beyond the image (a {@code <locYYYY>} above 1023) keeps its full size here; {@link
   * #toRle} and the drawing clip it to the image.
   */
  public record Mask(Box box, byte[] levels) {
    /** Checks that {@code levels} fill the box; copies them. */
    public Mask {
      if (levels.length != (long) box.height() * box.width()) {
        throw new IllegalArgumentException("mask requires box.height() * box.width() levels, got " + levels.length
            + " for " + box);
      }
      levels = levels.clone();
    }

    @Override
    public byte[] levels() {
      return levels.clone();
    }

    /** The uint8 level at image pixel (y, x), 0 outside the box. */
    public int level(int y, int x) {
      if (y < box.y1() || y >= box.y2() || x < box.x1() || x >= box.x2()) {
        return 0;
      }
      return levels[(y - box.y1()) * box.width() + (x - box.x1())] & 0xff;
    }

    /**
     * COCO's uncompressed RLE of the binary mask {@code level >= 128} over a {@code height x width} image:
     * column-major run lengths, the first of 0s.
     */
    public long[] toRle(int width, int height) {
      checkImageSize(width, height);
      List<Long> runs = new ArrayList<>();
      boolean on = false;
      long run = 0;
      for (int x = 0; x < width; x++) {
        for (int y = 0; y < height; y++) {
          boolean v = level(y, x) >= 128;
          if (v != on) {
            runs.add(run);
            run = 0;
            on = v;
          }
          run++;
        }
      }
      runs.add(run);
      return runs.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Mask m && box.equals(m.box) && java.util.Arrays.equals(levels, m.levels);
    }

    @Override
    public int hashCode() {
      return 31 * box.hashCode() + java.util.Arrays.hashCode(levels);
    }

    @Override
    public String toString() {
      return "Mask(" + box + ")";
    }
  }

  /**
   * One object of the output.
   *
   * @param before text between the previous object (or the start) and this object's loc tokens, usually empty
   * @param content the matched text from the first loc token to the separator, verbatim
   * @param label the name after the tokens with surrounding whitespace stripped, {@code ""} when there is none
   * @param locs the four {@code <locYYYY>} values (y1, x1, y2, x2), 0..9999 as written (the model writes 0..1023)
   * @param box the pixel box for the image size given to {@link #parse}
   * @param codes the sixteen {@code <segNNN>} values (0..999 as written), or empty for a detection
   * @param mask the decoded mask, when {@link #withMasks} decoded the codes
   */
  public record Detection(String before, String content, String label, List<Integer> locs, Box box,
      List<Integer> codes, Optional<Mask> mask) {
    /** Checks the counts (4 locs; 0 or 16 codes; a mask only with codes, on the same box) and copies the lists. */
    public Detection {
      locs = List.copyOf(locs);
      codes = List.copyOf(codes);
      if (locs.size() != 4) {
        throw new IllegalArgumentException("detection requires 4 locs (y1, x1, y2, x2), got " + locs);
      }
      if (!codes.isEmpty() && codes.size() != NUM_CODES) {
        throw new IllegalArgumentException("detection requires 0 or " + NUM_CODES + " codes, got " + codes.size());
      }
      if (mask.isPresent() && (codes.isEmpty() || !mask.get().box().equals(box))) {
        throw new IllegalArgumentException("detection requires a mask only with codes and on the detection's box "
            + box + ", got " + mask.get().box() + " with " + codes.size() + " codes");
      }
    }

    /** True for a segmentation (sixteen seg codes). */
    public boolean hasCodes() {
      return !codes.isEmpty();
    }

    /** The codes as an array (empty for a detection). */
    public int[] codeArray() {
      return codes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** This object with {@code m} as its mask. */
    public Detection withMask(Mask m) {
      return new Detection(before, content, label, locs, box, codes, Optional.of(m));
    }
  }

  /** The objects in order, and the text after the last one that the pattern did not match (often empty). */
  public record Parsed(List<Detection> objects, String rest) {
    /** Copies the list. */
    public Parsed {
      objects = List.copyOf(objects);
    }
  }

  /**
   * Parses a decoded output (the generated text, after the prompt) for an image of {@code width x height} pixels, as
   * the demo's {@code extract_objs}: stops at the first place the pattern does not match, such as a partial loc token
   * or a newline before the next object.
   *
   * @throws IllegalArgumentException for a width or height below 1
   */
  public static Parsed parse(String text, int width, int height) {
    checkImageSize(width, height);
    List<Detection> objects = new ArrayList<>();
    String rest = text;
    while (!rest.isEmpty()) {
      Matcher m = SEGMENT_DETECT_RE.matcher(rest);
      if (!m.lookingAt()) {
        break;
      }
      String before = m.group(1);
      List<Integer> locs = new ArrayList<>();
      for (int g = 2; g < 6; g++) {
        locs.add(Integer.parseInt(m.group(g)));
      }
      List<Integer> codes = new ArrayList<>();
      if (m.group(6) != null) {
        for (int g = 6; g < 6 + NUM_CODES; g++) {
          codes.add(Integer.parseInt(m.group(g)));
        }
      }
      String name = m.group(6 + NUM_CODES);
      String label = name == null ? "" : STRIP.matcher(name).replaceAll("");
      objects.add(new Detection(before, m.group().substring(before.length()), label, locs, box(locs, width, height),
          codes, Optional.empty()));
      rest = rest.substring(m.end());
    }
    return new Parsed(objects, rest);
  }

  /**
   * The demo's pixel box of loc values (y1, x1, y2, x2): {@code round(loc / 1024 * size)}, rounding half to even as
   * Python's {@code round} does ({@code <loc0512>} on 5 pixels is 2, on 7 pixels 4).
   */
  public static Box box(List<Integer> locs, int width, int height) {
    checkImageSize(width, height);
    if (locs.size() != 4) {
      throw new IllegalArgumentException("box requires 4 locs (y1, x1, y2, x2), got " + locs);
    }
    return new Box(scale(locs.get(0), height), scale(locs.get(1), width), scale(locs.get(2), height),
        scale(locs.get(3), width));
  }

  private static int scale(int loc, int size) {
    return (int) Math.rint((double) loc / LOC_BINS * size);
  }

  /**
   * Decodes the masks of every object with codes in one batch through {@code vae} ({@link PaliGemmaVae#masks}).
   * Objects whose codes fall outside the codebook (the pattern accepts {@code <seg999>}) keep no mask, with a WARN on
   * logger {@code xla4j.models.paligemma}: big_vision's evaluator counts such predictions as invalid, the demo would
   * decode them to NaN.
   */
  public static List<Detection> withMasks(List<Detection> objects, PaliGemmaVae vae) {
    List<int[]> codes = new ArrayList<>();
    List<Box> boxes = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      Detection d = objects.get(i);
      if (!d.hasCodes()) {
        continue;
      }
      int[] c = d.codeArray();
      if (java.util.Arrays.stream(c).anyMatch(v -> v >= vae.config().numEmbeddings())) {
        LOG.warn("object {} ('{}'): seg codes {} beyond the codebook of {} entries; no mask", i, d.label(),
            d.codes(), vae.config().numEmbeddings());
        continue;
      }
      codes.add(c);
      boxes.add(d.box());
      at.add(i);
    }
    List<Detection> out = new ArrayList<>(objects);
    if (codes.isEmpty()) {
      return out;
    }
    List<Mask> masks = vae.masks(codes.toArray(new int[0][]), boxes);
    for (int k = 0; k < at.size(); k++) {
      out.set(at.get(k), out.get(at.get(k)).withMask(masks.get(k)));
    }
    return out;
  }

  /** The JSON of the class comment for objects of an image of {@code width x height} pixels. */
  public static JsonObject toJson(List<Detection> objects, int width, int height) {
    checkImageSize(width, height);
    JsonObject o = new JsonObject();
    o.addProperty("width", width);
    o.addProperty("height", height);
    JsonArray boxes = new JsonArray();
    JsonArray masks = new JsonArray();
    for (Detection d : objects) {
      JsonObject b = boxJson(d.box());
      JsonObject labelled = new JsonObject();
      labelled.addProperty("label", d.label());
      b.entrySet().forEach(e -> labelled.add(e.getKey(), e.getValue()));
      boxes.add(labelled);
      if (!d.hasCodes()) {
        continue;
      }
      JsonObject m = new JsonObject();
      m.addProperty("label", d.label());
      m.add("box", boxJson(d.box()));
      JsonArray codes = new JsonArray();
      d.codes().forEach(codes::add);
      m.add("codes", codes);
      d.mask().ifPresent(mask -> {
        JsonObject rle = new JsonObject();
        JsonArray size = new JsonArray();
        size.add(height);
        size.add(width);
        rle.add("size", size);
        JsonArray counts = new JsonArray();
        for (long c : mask.toRle(width, height)) {
          counts.add(c);
        }
        rle.add("counts", counts);
        m.add("mask", rle);
      });
      masks.add(m);
    }
    o.add("boxes", boxes);
    o.add("masks", masks);
    return o;
  }

  private static JsonObject boxJson(Box b) {
    JsonObject o = new JsonObject();
    o.addProperty("y1", b.y1());
    o.addProperty("x1", b.x1());
    o.addProperty("y2", b.y2());
    o.addProperty("x2", b.x2());
    return o;
  }

  static void checkImageSize(int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image size requires width and height >= 1, got " + width + "x" + height);
    }
  }
}
