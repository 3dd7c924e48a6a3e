package xla4j.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks and messages shared by the checkpoint readers. */
final class Checkpoints {
  private Checkpoints() {}

  /** The error for a key that is not in the file, suggesting keys that end the same way. */
  static CheckpointException missingKey(Path file, String key, Set<String> keys) {
    String leaf = key.substring(key.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    List<String> near = keys.stream()
        .filter(k -> k.toLowerCase(Locale.ROOT).endsWith("/" + leaf) || k.equalsIgnoreCase(leaf)
            || k.endsWith("/" + key) || key.endsWith("/" + k))
        .limit(5)
        .collect(Collectors.toList());
    return new CheckpointException(file, key, "no such key among the file's " + keys.size() + " keys"
        + (near.isEmpty() ? "" : "; similar: " + near));
  }

  /** Rejects keys a writer cannot store faithfully. */
  static void checkKey(String key) {
    if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("//")) {
      throw new IllegalArgumentException("checkpoint keys must be non-empty '/'-separated names without empty "
          + "parts, got '" + key + "'");
    }
  }

  /** A human-readable shape, as NumPy prints it: (2, 3). */
  static String shapeString(long[] shape) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i > 0 ? ", " : "").append(shape[i]);
    }
    return sb.append(shape.length == 1 ? ",)" : ")").toString();
  }
}
