package xla4j.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xla4j.array.DType;
import xla4j.dsl.Mesh;
import xla4j.io.SentencePiece;
import xla4j.models.gemma.Generator;
import xla4j.models.gemma.GemmaCheckpoint;
import xla4j.models.gemma.GemmaConfig;
import xla4j.models.gemma.GemmaPrograms;
import xla4j.models.gemma.Sampling;
import xla4j.pjrt.Client;
import xla4j.runtime.ParamStore;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Generate text with a Gemma or Gemma 2 model (a Hugging Face directory: config.json, safetensors, "
        + "tokenizer.model), streaming tokens to stdout as they are chosen.",
        "--prompt TEXT feeds [<bos>] + encode(TEXT); --prompt-ids is taken as is. Repeat either for a batch of prompts "
            + "of different lengths.",
        "OUT.json: {\"ids\": [generated ids only], \"text\": \"...\"} (for several prompts, lists of both); L.npy: "
            + "float32 [N, vocab], the final logits (after soft-capping) that chose each generated token (one prompt).",
        "Example: xla4j generate --model gemma-2-2b --prompt 'The capital of France is' --max-new-tokens 16 --greedy"})
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "Hugging Face model directory (config.json, model.safetensors or sharded, tokenizer.model)")
  Path model;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Prompt prompt;

  static final class Prompt {
    @Option(names = "--prompt", paramLabel = "TEXT", description = "a prompt (repeat for a batch)")
    List<String> text;

    @Option(names = "--prompt-ids", paramLabel = "IDS", description = "a prompt as token ids, e.g. 2,17,33 "
        + "(repeat for a batch)")
    List<String> ids;
  }

  @CommandLine.Mixin DecodeOptions decoding;

  @Option(names = "--artifact", paramLabel = "ART", description = "reuse the prefill/decode programs saved by "
      + "xla4j compile gemma ... --out ART")
  Path artifact;

  @Option(names = "--bench", description = "time it: compile, prefill tokens/s, decode tokens/s (every step runs: "
      + "EOS does not stop it; --repeat runs after a warm-up), printed as one JSON line")
  boolean bench;

  @Option(names = "--repeat", defaultValue = "3", paramLabel = "R", description = "with --bench: timed runs "
      + "(default: 3; the median is reported)")
  int repeat;

  private double compileSeconds;

  @Override
  public Integer call() throws Exception {
    if (bench && repeat < 1) {
      throw bad("--repeat must be >= 1, got " + repeat);
    }
    Sampling sampling = decoding.sampling(spec.commandLine());
    DType dt = decoding.checkedDtype(spec.commandLine());
    Optional<Mesh> m = decoding.parsedMesh();
    try (GemmaCheckpoint.Opened opened = GemmaCheckpoint.openHuggingFace(model, dt)) {
      GemmaConfig c = opened.config();
      Optional<SentencePiece> sp = opened.tokenizer().isPresent()
          ? Optional.of(SentencePiece.load(opened.tokenizer().get())) : Optional.empty();
      List<int[]> prompts = prompts(c, sp);
      if (decoding.logitsOut != null && prompts.size() != 1) {
        throw bad("--logits-out takes one prompt, got " + prompts.size());
      }
      int longest = prompts.stream().mapToInt(p -> p.length).max().orElse(0);
      PluginOption p = new PluginOption(decoding.plugin);
      int devices = decoding.deviceCount(p, m);
      try (Client client = p.client(devices)) {
        long t0 = System.nanoTime();
        GemmaPrograms programs;
        if (artifact != null) {
          programs = GemmaPrograms.load(artifact, client, c);
        } else {
          int batch = DecodeOptions.batchFor(prompts.size(), m);
          int cache = longest + decoding.maxNewTokens;
          if (cache > c.maxPositionEmbeddings()) {
            throw new IllegalArgumentException("prompt of " + longest + " tokens plus " + decoding.maxNewTokens
                + " new tokens "
                + "is longer than the model's context (max_position_embeddings " + c.maxPositionEmbeddings() + ")");
          }
          progress(String.format("compiling prefill (%d x %d) and decode (cache %d) on %s%s ...", batch, longest,
              cache, client.platformName(), m.map(x -> " over mesh " + x.shape()).orElse("")));
          programs = GemmaPrograms.compile(c, batch, longest, cache, m, client);
        }
        compileSeconds = (System.nanoTime() - t0) / 1e9;
        try (programs) {
          progress(String.format("%s in %.2f s", artifact != null ? "loaded" : "compiled",
              (System.nanoTime() - t0) / 1e9));
          progress("placing " + model + " ...");
          try (ParamStore params = ParamStore.place(programs.decode(), opened.params(), GenerateCommand::progress)) {
            if (bench) {
              bench(c, programs, params, prompts, sampling);
            } else {
              generate(c, programs, params, prompts, sampling, sp);
            }
          }
        }
      }
    }
    return 0;
  }

  private void generate(GemmaConfig c, GemmaPrograms programs, ParamStore params, List<int[]> prompts,
      Sampling sampling, Optional<SentencePiece> sp) throws IOException {
    Generator gen = new Generator(c, programs.prefill(), programs.decode(), params);
    DecodeOptions.Printer printer = new DecodeOptions.Printer(prompts.size(), sp);
    long t0 = System.nanoTime();
    Generator.Result r = gen.generate(prompts, decoding.maxNewTokens, sampling, decoding.logitsOut != null, printer);
    long t1 = System.nanoTime();
    printer.finish(r);
    int total = r.ids().stream().mapToInt(a -> a.length).sum();
    int steps = r.ids().stream().mapToInt(a -> a.length).max().orElse(0);
    double decodeS = (t1 - printer.firstTokenNanos) / 1e9;
    progress(String.format("prefill + first token %.3f s; %d tokens in %d decode steps, %.2f tokens/s", 
        (printer.firstTokenNanos - t0) / 1e9, total, steps - 1, steps > 1 ? (total - r.ids().size()) / decodeS : 0.0));
    if (decoding.out != null) {
      JsonObject o = new JsonObject();
      if (r.ids().size() == 1) {
        o.add("ids", DecodeOptions.ids(r.ids().get(0)));
        o.addProperty("text", DecodeOptions.text(r.ids().get(0), sp));
      } else {
        JsonArray ids = new JsonArray();
        JsonArray texts = new JsonArray();
        for (int[] a : r.ids()) {
          ids.add(DecodeOptions.ids(a));
          texts.add(DecodeOptions.text(a, sp));
        }
        o.add("ids", ids);
        o.add("text", texts);
      }
      Files.writeString(decoding.out, new GsonBuilder().disableHtmlEscaping().create().toJson(o) + "\n");
    }
    if (decoding.logitsOut != null) {
      DecodeOptions.writeLogits(decoding.logitsOut, r.logits().get(0), c.vocabSize());
    }
  }

  /** Times whole generations (warm-up, then {@code --repeat}), every step run; prints one JSON line. */
  private void bench(GemmaConfig c, GemmaPrograms programs, ParamStore params, List<int[]> prompts,
      Sampling sampling) {
    Generator gen = new Generator(c, programs.prefill(), programs.decode(), params);
    int b = gen.batch();
    double[] prefill = new double[repeat];
    double[] decodeRates = new double[repeat];
    int n = decoding.maxNewTokens;
    for (int i = -1; i < repeat; i++) {
      long t0 = System.nanoTime();
      long[] first = {0};
      gen.generate(prompts, decoding.maxNewTokens, sampling, false, (row, step, id) -> {
        if (step == 0 && row == 0) {
          first[0] = System.nanoTime();
        }
      }, false);
      long t1 = System.nanoTime();
      if (i >= 0) {
        prefill[i] = (first[0] - t0) / 1e9;
        decodeRates[i] = DecodeOptions.decodeTokensPerSecond(b, n, (t1 - first[0]) / 1e9);
      }
    }
    // as the peers: prefill over the median seconds, decode the median of the runs' rates
    double pre = DecodeOptions.median(prefill);
    JsonObject o = new JsonObject();
    o.addProperty("system", "xla4j");
    o.addProperty("dtype", c.dtype() == DType.BF16 ? "bfloat16" : "float32");
    o.addProperty("batch", b);
    o.addProperty("prompt_len", gen.promptLen());
    o.addProperty("new_tokens", decoding.maxNewTokens);
    o.addProperty("layers", c.depth());
    o.addProperty("compile_s", compileSeconds);
    o.addProperty("prefill_s", pre);
    o.addProperty("prefill_tokens_per_s", (double) b * gen.promptLen() / pre);
    o.addProperty("decode_tokens_per_s", DecodeOptions.median(decodeRates));
    o.addProperty("decode_steps_timed", Math.max(n - 1, 0));
    o.addProperty("peak_rss_mb", peakRssMb());
    DecodeOptions.write(new GsonBuilder().create().toJson(o) + "\n");
  }

  /** VmHWM of /proc/self/status (Linux), or -1. */
  static double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  private List<int[]> prompts(GemmaConfig c, Optional<SentencePiece> sp) {
    List<int[]> out = new ArrayList<>();
    if (prompt.text != null) {
      if (sp.isEmpty()) {
        throw bad("--prompt needs " + model.resolve("tokenizer.model") + "; give --prompt-ids instead");
      }
      for (String t : prompt.text) {
        int[] enc = sp.get().encode(t);
        int[] ids = new int[enc.length + 1];
        ids[0] = c.bosId();
        System.arraycopy(enc, 0, ids, 1, enc.length);
        out.add(ids);
      }
    } else {
      for (String s : prompt.ids) {
        out.add(DecodeOptions.parseIds(spec.commandLine(), s));
      }
    }
    DecodeOptions.checkVocab(spec.commandLine(), out, c.vocabSize());
    return out;
  }

  private CommandLine.ParameterException bad(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }


  static void progress(String line) {
    System.err.println(line);
  }
}
