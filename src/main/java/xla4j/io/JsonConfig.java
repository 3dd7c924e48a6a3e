package xla4j.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Typed reads of a JSON config object (a Hugging Face {@code config.json}): each accessor names the key and the file
 * when a key is missing or of the wrong type.
 */
public final class JsonConfig {
  private final JsonObject json;
  private final String source;

  /** Wraps {@code json}; {@code source} names it in error messages. */
  public JsonConfig(JsonObject json, String source) {
    this.json = json;
    this.source = source;
  }

  /** Reads a JSON object from {@code file}. */
  public static JsonConfig read(Path file) throws IOException {
    try {
      JsonElement e = JsonParser.parseString(Files.readString(file));
      if (!e.isJsonObject()) {
        throw new IOException(file + " is not a JSON object");
      }
      return new JsonConfig(e.getAsJsonObject(), file.toString());
    } catch (JsonParseException e) {
      throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** The object itself. */
  public JsonObject json() {
    return json;
  }

  /** What it was read from. */
  public String source() {
    return source;
  }

  /** Whether {@code key} is present and not null. */
  public boolean has(String key) {
    return json.has(key) && !json.get(key).isJsonNull();
  }

  /** The nested object {@code key}. */
  public JsonConfig object(String key) {
    JsonElement e = required(key);
    if (!e.isJsonObject()) {
      throw wrong(key, "an object", e);
    }
    return new JsonConfig(e.getAsJsonObject(), source + " " + key);
  }

  /** A required integer. */
  public int integer(String key) {
    JsonPrimitive p = number(key, required(key));
    double d = p.getAsDouble();
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw wrong(key, "an integer", p);
    }
    return (int) d;
  }

  /** An integer, or {@code dflt} when absent or null. */
  public int integer(String key, int dflt) {
    return has(key) ? integer(key) : dflt;
  }

  /** A number, or {@code dflt} when absent or null. */
  public double number(String key, double dflt) {
    return has(key) ? number(key, json.get(key)).getAsDouble() : dflt;
  }

  /** A number, or empty when absent or null. */
  public OptionalDouble optionalNumber(String key) {
    return has(key) ? OptionalDouble.of(number(key, json.get(key)).getAsDouble()) : OptionalDouble.empty();
  }

  /** A boolean, or {@code dflt} when absent or null. */
  public boolean bool(String key, boolean dflt) {
    if (!has(key)) {
      return dflt;
    }
    JsonElement e = json.get(key);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw wrong(key, "a boolean", e);
    }
    return e.getAsBoolean();
  }

  /** A string, or {@code dflt} when absent or null; a required string when {@code dflt} is null. */
  public String string(String key, String dflt) {
    if (!has(key)) {
      if (dflt == null) {
        throw new IllegalArgumentException(source + " requires key \"" + key + "\"");
      }
      return dflt;
    }
    JsonElement e = json.get(key);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw wrong(key, "a string", e);
    }
    return e.getAsString();
  }

  private JsonElement required(String key) {
    if (!has(key)) {
      throw new IllegalArgumentException(source + " requires key \"" + key + "\"");
    }
    return json.get(key);
  }

  private JsonPrimitive number(String key, JsonElement e) {
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw wrong(key, "a number", e);
    }
    return e.getAsJsonPrimitive();
  }

  private IllegalArgumentException wrong(String key, String what, JsonElement got) {
    return new IllegalArgumentException(source + " requires \"" + key + "\" to be " + what + ", got " + got);
  }
}
