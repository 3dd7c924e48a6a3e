package xla4j.pjrt;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xla4j.pjrt.capi.global.PjrtC;

/**
 * Keeps the native libraries' own log lines (XLA, TensorFlow, absl, oneDNN, libtpu) off stderr unless
 * {@link PjrtPlugin#VERBOSE_PROPERTY} or {@link PjrtPlugin#VERBOSE_ENV} asks for them. Two knobs, each
 * the one its library honours (tried, not assumed):
 *
 * <ul>
 *   <li>log levels, set in the process environment before a plugin loads, unless the user set them:
 *       {@code TF_CPP_MIN_LOG_LEVEL=3} (our CPU plugin applies it to absl, which the TensorFlow wheel's
 *       logging no longer does itself) and {@code TPU_MIN_LOG_LEVEL=3}, {@code TPU_STDERR_LOG_LEVEL=3}
 *       (libtpu, after its initialization);
 *   <li>what a plugin prints while it is loaded and initialized, before any level applies (TensorFlow's
 *       static initializers, libtpu's pre-InitGoogle messages): stderr is captured for that moment and
 *       the text goes to logger {@code xla4j.native} at DEBUG. Anything else the process writes to
 *       stderr in that moment (well under a second, once per plugin) goes there too.
 * </ul>
 */
final class NativeLogs {
  static final Logger LOG = LoggerFactory.getLogger("xla4j.native");
  private static final int CAPTURE_BYTES = 1 << 16;

  private NativeLogs() {}

  /** True when native log lines are to be shown (system property, else environment variable). */
  static boolean verbose() {
    String s = System.getProperty(PjrtPlugin.VERBOSE_PROPERTY);
    if (s == null || s.isEmpty()) {
      s = System.getenv(PjrtPlugin.VERBOSE_ENV);
    }
    return s != null && (s.equalsIgnoreCase("true") || s.equals("1"));
  }

  /** Output a native step printed to stderr while it ran, and the step's result. */
  record Captured<T>(T result, String output) {}

  /**
   * Runs a native step (loading or initializing a plugin): verbose, as it is; else with the log levels
   * set and its stderr captured.
   */
  static <T> Captured<T> quietly(Supplier<T> step) {
    if (verbose()) {
      return new Captured<>(step.get(), "");
    }
    PjrtC.xla4j_setenv("TF_CPP_MIN_LOG_LEVEL", "3", 0);
    PjrtC.xla4j_setenv("TPU_MIN_LOG_LEVEL", "3", 0);
    PjrtC.xla4j_setenv("TPU_STDERR_LOG_LEVEL", "3", 0);
    int saved = PjrtC.xla4j_stderr_capture_begin();
    if (saved < 0) {
      return new Captured<>(step.get(), "");
    }
    T result = null;
    String output = "";
    try {
      result = step.get();
    } finally {
      output = end(saved);
      if (!output.isEmpty()) {
        LOG.debug("native output:\n{}", output);
      }
    }
    return new Captured<>(result, output);
  }

  private static String end(int saved) {
    try (BytePointer buf = new BytePointer(CAPTURE_BYTES)) {
      long n = PjrtC.xla4j_stderr_capture_end(saved, buf, CAPTURE_BYTES);
      byte[] bytes = new byte[(int) n];
      buf.get(bytes);
      return new String(bytes, StandardCharsets.UTF_8).strip();
    }
  }
}
