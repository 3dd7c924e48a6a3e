package xla4j.cli;

import com.google.common.math.Quantiles;
import com.google.gson.JsonArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.dsl.Mesh;
import xla4j.io.Npy;
import xla4j.io.SentencePiece;
import xla4j.models.gemma.Generator;
import xla4j.models.gemma.Sampling;

/**
 * The options {@code generate} and {@code paligemma} share (decoding, greedy or sampled; outputs; dtype and devices),
 * and their common handling of token ids, texts and logits files.
 */
final class DecodeOptions {
  @Option(names = "--max-new-tokens", required = true, paramLabel = "N", description = "stop after N new tokens")
  int maxNewTokens;

  @Option(names = "--out", paramLabel = "OUT.json", description = "write what was generated as JSON (see above)")
  Path out;

  @Option(names = "--logits-out", paramLabel = "L.npy", description = "write the logits that chose each token")
  Path logitsOut;

  @Option(names = "--dtype", defaultValue = "f32", description = "f32 or bf16: parameters, activations and KV cache "
      + "(default: f32)")
  String dtype;

  @Option(names = "--cpu-devices", defaultValue = "0", paramLabel = "N",
      description = "devices of the CPU plugin (default: the mesh's size, else 1)")
  int cpuDevices;

  @Option(names = "--mesh", paramLabel = "AXIS=N,...", description = "tensor parallelism over 'model' (heads, MLP) "
      + "and batch over 'data', e.g. model=2")
  String mesh;

  @Option(names = "--plugin", defaultValue = "cpu", description = PluginOption.HELP)
  String plugin;


  @Option(names = "--greedy", description = "greedy decoding (the default)")
  boolean greedy;

  @Option(names = "--temperature", paramLabel = "T", description = "sample at temperature T")
  Double temperature;

  @Option(names = "--top-k", paramLabel = "K", description = "sample among the K most likely tokens")
  Integer topK;

  @Option(names = "--top-p", paramLabel = "P", description = "sample among the most likely tokens up to "
      + "probability P")
  Double topP;

  @Option(names = "--seed", paramLabel = "S", description = "the sampling seed (required with --temperature)")
  Long seed;

  /** The parameter dtype, after checking {@code --dtype} and {@code --max-new-tokens}. */
  DType checkedDtype(CommandLine cl) {
    if (!dtype.equals("f32") && !dtype.equals("bf16")) {
      throw new CommandLine.ParameterException(cl, "--dtype must be f32 or bf16, got '" + dtype + "'");
    }
    if (maxNewTokens < 1) {
      throw new CommandLine.ParameterException(cl, "--max-new-tokens must be >= 1, got " + maxNewTokens);
    }
    return DType.fromXlaName(dtype);
  }

  /** {@code --mesh}, parsed. */
  Optional<Mesh> parsedMesh() {
    return mesh == null ? Optional.empty() : Optional.of(Mesh.parse(mesh));
  }

  /** Devices to start the plugin with: {@code --cpu-devices}, else the mesh's size on the CPU plugin (0: its own). */
  int deviceCount(PluginOption p, Optional<Mesh> m) {
    return cpuDevices > 0 ? cpuDevices : p.isCpu() ? (int) (long) m.map(Mesh::numDevices).orElse(1L) : 0;
  }

  /** The smallest batch holding {@code rows} that a mesh's data axis divides. */
  static int batchFor(int rows, Optional<Mesh> m) {
    long d = m.filter(x -> x.hasAxis("data")).map(x -> x.axisSize("data")).orElse(1L);
    return (int) ((rows + d - 1) / d * d);
  }

  /** The sampling these options ask for. */
  Sampling sampling(CommandLine cl) {
    if (temperature == null) {
      if (topK != null || topP != null || seed != null) {
        throw new CommandLine.ParameterException(cl, "--top-k, --top-p and --seed need --temperature (without it "
            + "decoding is greedy)");
      }
      return Sampling.greedy();
    }
    if (greedy) {
      throw new CommandLine.ParameterException(cl, "--greedy and --temperature exclude each other");
    }
    if (seed == null) {
      throw new CommandLine.ParameterException(cl, "--temperature requires --seed S (sampling is reproducible per "
          + "seed)");
    }
    return new Sampling(OptionalDouble.of(temperature), topK == null ? OptionalInt.empty() : OptionalInt.of(topK),
        topP == null ? OptionalDouble.empty() : OptionalDouble.of(topP), seed);
  }

  /** {@code --prompt-ids} text: comma-separated ids, at least one. */
  static int[] parseIds(CommandLine cl, String s) {
    String[] parts = s.trim().isEmpty() ? new String[0] : s.split(",");
    int[] ids = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        ids[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new CommandLine.ParameterException(cl, "--prompt-ids requires comma-separated integers, got '"
            + parts[i] + "' in '" + s + "'");
      }
    }
    if (ids.length == 0) {
      throw new CommandLine.ParameterException(cl, "--prompt-ids requires a non-empty prompt, got '" + s + "'");
    }
    return ids;
  }

  /** Every id of every prompt in [0, vocab). */
  static void checkVocab(CommandLine cl, List<int[]> prompts, int vocab) {
    for (int[] p : prompts) {
      for (int id : p) {
        if (id < 0 || id >= vocab) {
          throw new CommandLine.ParameterException(cl, "prompt token id " + id + " is outside the vocabulary [0, "
              + vocab + ")");
        }
      }
    }
  }

  static JsonArray ids(int[] a) {
    JsonArray j = new JsonArray();
    for (int id : a) {
      j.add(id);
    }
    return j;
  }

  /**
   * The text of {@code ids}; ids past the tokenizer's pieces (an embedding table padded beyond the vocabulary) have
   * no text and are skipped. Without a tokenizer, the ids joined by commas.
   */
  static String text(int[] ids, Optional<SentencePiece> sp) {
    if (sp.isPresent()) {
      return sp.get().decode(IntStream.of(ids).filter(id -> id < sp.get().vocabSize()).toArray());
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < ids.length; i++) {
      b.append(i == 0 ? "" : ",").append(ids[i]);
    }
    return b.toString();
  }

  /**
   * Prints what is generated: one row streams its text as tokens arrive (ids, comma-separated, without a tokenizer);
   * several rows print {@code [i] text} each at the end ({@link #finish}). Records when row 0 got its first token.
   */
  static final class Printer implements Generator.TokenListener {
    private final boolean stream;
    private final Optional<SentencePiece> sp;
    private final List<Integer> sofar = new ArrayList<>();
    private final StringBuilder printed = new StringBuilder();
    long firstTokenNanos;

    Printer(int rows, Optional<SentencePiece> sp) {
      this.stream = rows == 1;
      this.sp = sp;
    }

    @Override
    public void onToken(int row, int step, int id) {
      if (step == 0 && row == 0) {
        firstTokenNanos = System.nanoTime();
      }
      if (!stream) {
        return;
      }
      sofar.add(id);
      if (sp.isPresent()) {
        String text = text(sofar.stream().mapToInt(Integer::intValue).toArray(), sp);
        if (text.startsWith(printed.toString())) {
          write(text.substring(printed.length()));
          printed.setLength(0);
          printed.append(text);
        }
      } else {
        write((step == 0 ? "" : ",") + id);
      }
    }

    /** Ends the stream, or prints every row's text. */
    void finish(Generator.Result r) {
      if (stream) {
        write("\n");
      } else {
        for (int i = 0; i < r.ids().size(); i++) {
          write("[" + i + "] " + text(r.ids().get(i), sp) + "\n");
        }
      }
    }
  }

  /** Writes UTF-8 to stdout and flushes. */
  static void write(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.out.write(b, 0, b.length);
    System.out.flush();
  }

  /** The peers' statistic over {@code --bench}'s runs, {@code statistics.median}: the mean of the middle two. */
  static double median(double[] v) {
    return Quantiles.median().compute(v);
  }

  /** Tokens per second of one run's decode steps: {@code batch * (newTokens - 1)} (the prefill gives the first). */
  static double decodeTokensPerSecond(int batch, int newTokens, double seconds) {
    return newTokens > 1 ? (double) batch * (newTokens - 1) / seconds : 0.0;
  }

  /** {@code L.npy}: float32 [N, vocab], the logits that chose each of N tokens. */
  static void writeLogits(Path file, float[][] l, int vocab) throws IOException {
    float[] flat = new float[l.length * vocab];
    for (int i = 0; i < l.length; i++) {
      System.arraycopy(l[i], 0, flat, i * vocab, vocab);
    }
    Npy.write(file, NdArray.of(flat, l.length, vocab));
  }
}
