package xla4j.pjrt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xla4j.array.DType;

/**
 * The entry function's parameter and result types as written in a StableHLO text module
 * ({@code func.func public @main(%arg0: tensor<2x3xf32>, ...) -> (tensor<2xf32> ...)}), plus the
 * module's {@code mhlo.num_replicas} and {@code mhlo.num_partitions}. Read without MLIR: enough to check
 * inputs before a call, to check compile options before a plugin sees the program, and to describe an
 * artifact. Types are global (unsharded) shapes. Immutable and thread-safe.
 */
public final class ProgramSignature {
  private static final Pattern MAIN = Pattern.compile("func\\.func\\s+(?:public\\s+)?@main\\s*\\(");
  private static final Pattern TENSOR = Pattern.compile("tensor<([0-9x?]*?)x?([a-z]+[0-9]*)>");

  private final List<TensorSpec> inputs;
  private final List<TensorSpec> outputs;
  private final int numPartitions;
  private final int numReplicas;

  private ProgramSignature(List<TensorSpec> inputs, List<TensorSpec> outputs, int numPartitions, int numReplicas) {
    if (numPartitions < 1 || numReplicas < 1) {
      throw new IllegalArgumentException("a program signature requires numPartitions >= 1 and numReplicas >= 1, got "
          + numPartitions + " and " + numReplicas);
    }
    this.inputs = Collections.unmodifiableList(inputs);
    this.outputs = Collections.unmodifiableList(outputs);
    this.numPartitions = numPartitions;
    this.numReplicas = numReplicas;
  }

  /** A signature of one replica. */
  public static ProgramSignature of(List<TensorSpec> inputs, List<TensorSpec> outputs, int numPartitions) {
    return of(inputs, outputs, numPartitions, 1);
  }

  /**
   * A signature of {@code numReplicas} replicas; throws {@code IllegalArgumentException} if either count is below 1.
   */
  public static ProgramSignature of(List<TensorSpec> inputs, List<TensorSpec> outputs, int numPartitions,
      int numReplicas) {
    return new ProgramSignature(new ArrayList<>(inputs), new ArrayList<>(outputs), numPartitions, numReplicas);
  }

  /**
   * The entry function's parameter and result declarations as text, split at top-level commas: one
   * {@code %arg0: tensor<2xf32> {attributes}} per parameter and one {@code tensor<2xf32> {attributes}}
   * per result. The one place that decides which function is the entry ({@code func.func [public]
   * @main(}, not {@code @main_helper}) and where its signature ends; {@link #parse} reads the types,
   * {@code xla4j.runtime.MlirSignature} the shardings.
   */
  public record Entry(List<String> parameters, List<String> results) {
    /** Copies the declaration lists. */
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
    Replication r = Replication.read(mlir);
    return new ProgramSignature(inputs, outputs, r.partitions().orElse(1), r.replicas().orElse(1));
  }

  /**
   * Checks a compile before the plugin sees it: {@code options} against the target's device ids (see
   * {@link CompileOptions#checkDevices}) and, for StableHLO text, against the module's stated replica and
   * partition counts and its collectives' device ids.
   *
   * @throws IllegalArgumentException naming what does not fit
   */
  static void checkCompile(byte[] code, String format, CompileOptions options, List<Integer> devices, String target) {
    options.checkDevices(devices, target);
    boolean bytecode = code.length >= 4 && code[0] == 'M' && code[1] == 'L' && (code[2] & 0xff) == 0xEF
        && code[3] == 'R';
    if (format.equals("mlir") && !bytecode) {
      Replication.read(new String(code, java.nio.charset.StandardCharsets.UTF_8))
          .check(options.numReplicas(), options.numPartitions());
    }
  }

  private static int skipSpace(String s, int at) {
    while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
      at++;
    }
    return at;
  }

  /** The entry function's parameter types (global shapes), in order; unmodifiable. */
  public List<TensorSpec> inputs() {
    return inputs;
  }

  /** The entry function's result types (global shapes), in order; unmodifiable. */
  public List<TensorSpec> outputs() {
    return outputs;
  }

  /** {@code mhlo.num_partitions} of the module, 1 if absent. */
  public int numPartitions() {
    return numPartitions;
  }

  /** {@code mhlo.num_replicas} of the module, 1 if absent. */
  public int numReplicas() {
    return numReplicas;
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
        : java.util.Arrays.stream(dims.split("x", -1)).mapToLong(d -> {
          if (d.equals("?")) {
            throw new IllegalArgumentException("dynamic dimensions are not supported: '" + t + "'");
          }
          if (!d.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("a tensor type requires dimensions that are whole numbers below 10^18, "
                + "got '" + d + "' in '" + t + "'");
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

  private static final Pattern MODULE = Pattern.compile("(?m)^\\s*module\\b");
  private static final Pattern NAME = Pattern.compile("@(?:[\\w.$-]+|\"[^\"]*\")");
  private static final Pattern COLLECTIVE = Pattern.compile(
      "\"?(?:stablehlo|mhlo)\\.(all_reduce|all_gather|reduce_scatter|all_to_all|collective_permute|collective_broadcast)"
          + "\"?\\s*\\(");
  private static final Pattern CHANNEL = Pattern.compile("#(?:stablehlo|mhlo)\\.channel_handle<\\s*handle\\s*=\\s*(-?\\d+)");
  private static final Pattern GLOBAL_IDS = Pattern.compile("\\buse_global_device_ids\\b(?!\\s*=\\s*false)");
  private static final Pattern DENSE = Pattern.compile("\\s*=\\s*dense<([^>]*)>\\s*:\\s*tensor<([0-9x]*)xi64>");

  /**
   * What the module says about its devices: the {@code mhlo.num_replicas} and {@code mhlo.num_partitions}
   * of its {@code module @name attributes {...}} (empty when not stated) and its collective ops, read from
   * StableHLO text without MLIR. {@link #check} compares them with compile options, so that a program a
   * plugin would abort on (libtpu does, for collectives naming devices the compile does not have) is
   * refused in Java first.
   */
  record Replication(OptionalInt replicas, OptionalInt partitions, List<Collective> collectives) {
    Replication {
      collectives = List.copyOf(collectives);
    }

    /**
     * Reads the module header's counts and every collective op whose attributes ({@code <{...}>}) can be
     * read; others are left to the compiler.
     *
     * @throws IllegalArgumentException if a count is not a whole number from 1 to {@code Integer.MAX_VALUE}
     */
    static Replication read(String mlir) {
      String header = moduleAttributes(mlir);
      List<Collective> collectives = new ArrayList<>();
      Matcher c = COLLECTIVE.matcher(mlir);
      while (c.find()) {
        Collective op = Collective.read(mlir, c);
        if (op != null) {
          collectives.add(op);
        }
      }
      return new Replication(count(header, "mhlo.num_replicas"), count(header, "mhlo.num_partitions"), collectives);
    }

    /**
     * Checks a compile of {@code replicas} x {@code partitions}: the module's stated counts must be these, and
     * each collective's device ids must exist in it.
     *
     * @throws IllegalArgumentException naming the attribute or op (and its line) that does not fit
     */
    void check(int replicas, int partitions) {
      if (this.replicas.isPresent() && this.replicas.getAsInt() != replicas) {
        throw new IllegalArgumentException("compile requires CompileOptions num_replicas to equal the module's "
            + "mhlo.num_replicas, got " + replicas + " and " + this.replicas.getAsInt());
      }
      if (this.partitions.isPresent() && this.partitions.getAsInt() != partitions) {
        throw new IllegalArgumentException("compile requires CompileOptions num_partitions to equal the module's "
            + "mhlo.num_partitions, got " + partitions + " and " + this.partitions.getAsInt());
      }
      for (Collective op : collectives) {
        op.check(replicas, partitions);
      }
    }

    /** The text inside {@code module @name attributes {...}}, or "" when the module states none. */
    private static String moduleAttributes(String mlir) {
      Matcher m = MODULE.matcher(mlir);
      if (!m.find()) {
        return "";
      }
      int at = skipSpace(mlir, m.end());
      Matcher name = NAME.matcher(mlir).region(at, mlir.length());
      if (name.lookingAt()) {
        at = skipSpace(mlir, name.end());
      }
      if (!mlir.startsWith("attributes", at)) {
        return "";
      }
      at = skipSpace(mlir, at + "attributes".length());
      if (at >= mlir.length() || mlir.charAt(at) != '{') {
        return "";
      }
      return mlir.substring(at + 1, matching(mlir, at, '{', '}'));
    }

    private static OptionalInt count(String attributes, String key) {
      Matcher m = Pattern.compile("(?<![\\w.])" + Pattern.quote(key) + "\\s*=\\s*([^\\s:,}]+)").matcher(attributes);
      if (!m.find()) {
        return OptionalInt.empty();
      }
      String v = m.group(1);
      try {
        int n = Integer.parseInt(v);
        if (n >= 1) {
          return OptionalInt.of(n);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("module attribute " + key + " requires a whole number from 1 to "
          + Integer.MAX_VALUE + ", got " + v);
    }
  }

  /**
   * One collective op: its name, 1-based line, and either its {@code replica_groups} or (collective_permute)
   * its {@code source_target_pairs}, null when absent or not written as integers; whether it has a channel
   * ({@code channel_handle} with a handle > 0) and {@code use_global_device_ids}.
   */
  record Collective(String op, int line, long[][] groups, boolean pairs, boolean channel, boolean globalDeviceIds) {
    /** The op at {@code m}, or null if its attribute dictionary cannot be found. */
    static Collective read(String mlir, Matcher m) {
      String attributes;
      try {
        int open = m.end() - 1;
        int at = skipSpace(mlir, matching(mlir, open, '(', ')') + 1);
        if (!mlir.startsWith("<{", at)) {
          return null;
        }
        attributes = mlir.substring(at + 2, matching(mlir, at + 1, '{', '}'));
      } catch (IllegalArgumentException e) {
        return null;
      }
      String op = "stablehlo." + m.group(1);
      int line = 1;
      for (int i = 0; i < m.start(); i++) {
        if (mlir.charAt(i) == '\n') {
          line++;
        }
      }
      boolean pairs = m.group(1).equals("collective_permute");
      long[][] groups = dense(attributes, pairs ? "source_target_pairs" : "replica_groups", op, line);
      Matcher ch = CHANNEL.matcher(attributes);
      boolean channel = ch.find() && !ch.group(1).startsWith("-") && !ch.group(1).matches("0+");
      return new Collective(op, line, groups, pairs, channel, GLOBAL_IDS.matcher(attributes).find());
    }

    /** The rows of {@code key = dense<...> : tensor<RxCxi64>}, or null if absent or not written as integers. */
    private static long[][] dense(String attributes, String key, String op, int line) {
      Matcher m = Pattern.compile("(?<![\\w.])" + key + DENSE.pattern()).matcher(attributes);
      if (!m.find()) {
        return null;
      }
      String[] dims = m.group(2).split("x");
      if (dims.length != 2) {
        return null;
      }
      int rows;
      int cols;
      try {
        rows = Integer.parseInt(dims[0]);
        cols = Integer.parseInt(dims[1]);
      } catch (NumberFormatException e) {
        return null;
      }
      String body = m.group(1).trim();
      if (body.startsWith("\"")) {
        return null; // hex form: left to the compiler
      }
      List<String> numbers = new ArrayList<>();
      for (String t : body.replace("[", " ").replace("]", " ").split("[\\s,]+")) {
        if (!t.isEmpty()) {
          numbers.add(t);
        }
      }
      boolean splat = numbers.size() == 1 && !body.startsWith("[");
      if (!splat && numbers.size() != (long) rows * cols) {
        return null;
      }
      long[][] out = new long[rows][cols];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          String t = numbers.get(splat ? 0 : r * cols + c);
          try {
            out[r][c] = Long.parseLong(t);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(op + " (line " + line + ") requires " + key
                + " to hold whole numbers, got " + t);
          }
        }
      }
      return out;
    }

    /**
     * XLA's group modes: without a channel, ids are replica ids; with one, all_to_all, collective_permute and
     * collective_broadcast take partition ids, the others replica ids, or (use_global_device_ids) flattened
     * ids below replicas x partitions.
     */
    void check(int replicas, int partitions) {
      String key = pairs ? "source_target_pairs" : "replica_groups";
      String where = op + " (line " + line + ")";
      if (globalDeviceIds && !channel && !pairs) {
        throw new IllegalArgumentException(where + " requires a channel_handle with a handle > 0 when "
            + "use_global_device_ids is set, got none");
      }
      if (groups == null) {
        return;
      }
      boolean crossPartition = channel && (pairs || op.endsWith("all_to_all") || op.endsWith("collective_broadcast"));
      long bound;
      String ids;
      if (crossPartition) {
        bound = partitions;
        ids = "partition ids below num_partitions = " + partitions + " (a channel_handle makes it cross-partition)";
      } else if (channel && globalDeviceIds) {
        bound = (long) replicas * partitions;
        ids = "device ids below num_replicas x num_partitions = " + replicas + " x " + partitions
            + " (use_global_device_ids)";
      } else {
        bound = replicas;
        ids = "replica ids below num_replicas = " + replicas + (channel ? "" : " (no channel_handle: cross-replica)");
      }
      java.util.Set<Long> sources = new java.util.HashSet<>();
      java.util.Set<Long> targets = new java.util.HashSet<>();
      for (long[] row : groups) {
        if (pairs && row.length != 2) {
          throw new IllegalArgumentException(where + " requires source_target_pairs of [source, target] pairs, got "
              + row.length + " ids per pair");
        }
        for (int i = 0; i < row.length; i++) {
          long id = row[i];
          if (id < 0 || id >= bound) {
            throw new IllegalArgumentException(where + " requires " + key + " to hold " + ids + ", got " + id
                + " in " + java.util.Arrays.deepToString(groups));
          }
          boolean first = pairs && i == 1 ? targets.add(id) : sources.add(id);
          if (!first) {
            String what = pairs ? (i == 0 ? "source" : "target") : "id";
            throw new IllegalArgumentException(where + " requires each " + what + " in " + key
                + " at most once, got " + id + " twice in " + java.util.Arrays.deepToString(groups));
          }
        }
      }
    }
  }
}
