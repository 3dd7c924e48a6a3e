package xla4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.nn.Classification.Prediction;

/** Softmax, top-k and labels against values worked out by hand. */
class ClassificationTest {
  static final double LN2 = Math.log(2);
  static final double LN3 = Math.log(3);
  static final double LN5 = Math.log(5);

  @TempDir Path dir;

  @Test
  void softmaxOfLogsIsTheNormalisedNumbers() {
    // exp(ln 1, ln 2, ln 5) = (1, 2, 5), sum 8
    assertArrayEquals(new double[] {0.125, 0.25, 0.625}, Classification.softmax(new double[] {0, LN2, LN5}), 1e-15);
    assertArrayEquals(new double[] {1.0}, Classification.softmax(new double[] {-7.5}), 0);
  }

  @Test
  void softmaxSubtractsTheMaximumSoHugeLogitsDoNotOverflow() {
    // exp(1000) overflows a double: only exp(x - max) = (1, 3) / 4 gives the answer
    assertArrayEquals(new double[] {0.25, 0.75}, Classification.softmax(new double[] {1000, 1000 + LN3}), 1e-12);
    assertArrayEquals(new double[] {0.5, 0.5}, Classification.softmax(new double[] {-1000, -1000}), 0);
    // (1, e^-800) / (1 + e^-800): the small one underflows to 0 rather than making NaN
    assertArrayEquals(new double[] {1.0, 0.0}, Classification.softmax(new double[] {400, -400}), 0);
  }

  @Test
  void softmaxOfAnArrayWorksRowByRowInF64() {
    NdArray logits = NdArray.of(new float[] {0, (float) LN3, 5, 5}, 2, 2);
    NdArray p = Classification.softmax(logits);
    assertEquals(DType.F64, p.dtype());
    assertArrayEquals(new long[] {2, 2}, p.shape());
    // row 0: (1, 3) / 4 up to the rounding of ln 3 to float; row 1: equal logits
    assertArrayEquals(new double[] {0.25, 0.75, 0.5, 0.5}, p.toDoubleArray(), 1e-7);
  }

  @Test
  void topKIsLargestFirstWithProbabilitiesAndLabels() {
    List<Prediction> top = Classification.topK(new double[] {0, LN2, LN5}, 2, List.of("cat", "dog", "bird"));
    assertEquals(2, top.size());
    assertPrediction(new Prediction(2, "bird", LN5, 0.625), top.get(0));
    assertPrediction(new Prediction(1, "dog", LN2, 0.25), top.get(1));
    // without labels, classes are named by index
    assertEquals("class 2", Classification.topK(new double[] {0, LN2, LN5}, 1, List.of()).get(0).label());
  }

  @Test
  void tiesKeepTheLowerIndexFirst() {
    double[] logits = {2, 5, 5, 1, 5, -0.0, 0.0};
    assertEquals(List.of(1, 2, 4), indices(Classification.topK(logits, 3, List.of())));
    // -0.0 (index 5) and 0.0 (index 6) are equal logits too
    assertEquals(List.of(1, 2, 4, 0, 3, 5, 6), indices(Classification.topK(logits, 7, List.of())));
    // (Double.compare would rank 0.0 above -0.0)
    assertEquals(List.of(0, 1), indices(Classification.topK(new double[] {-0.0, 0.0}, 2, List.of())));
  }

  @Test
  void kAboveTheClassesGivesEveryClass() {
    List<Prediction> all = Classification.topK(new double[] {3, 1, 2}, 10, List.of());
    assertEquals(List.of(0, 2, 1), indices(all));
  }

  @Test
  void kBelowOneIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Classification.topK(new double[] {1, 2}, 0, List.of()));
    assertEquals("topK requires k >= 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Classification.topK(NdArray.of(new float[] {1, 2}, 1, 2), -3, List.of()));
    assertEquals("topK requires k >= 1, got -3", e.getMessage());
  }

  @Test
  void labelsMustBeOnePerClass() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Classification.topK(new double[] {1, 2, 3}, 1, List.of("cat", "dog")));
    assertEquals("topK requires one label per class (or none), got 2 labels and 3 classes", e.getMessage());
  }

  @Test
  void nonFiniteLogitsAreAnErrorNamingTheirPlace() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Classification.softmax(new double[] {1, Double.NaN}));
    assertEquals("softmax requires finite logits, got NaN at class 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Classification.topK(NdArray.of(new float[] {1, 2, 3, Float.POSITIVE_INFINITY}, 2, 2), 1, List.of()));
    assertEquals("topK requires finite logits, got Infinity at example 1, class 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Classification.softmax(new double[0]));
    assertEquals("softmax requires at least one logit, got none", e.getMessage());
  }

  @Test
  void batchTopKIsPerExampleInBatchOrderFromAnyFloatDtype() {
    // bf16 holds 1, 2, 4 and 0.5 exactly
    NdArray logits = NdArray.of(new float[] {1, 4, 2, 0.5f, 0.5f, 2}, 2, 3).astype(DType.BF16);
    List<List<Prediction>> top = Classification.topK(logits, 2, List.of("a", "b", "c"));
    assertEquals(2, top.size());
    assertEquals(List.of(1, 2), indices(top.get(0)));
    assertEquals(List.of(2, 0), indices(top.get(1)));
    assertEquals("c", top.get(1).get(0).label());
    assertEquals(2.0, top.get(1).get(0).logit(), 0);
    // row 1: exp(0.5, 0.5, 2) / sum; p(class 2) = 1 / (1 + 2 e^-1.5)
    assertEquals(1 / (1 + 2 * Math.exp(-1.5)), top.get(1).get(0).probability(), 1e-15);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Classification.topK(NdArray.of(new float[] {1, 2, 3}, 3), 1, List.of()));
    assertEquals("topK requires logits of rank 2 (batch, classes), got shape [3]", e.getMessage());
  }

  @Test
  void labelsAreReadOnePerLine() throws IOException {
    Path f = dir.resolve("labels.txt");
    // a byte-order mark, CRLF line ends, spaces around a name, trailing blank lines, non-ASCII names
    Files.write(f, "\uFEFFtench\r\n  goldfish \r\nweiße Hai\n\n\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("tench", "goldfish", "weiße Hai"), Classification.readLabels(f));
  }

  @Test
  void badLabelsFilesAreErrorsNamingTheFile() throws IOException {
    Path blank = dir.resolve("blank.txt");
    Files.writeString(blank, "cat\n\ndog\n");
    IOException e = assertThrows(IOException.class, () -> Classification.readLabels(blank));
    assertEquals("labels file " + blank + " line 2 is blank; it needs one label per line", e.getMessage());
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "\n \n");
    e = assertThrows(IOException.class, () -> Classification.readLabels(empty));
    assertEquals("labels file " + empty + " holds no labels (one per line)", e.getMessage());
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xe9, '\n'});
    e = assertThrows(IOException.class, () -> Classification.readLabels(latin1));
    assertEquals(true, e.getMessage().startsWith("labels file " + latin1 + " is not UTF-8 text"), e.getMessage());
    Path missing = dir.resolve("missing.txt");
    e = assertThrows(NoSuchFileException.class, () -> Classification.readLabels(missing));
    assertEquals(missing.toString(), e.getMessage());
  }

  private static void assertPrediction(Prediction want, Prediction got) {
    assertEquals(want.index(), got.index());
    assertEquals(want.label(), got.label());
    assertEquals(want.logit(), got.logit(), 0);
    assertEquals(want.probability(), got.probability(), 1e-15);
  }

  private static List<Integer> indices(List<Prediction> ps) {
    return ps.stream().map(Prediction::index).toList();
  }
}
