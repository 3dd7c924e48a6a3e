package xla4j.pjrt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xla4j.array.DType;

/**
 * The entry function's parameter and result types as written in a StableHLO text module
 * ({@code func.func public @main(%arg0: tensor<2x3xf32>, ...) -> (tensor<2xf32> ...)}), plus
 * {@code mhlo.num_partitions}. Read without MLIR: enough to check inputs before a call and to describe
 * an artifact. Types are global (unsharded) shapes.
 */
public final class ProgramSignature {
  private static final Pattern MAIN = Pattern.compile("func\\.func\\s+(?:public\\s+)?@main\\s*\\(");
  private static final Pattern TENSOR = Pattern.compile("tensor<([0-9x?]*?)x?([a-z]+[0-9]*)>");
  private static final Pattern PARTITIONS = Pattern.compile("mhlo\\.num_partitions\\s*=\\s*(\\d+)");

  private final List<TensorSpec> inputs;
  private final List<TensorSpec> outputs;
  private final int numPartitions;

  private ProgramSignature(List<TensorSpec> inputs, List<TensorSpec> outputs, int numPartitions) {
    this.inputs = Collections.unmodifiableList(inputs);
    this.outputs = Collections.unmodifiableList(outputs);
    this.numPartitions = numPartitions;
  }

  public static ProgramSignature of(List<TensorSpec> inputs, List<TensorSpec> outputs, int numPartitions) {
    return new ProgramSignature(new ArrayList<>(inputs), new ArrayList<>(outputs), numPartitions);
  }

  /**
   * The entry function's parameter and result declarations as text, split at top-level commas: one
   * {@code %arg0: tensor<2xf32> {attributes}} per parameter and one {@code tensor<2xf32> {attributes}}
   * per result. The one place that decides which function is the entry ({@code func.func [public]
   * @main(}, not {@code @main_helper}) and where its signature ends; {@link #parse} reads the types,
   * {@code xla4j.runtime.Sharding} the shardings.
   */
  public record Entry(List<String> parameters, List<String> results) {
    public Entry {
      parameters = List.copyOf(parameters);
      results = List.copyOf(results);
    }

    /** The {@code @main} function's declarations, or empty if the module has no {@code @main(}. */
    public static Optional<Entry> find(String mlir) {
      Matcher m = MAIN.matcher(mlir);
      if (!m.find()) {
        return Optional.empty();
      }
      int open = m.end() - 1;
      int close = matching(mlir, open, '(', ')');
      List<String> parameters = splitTopLevel(mlir.substring(open + 1, close));
      List<String> results = new ArrayList<>();
      int at = skipSpace(mlir, close + 1);
      if (mlir.startsWith("->", at)) {
        at = skipSpace(mlir, at + 2);
        if (at < mlir.length() && mlir.charAt(at) == '(') {
          results.addAll(splitTopLevel(mlir.substring(at + 1, matching(mlir, at, '(', ')'))));
        } else {
          int end = mlir.indexOf('>', at);
          if (end < 0) {
            throw new IllegalArgumentException("unterminated result type after '->' in the @main signature");
          }
          results.add(mlir.substring(at, end + 1));
        }
      }
      return Optional.of(new Entry(parameters, results));
    }
  }

  /**
   * Parses the {@code @main} function's signature.
   *
   * @throws IllegalArgumentException if there is no {@code @main} or a type is not a ranked tensor of a
   *     supported element type
   */
  public static ProgramSignature parse(String mlir) {
    Entry entry = Entry.find(mlir).orElseThrow(() ->
        new IllegalArgumentException("StableHLO module has no 'func.func public @main(' entry function"));
    List<TensorSpec> inputs = new ArrayList<>();
    for (String arg : entry.parameters()) {
      inputs.add(tensorType(arg.substring(arg.indexOf(':') + 1)));
    }
    List<TensorSpec> outputs = new ArrayList<>();
    for (String r : entry.results()) {
      outputs.add(tensorType(r));
    }
    Matcher p = PARTITIONS.matcher(mlir);
    int partitions = p.find() ? Integer.parseInt(p.group(1)) : 1;
    return new ProgramSignature(inputs, outputs, partitions);
  }

  private static int skipSpace(String s, int at) {
    while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
      at++;
    }
    return at;
  }

  public List<TensorSpec> inputs() {
    return inputs;
  }

  public List<TensorSpec> outputs() {
    return outputs;
  }

  /** {@code mhlo.num_partitions} of the module, 1 if absent. */
  public int numPartitions() {
    return numPartitions;
  }

  private static TensorSpec tensorType(String text) {
    String t = text.trim();
    Matcher m = TENSOR.matcher(t);
    if (!m.find() || m.start() != 0) {
      throw new IllegalArgumentException("expected a ranked tensor type like tensor<2x3xf32>, got '" + t + "'");
    }
    String dims = m.group(1);
    DType dtype = elementType(m.group(2));
    long[] shape = dims.isEmpty() ? new long[0]
        : java.util.Arrays.stream(dims.split("x")).mapToLong(d -> {
          if (d.equals("?")) {
            throw new IllegalArgumentException("dynamic dimensions are not supported: '" + t + "'");
          }
          return Long.parseLong(d);
        }).toArray();
    return TensorSpec.of(dtype, shape);
  }

  private static DType elementType(String mlirType) {
    switch (mlirType) {
      case "i1": return DType.PRED;
      case "i8": return DType.S8;
      case "i16": return DType.S16;
      case "i32": return DType.S32;
      case "i64": return DType.S64;
      case "ui8": return DType.U8;
      case "ui16": return DType.U16;
      case "ui32": return DType.U32;
      case "ui64": return DType.U64;
      case "f16": return DType.F16;
      case "bf16": return DType.BF16;
      case "f32": return DType.F32;
      case "f64": return DType.F64;
      default: throw new IllegalArgumentException("unsupported element type '" + mlirType + "'");
    }
  }

  private static int matching(String s, int open, char o, char c) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"') {
        i = s.indexOf('"', i + 1);
        if (i < 0) {
          break;
        }
      } else if (ch == o) {
        depth++;
      } else if (ch == c && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced '" + o + "' in the @main signature");
  }

  /** Splits on commas outside of <>, {}, (), [] and strings; drops attribute dictionaries' content. */
  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"') {
        int j = s.indexOf('"', i + 1);
        i = j < 0 ? s.length() : j;
      } else if (ch == '<' || ch == '{' || ch == '(' || ch == '[') {
        depth++;
      } else if (ch == '>' || ch == '}' || ch == ')' || ch == ']') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    if (!s.substring(start).isBlank()) {
      out.add(s.substring(start));
    }
    return out;
  }
}
