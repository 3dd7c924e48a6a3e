package xla4j.models.gemma;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * How the next token is chosen from the final logits, on the host: greedy (argmax; the lowest id on ties, as
 * {@code jnp.argmax}), or sampled at a temperature, optionally restricted to the top k tokens and then to the
 * smallest set whose probability reaches top p (nucleus), in that order (as Hugging Face's logits warpers). Sampling
 * draws from a {@link SplittableRandom} seeded with {@code seed}: the same seed gives the same tokens.
 *
 * @param temperature empty for greedy
 * @param topK keep the k most likely tokens (ties at the k-th logit are all kept)
 * @param topP keep the most likely tokens whose cumulative probability first reaches p
 * @param seed the random seed
 */
public record Sampling(OptionalDouble temperature, OptionalInt topK, OptionalDouble topP, long seed) {
  public Sampling {
    if (temperature.isPresent() && !(temperature.getAsDouble() > 0)) {
      throw new IllegalArgumentException("sampling requires temperature > 0, got " + temperature.getAsDouble());
    }
    if (topK.isPresent() && topK.getAsInt() < 1) {
      throw new IllegalArgumentException("sampling requires top_k >= 1, got " + topK.getAsInt());
    }
    if (topP.isPresent() && !(topP.getAsDouble() > 0 && topP.getAsDouble() <= 1)) {
      throw new IllegalArgumentException("sampling requires 0 < top_p <= 1, got " + topP.getAsDouble());
    }
    if (temperature.isEmpty() && (topK.isPresent() || topP.isPresent())) {
      throw new IllegalArgumentException("top_k and top_p need a temperature (sampling), not greedy decoding");
    }
  }

  /** Greedy decoding. */
  public static Sampling greedy() {
    return new Sampling(OptionalDouble.empty(), OptionalInt.empty(), OptionalDouble.empty(), 0);
  }

  /** Sampling at {@code temperature} with {@code seed}, no top-k or top-p. */
  public static Sampling temperature(double temperature, long seed) {
    return new Sampling(OptionalDouble.of(temperature), OptionalInt.empty(), OptionalDouble.empty(), seed);
  }

  /** Whether this is greedy decoding. */
  public boolean isGreedy() {
    return temperature.isEmpty();
  }

  /** A sampler's random stream (one per generation). */
  public SplittableRandom newRandom() {
    return new SplittableRandom(seed);
  }

  /** The index of the largest logit (the first on ties). */
  public static int argmax(float[] logits) {
    int best = 0;
    for (int i = 1; i < logits.length; i++) {
      if (logits[i] > logits[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Chooses the next token from one row of logits, drawing from {@code rng} unless greedy. */
  public int choose(float[] logits, SplittableRandom rng) {
    if (isGreedy()) {
      return argmax(logits);
    }
    int v = logits.length;
    double t = temperature.getAsDouble();
    int[] order = descending(logits);
    int keep = v;
    if (topK.isPresent() && topK.getAsInt() < v) {
      float kth = logits[order[topK.getAsInt() - 1]];
      keep = topK.getAsInt();
      while (keep < v && logits[order[keep]] == kth) {
        keep++;
      }
    }
    double max = logits[order[0]] / t;
    double[] p = new double[keep];
    double sum = 0;
    for (int i = 0; i < keep; i++) {
      p[i] = Math.exp(logits[order[i]] / t - max);
      sum += p[i];
    }
    if (topP.isPresent()) {
      double cum = 0;
      int n = 0;
      while (n < keep) {
        cum += p[n] / sum;
        n++;
        if (cum >= topP.getAsDouble()) {
          break;
        }
      }
      keep = n;
      sum = 0;
      for (int i = 0; i < keep; i++) {
        sum += p[i];
      }
    }
    double u = rng.nextDouble() * sum;
    double acc = 0;
    for (int i = 0; i < keep; i++) {
      acc += p[i];
      if (u < acc) {
        return order[i];
      }
    }
    return order[keep - 1];
  }

  /**
   * Token ids by descending logit, ascending id on ties: each (logit, id) packed into one long whose natural order is
   * that order, then one primitive sort (no boxing over a 256k vocabulary).
   */
  static int[] descending(float[] logits) {
    long[] keys = new long[logits.length];
    for (int i = 0; i < logits.length; i++) {
      int bits = Float.floatToIntBits(logits[i] == 0 ? 0f : logits[i]);
      int ordered = bits >= 0 ? bits : bits ^ 0x7fffffff; // ascending int order = ascending float order
      keys[i] = ((long) ~ordered << 32) | i; // ~: descending logit; low 32 bits: ascending id
    }
    Arrays.sort(keys);
    int[] order = new int[logits.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = (int) keys[i];
    }
    return order;
  }
}
