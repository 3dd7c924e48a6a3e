package xla4j.nn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import xla4j.array.NdArray;

/**
 * A classifier's logits read on the host: softmax probabilities, the top-k classes with their labels, and a labels
 * file. Plain arithmetic on host arrays, no devices; stateless and safe to call from any thread.
 *
 * <pre>{@code
 * NdArray logits = program.execute(params, Map.of(ViT.IMAGE, images)).get("logits");   // (batch, classes)
 * for (List<Classification.Prediction> top : Classification.topK(logits, 5, Classification.readLabels(file))) {
 *   System.out.println(top.get(0).label() + " " + top.get(0).probability());
 * }
 * }</pre>
 */
public final class Classification {
  private Classification() {}

  /**
   * One predicted class of one example.
   *
   * @param index the class's index along the logits' last axis
   * @param label its name from the labels, or {@code "class INDEX"} without labels
   * @param logit its logit
   * @param probability its softmax probability over all classes of the example
   */
  public record Prediction(int index, String label, double logit, double probability) {}

  /**
   * The softmax of one example's logits, {@code exp(x_i - max) / sum_j exp(x_j - max)}, in double.
   *
   * @throws IllegalArgumentException for no logits, or a logit that is NaN or infinite
   */
  public static double[] softmax(double[] logits) {
    if (logits.length == 0) {
      throw new IllegalArgumentException("softmax requires at least one logit, got none");
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logits.length; i++) {
      if (!Double.isFinite(logits[i])) {
        throw new IllegalArgumentException("softmax requires finite logits, got " + logits[i] + " at class " + i);
      }
      max = Math.max(max, logits[i]);
    }
    double[] p = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp(logits[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  /**
   * The softmax over the last axis of {@code logits} (any rank >= 1, any dtype), as an f64 array of the same shape.
   *
   * @throws IllegalArgumentException for a scalar, an empty last axis, or a logit that is NaN or infinite (naming
   *     its position)
   */
  public static NdArray softmax(NdArray logits) {
    long[] shape = logits.shape();
    if (shape.length == 0 || shape[shape.length - 1] == 0) {
      throw new IllegalArgumentException("softmax requires logits with a non-empty last axis (the classes), got shape "
          + Arrays.toString(shape));
    }
    double[] all = logits.toDoubleArray();
    int classes = Math.toIntExact(shape[shape.length - 1]);
    double[] out = new double[all.length];
    for (int row = 0; row * classes < all.length; row++) {
      double[] p = softmax(row(all, row, classes, "softmax"));
      System.arraycopy(p, 0, out, row * classes, classes);
    }
    return NdArray.of(out, shape);
  }

  /**
   * The {@code k} classes with the largest logits, largest first; equal logits keep the lower index first. A
   * {@code k} above the number of classes gives every class.
   *
   * @param labels one name per class, or empty for {@code "class INDEX"}
   * @throws IllegalArgumentException for {@code k < 1}, labels that are not one per class, no logits, or a logit
   *     that is NaN or infinite
   */
  public static List<Prediction> topK(double[] logits, int k, List<String> labels) {
    checkK(k);
    if (logits.length == 0) {
      throw new IllegalArgumentException("topK requires at least one class, got none");
    }
    checkLabels(labels, logits.length);
    double[] p = softmax(logits);
    Integer[] order = new Integer[logits.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // Arrays.sort on objects is stable, so equal logits stay in index order; '<' and '>' make -0.0 equal to 0.0.
    Arrays.sort(order, (a, b) -> logits[a] > logits[b] ? -1 : logits[a] < logits[b] ? 1 : 0);
    List<Prediction> out = new ArrayList<>();
    for (int r = 0; r < Math.min(k, order.length); r++) {
      int c = order[r];
      out.add(new Prediction(c, labels.isEmpty() ? "class " + c : labels.get(c), logits[c], p[c]));
    }
    return List.copyOf(out);
  }

  /**
   * {@link #topK(double[], int, List)} of every example of {@code logits} (batch, classes), in batch order.
   *
   * @throws IllegalArgumentException as the one-example form, or for logits that are not of rank 2
   */
  public static List<List<Prediction>> topK(NdArray logits, int k, List<String> labels) {
    long[] shape = logits.shape();
    if (shape.length != 2) {
      throw new IllegalArgumentException("topK requires logits of rank 2 (batch, classes), got shape "
          + Arrays.toString(shape));
    }
    checkK(k);
    if (shape[1] == 0) {
      throw new IllegalArgumentException("topK requires at least one class, got shape " + Arrays.toString(shape));
    }
    int classes = Math.toIntExact(shape[1]);
    checkLabels(labels, classes);
    double[] all = logits.toDoubleArray();
    List<List<Prediction>> out = new ArrayList<>();
    for (int b = 0; b < shape[0]; b++) {
      out.add(topK(row(all, b, classes, "topK"), k, labels));
    }
    return List.copyOf(out);
  }

  /**
   * Reads class names, one per line (UTF-8; a leading byte-order mark, surrounding spaces and trailing blank lines
   * are dropped), e.g. the 1000 ImageNet class names for a 1000-class head.
   *
   * @throws IOException naming the file (and line) when it cannot be read, is not UTF-8, holds no label or a blank
   *     line between labels
   */
  public static List<String> readLabels(Path file) throws IOException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new IOException("labels file " + file + " is not UTF-8 text (" + e + ")", e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = new ArrayList<>(text.lines().map(String::strip).toList());
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      throw new IOException("labels file " + file + " holds no labels (one per line)");
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        throw new IOException("labels file " + file + " line " + (i + 1) + " is blank; it needs one label per line");
      }
    }
    return List.copyOf(lines);
  }

  private static void checkK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("topK requires k >= 1, got " + k);
    }
  }

  private static void checkLabels(List<String> labels, int classes) {
    if (!labels.isEmpty() && labels.size() != classes) {
      throw new IllegalArgumentException("topK requires one label per class (or none), got " + labels.size()
          + " labels and " + classes + " classes");
    }
  }

  /** Row {@code row} of {@code all}; a bad logit's error names its example. */
  private static double[] row(double[] all, int row, int classes, String op) {
    double[] r = Arrays.copyOfRange(all, row * classes, (row + 1) * classes);
    for (int c = 0; c < classes; c++) {
      if (!Double.isFinite(r[c])) {
        throw new IllegalArgumentException(op + " requires finite logits, got " + r[c] + " at example " + row
            + ", class " + c);
      }
    }
    return r;
  }
}
