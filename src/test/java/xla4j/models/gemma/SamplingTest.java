package xla4j.models.gemma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Host-side token choice: hand-computed filtered distributions, and their empirical frequencies. */
class SamplingTest {
  static Sampling of(double t, Integer k, Double p, long seed) {
    return new Sampling(OptionalDouble.of(t), k == null ? OptionalInt.empty() : OptionalInt.of(k),
        p == null ? OptionalDouble.empty() : OptionalDouble.of(p), seed);
  }

  static double[] frequencies(Sampling s, float[] logits, int n) {
    SplittableRandom rng = s.newRandom();
    double[] f = new double[logits.length];
    for (int i = 0; i < n; i++) {
      f[s.choose(logits, rng)] += 1.0 / n;
    }
    return f;
  }

  @Test
  void greedyTakesTheFirstMaximum() {
    assertEquals(1, Sampling.argmax(new float[] {0, 3, 3, -1}));
    assertEquals(1, Sampling.greedy().choose(new float[] {0, 3, 3, -1}, null));
  }

  @Test
  void orderIsDescendingLogitThenAscendingId() {
    assertArrayEquals(new int[] {2, 4, 0, 3, 1}, Sampling.descending(new float[] {0.5f, -2f, 3f, -0f, 0.5f + 1f}));
    assertArrayEquals(new int[] {1, 2, 0}, Sampling.descending(new float[] {-1f, 0f, 0f}));
  }

  @Test
  void temperatureSamplesTheSoftmax() {
    // logits ln(1), ln(2), ln(3), ln(4) at T = 1: probabilities 0.1, 0.2, 0.3, 0.4
    float[] l = {0f, (float) Math.log(2), (float) Math.log(3), (float) Math.log(4)};
    double[] f = frequencies(of(1, null, null, 3), l, 200_000);
    double[] want = {0.1, 0.2, 0.3, 0.4};
    for (int i = 0; i < 4; i++) {
      assertEquals(want[i], f[i], 0.005, "token " + i);
    }
    // T = 0.5 squares the odds: 1, 4, 9, 16 over 30
    f = frequencies(of(0.5, null, null, 4), l, 200_000);
    for (int i = 0; i < 4; i++) {
      assertEquals((i + 1) * (i + 1) / 30.0, f[i], 0.005, "token " + i);
    }
  }

  @Test
  void topKAndTopPRenormaliseOverTheKeptTokens() {
    float[] l = {0f, (float) Math.log(2), (float) Math.log(3), (float) Math.log(4)};
    // top-k 2: tokens 3 and 2 with 4/7 and 3/7
    double[] f = frequencies(of(1, 2, null, 5), l, 100_000);
    assertEquals(0, f[0] + f[1]);
    assertEquals(4 / 7.0, f[3], 0.006);
    // top-p 0.6: 0.4 < 0.6, 0.4 + 0.3 >= 0.6 -> tokens 3 and 2 again; top-p 0.35 -> token 3 alone
    f = frequencies(of(1, null, 0.6, 6), l, 100_000);
    assertEquals(0, f[0] + f[1]);
    assertEquals(4 / 7.0, f[3], 0.006);
    assertEquals(1.0, frequencies(of(1, null, 0.35, 7), l, 1000)[3], 1e-12);
    // top-k keeps every token tied with the k-th
    f = frequencies(of(1, 1, null, 8), new float[] {1f, 2f, 2f, 0f}, 10_000);
    assertTrue(f[1] > 0.45 && f[2] > 0.45, java.util.Arrays.toString(f));
  }

  @Test
  void theSameSeedGivesTheSameTokens() {
    float[] l = new float[1000];
    for (int i = 0; i < l.length; i++) {
      l[i] = (float) Math.sin(i * 0.37);
    }
    Sampling s = of(2, 50, 0.9, 42);
    SplittableRandom a = s.newRandom();
    SplittableRandom b = s.newRandom();
    for (int i = 0; i < 100; i++) {
      assertEquals(s.choose(l, a), s.choose(l, b));
    }
  }

  @Test
  void badSettingsAreRefused() {
    assertEquals("sampling requires temperature > 0, got 0.0",
        assertThrows(IllegalArgumentException.class, () -> of(0, null, null, 1)).getMessage());
    assertEquals("sampling requires top_k >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> of(1, 0, null, 1)).getMessage());
    assertEquals("sampling requires 0 < top_p <= 1, got 0.0",
        assertThrows(IllegalArgumentException.class, () -> of(1, null, 0.0, 1)).getMessage());
  }
}
