package xla4j.io;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Python dict literal of a {@code .npy} header ({@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}),
 * read as NumPy reads it with {@code ast.literal_eval}: string keys, and a key given twice takes its last value
 * (NumPy 2.x loads {@code {'shape': (2,), 'shape': (1,)}} as shape (1,)). Values are kept as their literal text,
 * for {@link Npy} to interpret.
 */
final class HeaderDict {
  private final String text;
  private final String name;
  private int at;

  private HeaderDict(String text, String name) {
    this.text = text;
    this.name = name;
  }

  /** The keys (unquoted) and the literal text of their values, in first-appearance order. */
  static Map<String, String> parse(String header, String name) throws IOException {
    return new HeaderDict(strip(header), name).dict();
  }

  /** Whether {@code value} is one quoted string literal. */
  static boolean isString(String value) {
    if (value.length() < 2 || (value.charAt(0) != '\'' && value.charAt(0) != '"')) {
      return false;
    }
    HeaderDict d = new HeaderDict(value, "");
    try {
      d.skipString();
    } catch (IOException e) {
      return false;
    }
    return d.at == value.length();
  }

  /** The contents of a string literal ({@link #isString}), with backslash escapes of quotes and backslashes undone. */
  static String unquote(String literal) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c == '\\' && i + 1 < literal.length() - 1) {
        c = literal.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private Map<String, String> dict() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    skipSpace();
    expect('{');
    while (true) {
      skipSpace();
      if (peek() == '}') {
        at++;
        break;
      }
      if (peek() != '\'' && peek() != '"') {
        throw error("expected a string key at offset " + at);
      }
      int keyStart = at;
      skipString();
      String key = unquote(text.substring(keyStart, at));
      skipSpace();
      expect(':');
      skipSpace();
      int valueStart = at;
      skipValue();
      String value = strip(text.substring(valueStart, at));
      if (value.isEmpty()) {
        throw error("no value for '" + key + "'");
      }
      out.put(key, value); // a repeated key takes its last value, as in a Python dict display
      skipSpace();
      if (peek() == ',') {
        at++;
      } else if (peek() != '}') {
        throw error("expected ',' or '}' at offset " + at);
      }
    }
    skipSpace();
    if (at != text.length()) {
      throw error("text after the closing '}'");
    }
    return out;
  }

  /** Up to the next ',' or '}' outside brackets and strings. */
  private void skipValue() throws IOException {
    int depth = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '\'' || c == '"') {
        skipString();
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          return;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return;
      }
      at++;
    }
    throw error(depth == 0 ? "the dict has no closing '}'" : "unterminated value");
  }

  private void skipString() throws IOException {
    char quote = text.charAt(at++);
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '\\') {
        at++;
      } else if (c == quote) {
        return;
      }
    }
    throw error("unterminated string");
  }

  private char peek() throws IOException {
    if (at >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(at);
  }

  private void expect(char c) throws IOException {
    if (peek() != c) {
      throw error("expected '" + c + "' at offset " + at);
    }
    at++;
  }

  private void skipSpace() {
    while (at < text.length() && isSpace(text.charAt(at))) {
      at++;
    }
  }

  /**
   * Python's whitespace between tokens (space, tab, form feed, and line ends inside the braces), not Java's wider
   * {@link Character#isWhitespace}, which also skips the control characters 0x1c-0x1f that Python refuses.
   */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r';
  }

  /** {@code s} without leading and trailing {@link #isSpace Python whitespace}. */
  static String strip(String s) {
    int a = 0;
    int z = s.length();
    while (a < z && isSpace(s.charAt(a))) {
      a++;
    }
    while (z > a && isSpace(s.charAt(z - 1))) {
      z--;
    }
    return s.substring(a, z);
  }

  private IOException error(String what) {
    return new IOException(name + ": cannot parse the .npy header " + text + " (" + what + ")");
  }
}
