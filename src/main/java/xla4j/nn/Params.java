package xla4j.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xla4j.array.DType;
import xla4j.array.NdArray;

/** Working with a model's parameter list: random initialisation and checking a checkpoint against it. */
public final class Params {
  /** Where {@link #random} reports the {@link Init#caveat caveats} of the initializers it used. */
  static final Logger LOG = LoggerFactory.getLogger("xla4j.nn");

  private Params() {}

  /**
   * Draws every parameter with its initializer from one seeded stream (deterministic for a seed). An initializer with
   * a {@link Init#caveat caveat} (such as a ViT head zero-initialised as big_vision trains it, which makes every
   * logit 0) is reported at WARN on logger {@code xla4j.nn}, naming the parameter.
   */
  public static Map<String, NdArray> random(List<ParamSpec> specs, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Map<String, NdArray> out = new LinkedHashMap<>();
    for (ParamSpec p : specs) {
      out.put(p.name(), p.init().sample(p.dtype(), p.shape(), 0, 0, rng.split()));
      p.init().caveat().ifPresent(c -> LOG.warn("random initialisation of {}: {}", p.name(), c));
    }
    return out;
  }

  /** Name, dtype and shape of a tensor a checkpoint holds. */
  public record Entry(String name, DType dtype, long[] shape) {}

  /**
   * Checks that {@code available} (a checkpoint's tensors, already renamed to model names) has exactly the model's
   * parameters with their shapes; dtypes may differ (they are cast on loading).
   *
   * @throws IllegalArgumentException listing every missing, unexpected and mis-shaped key of {@code source}
   */
  public static void check(List<ParamSpec> specs, Map<String, Entry> available, String source) {
    List<String> missing = new ArrayList<>();
    List<String> misShaped = new ArrayList<>();
    Map<String, Entry> unexpected = new LinkedHashMap<>(available);
    for (ParamSpec p : specs) {
      Entry e = unexpected.remove(p.name());
      if (e == null) {
        missing.add(p.toString());
      } else if (!java.util.Arrays.equals(e.shape(), p.shape())) {
        misShaped.add(p.name() + ": checkpoint " + java.util.Arrays.toString(e.shape()) + ", model "
            + java.util.Arrays.toString(p.shape()));
      }
    }
    if (missing.isEmpty() && misShaped.isEmpty() && unexpected.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder("checkpoint ").append(source).append(" does not match the model:");
    if (!missing.isEmpty()) {
      sb.append("\n  missing (").append(missing.size()).append("): ").append(String.join(", ", missing));
    }
    if (!unexpected.isEmpty()) {
      sb.append("\n  unexpected (").append(unexpected.size()).append("): ")
          .append(String.join(", ", unexpected.keySet()));
    }
    if (!misShaped.isEmpty()) {
      sb.append("\n  wrong shape (").append(misShaped.size()).append("): ").append(String.join("; ", misShaped));
    }
    throw new IllegalArgumentException(sb.toString());
  }
}
