package xla4j.hlo;

/**
 * An MLIR attribute, kept as its exact text ({@code 1 : i32}, {@code "x"}, {@code #sdy.sharding<...>}).
 * Factories produce the common forms.
 */
public record Attr(String text) {
  public Attr {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("attribute text must be non-empty, got '" + text + "'");
    }
  }

  /** {@code 1 : i32}. */
  public static Attr i32(int v) {
    return new Attr(v + " : i32");
  }

  /** {@code 1 : i64}. */
  public static Attr i64(long v) {
    return new Attr(v + " : i64");
  }

  /** {@code true} / {@code false}. */
  public static Attr bool(boolean v) {
    return new Attr(Boolean.toString(v));
  }

  /** A quoted, escaped string. */
  public static Attr string(String s) {
    return new Attr(quote(s));
  }

  /** Verbatim text, e.g. {@code #sdy.sharding<@mesh, [{"x"}, {}]>}. */
  public static Attr raw(String text) {
    return new Attr(text);
  }

  /** MLIR string literal escaping: backslash, quote and non-printable characters as {@code \XX}. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        sb.append('\\').append(String.format("%02X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
