package xla4j.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import xla4j.io.SentencePiece;

@Command(name = "tokenize", mixinStandardHelpOptions = true,
    description = {"Encode text into SentencePiece ids (without <bos>), or decode ids into text, with a model's "
        + "tokenizer.model (Gemma's SentencePiece BPE).",
        "Prints the ids comma-separated (as --decode and generate's --prompt-ids take them), or with --json one "
            + "line {\"ids\": [...]}; --decode prints the text (with --json: {\"text\": \"...\"}). Output is UTF-8.",
        "Example: xla4j tokenize --model gemma-2b --text 'Hello world'"})
final class TokenizeCommand implements Callable<Integer> {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "directory holding tokenizer.model (or the tokenizer.model file itself)")
  Path model;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--text", paramLabel = "T", description = "the text to encode")
    String text;

    @Option(names = "--file", paramLabel = "F", description = "encode the contents of F (UTF-8, as is)")
    Path file;

    @Option(names = "--decode", split = ",", paramLabel = "IDS", description = "decode these ids, e.g. 2,17,33")
    int[] decode;
  }

  @Option(names = "--json", description = "print one JSON line")
  boolean json;

  @Override
  public Integer call() throws Exception {
    SentencePiece sp = SentencePiece.load(Files.isDirectory(model) ? model.resolve("tokenizer.model") : model);
    String line;
    if (input.decode != null) {
      String text = sp.decode(input.decode);
      if (json) {
        JsonObject o = new JsonObject();
        o.addProperty("text", text);
        line = GSON.toJson(o);
      } else {
        line = text;
      }
    } else {
      String text = input.text != null ? input.text : Files.readString(input.file, StandardCharsets.UTF_8);
      int[] ids = sp.encode(text);
      if (json) {
        JsonArray a = new JsonArray();
        for (int id : ids) {
          a.add(id);
        }
        JsonObject o = new JsonObject();
        o.add("ids", a);
        line = GSON.toJson(o);
      } else {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
          b.append(i == 0 ? "" : ",").append(ids[i]);
        }
        line = b.toString();
      }
    }
    System.out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    System.out.flush();
    return 0;
  }
}
