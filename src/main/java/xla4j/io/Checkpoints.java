package xla4j.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
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

  /**
   * Parses a JSON object strictly (RFC 8259, as the Rust reference readers do: no comments, no NaN, nothing after
   * it) and refuses a name repeated within one object, which a lenient parser would resolve silently.
   *
   * @param what names the text in errors ("header", "index")
   * @param keyDepth the nesting level whose names are tensor keys (1: the top-level object's names)
   */
  static JsonObject parseJsonObject(Path file, String json, String what, int keyDepth) throws CheckpointException {
    try {
      JsonReader reader = new JsonReader(new StringReader(json));
      reader.setStrictness(Strictness.STRICT);
      if (reader.peek() != JsonToken.BEGIN_OBJECT) {
        throw new CheckpointException(file, null, what + " is not a JSON object");
      }
      JsonElement e = readJson(file, reader, 1, keyDepth, null, what);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new CheckpointException(file, null, what + " has text after its JSON object");
      }
      return e.getAsJsonObject();
    } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
      if (e instanceof CheckpointException) {
        throw (CheckpointException) e;
      }
      throw new CheckpointException(file, null, what + " is not a JSON object: " + e.getMessage(), e);
    }
  }

  /** One JSON value at nesting {@code depth}, inside the tensor {@code key} (null above the key level). */
  private static JsonElement readJson(Path file, JsonReader reader, int depth, int keyDepth, String key, String what)
      throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        JsonObject o = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (o.has(name)) {
            throw depth == keyDepth ? new CheckpointException(file, name, "key appears twice in the " + what)
                : new CheckpointException(file, key, "field '" + name + "' appears twice in the " + what);
          }
          o.add(name, readJson(file, reader, depth + 1, keyDepth, depth == keyDepth ? name : key, what));
        }
        reader.endObject();
        return o;
      }
      case BEGIN_ARRAY: {
        JsonArray a = new JsonArray();
        reader.beginArray();
        while (reader.hasNext()) {
          a.add(readJson(file, reader, depth + 1, keyDepth, key, what));
        }
        reader.endArray();
        return a;
      }
      case STRING:
        return new JsonPrimitive(reader.nextString());
      case NUMBER:
        return new JsonPrimitive(new BigDecimal(reader.nextString()));
      case BOOLEAN:
        return new JsonPrimitive(reader.nextBoolean());
      case NULL:
        reader.nextNull();
        return JsonNull.INSTANCE;
      default:
        throw new IllegalStateException("unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }
}
