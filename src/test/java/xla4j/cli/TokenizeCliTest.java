package xla4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xla4j tokenize} against the sentencepiece goldens (tools/spm_fixtures.py). */
class TokenizeCliTest {
  @TempDir Path tmp;

  /** A model directory holding the tiny Gemma-like tokenizer.model. */
  Path modelDir() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("model"));
    Files.copy(resource("tiny_bpe.model"), dir.resolve("tokenizer.model"));
    return dir;
  }

  static Path resource(String name) throws Exception {
    return Path.of(TokenizeCliTest.class.getResource("/tokenizer/" + name).toURI());
  }

  /** The golden case for {@code text}: its ids comma-separated. */
  static String goldenIds(String text) throws Exception {
    JsonObject g = JsonParser.parseString(Files.readString(resource("golden.json"))).getAsJsonObject();
    for (JsonElement e : g.getAsJsonArray("cases")) {
      if (e.getAsJsonObject().get("text").getAsString().equals(text)) {
        return StreamSupport.stream(e.getAsJsonObject().getAsJsonArray("ids").spliterator(), false)
            .map(JsonElement::getAsString).collect(Collectors.joining(","));
      }
    }
    throw new AssertionError("no golden case " + text);
  }

  /** Exit code, stdout, stderr. */
  static String[] run(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      String[] r = CliTest.run(args);
      return new String[] {r[0], r[1], err.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(old);
    }
  }

  @Test
  void encodesTextAndFile() throws Exception {
    String dir = modelDir().toString();
    String text = "<start_of_turn>user\nhi there<end_of_turn>";
    String[] r = run("tokenize", "--model", dir, "--text", text);
    assertEquals("0", r[0], r[2]);
    assertEquals(goldenIds(text) + "\n", r[1]);

    Path f = tmp.resolve("in.txt");
    String fileText = "emoji 😀 and 👍🏽 here";
    Files.writeString(f, fileText, StandardCharsets.UTF_8);
    r = run("tokenize", "--model", dir, "--file", f.toString(), "--json");
    assertEquals("0", r[0], r[2]);
    assertEquals("{\"ids\":[" + goldenIds(fileText) + "]}\n", r[1]);

    r = run("tokenize", "--model", dir, "--text", "");
    assertEquals("\n", r[1]);
  }

  @Test
  void decodesIds() throws Exception {
    Path dir = modelDir();
    String text = "find<loc0000>inside<loc0001>words 日本";
    String ids = run("tokenize", "--model", dir.toString(), "--text", text)[1].trim();
    String[] r = run("tokenize", "--model", dir.resolve("tokenizer.model").toString(), "--decode", "2," + ids + ",1");
    assertEquals("0", r[0], r[2]);
    assertEquals(text + "\n", r[1]);
    r = run("tokenize", "--model", dir.toString(), "--decode", ids, "--json");
    assertEquals("{\"text\":\"" + text + "\"}\n", r[1]);
  }

  @Test
  void badInputIsAClearError() throws Exception {
    String dir = modelDir().toString();
    String[] r = run("tokenize", "--model", dir, "--decode", "2,100000");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("xla4j tokenize: error: token id requires 0 <= id < vocabulary size, got 100000 and "),
        r[2]);
    Path missing = tmp.resolve("nowhere");
    r = run("tokenize", "--model", missing.toString(), "--text", "x");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains(missing + ": no such SentencePiece model file"), r[2]);
    r = run("tokenize", "--model", dir, "--text", "x", "--decode", "1");
    assertEquals("2", r[0]);
    r = run("tokenize", "--model", dir);
    assertEquals("2", r[0]);
    r = run("tokenize", "--model", dir, "--decode", "1,x");
    assertEquals("2", r[0]);
  }
}
