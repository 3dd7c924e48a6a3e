package xla4j.hlo;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Prints a {@link Module} as MLIR text in the forms {@code jax.jit(f).lower(...).as_text()} produces:
 * pretty forms where StableHLO has them, the generic {@code "stablehlo.op"(...) <{...}> ({...})} form
 * where JAX uses it (gather, scatter, sort, reduce_window, collectives, case).
 *
 * <p>Values are named per function: arguments {@code %arg0..}, results {@code %0..} (multi-result ops
 * {@code %3:2}, used as {@code %3#1}), block arguments continue the {@code %argN} numbering.
 */
public final class MlirPrinter {
  private final StringBuilder out = new StringBuilder();
  private final Map<Value, String> names = new IdentityHashMap<>();
  private final Function<Operation, String> locations;
  private int nextResult;
  private int nextArg;
  private int indent;

  private MlirPrinter(Function<Operation, String> locations) {
    this.locations = locations;
  }

  /** Prints without locations. */
  public static String print(Module module) {
    return print(module, op -> null);
  }

  /**
   * Prints with an optional location per operation: {@code locations} returns the text inside
   * {@code loc(...)}, e.g. {@code "Vit.java":42:0}, or null for none.
   */
  public static String print(Module module, Function<Operation, String> locations) {
    MlirPrinter p = new MlirPrinter(locations);
    p.module(module);
    return p.out.toString();
  }

  private void module(Module m) {
    out.append("module @").append(m.name());
    if (!m.attributes().isEmpty()) {
      out.append(" attributes ").append(attrDict(m.attributes()));
    }
    out.append(" {\n");
    indent = 1;
    for (MeshDecl mesh : m.meshes()) {
      line(mesh.toMlir());
    }
    for (Func f : m.funcs()) {
      func(f);
    }
    out.append("}\n");
  }

  private static String attrDict(Map<String, Attr> attrs) {
    StringJoiner j = new StringJoiner(", ", "{", "}");
    attrs.forEach((k, v) -> j.add(k + " = " + v.text()));
    return j.toString();
  }

  private void func(Func f) {
    names.clear();
    nextResult = 0;
    nextArg = 0;
    StringBuilder sig = new StringBuilder("func.func ").append(f.isPublic() ? "public" : "private").append(" @")
        .append(f.name()).append('(');
    List<Value> args = f.body().arguments();
    for (int i = 0; i < args.size(); i++) {
      String n = "%arg" + nextArg++;
      names.put(args.get(i), n);
      sig.append(i > 0 ? ", " : "").append(n).append(": ").append(args.get(i).type());
      if (!f.argAttrs().get(i).isEmpty()) {
        sig.append(' ').append(attrDict(f.argAttrs().get(i)));
      }
    }
    sig.append(") -> (");
    List<Value> rets = f.body().returns();
    for (int i = 0; i < rets.size(); i++) {
      sig.append(i > 0 ? ", " : "").append(rets.get(i).type());
      if (!f.resultAttrs().get(i).isEmpty()) {
        sig.append(' ').append(attrDict(f.resultAttrs().get(i)));
      }
    }
    sig.append(") {");
    line(sig.toString());
    indent++;
    for (Operation op : f.body().operations()) {
      operation(op);
    }
    line(rets.isEmpty() ? "return" : "return " + valueList(rets) + " : " + typeList(rets));
    indent--;
    line("}");
  }

  private void line(String s) {
    out.append("  ".repeat(indent)).append(s).append('\n');
  }

  private void operation(Operation op) {
    StringBuilder prefix = new StringBuilder();
    List<Value> results = op.results();
    if (!results.isEmpty()) {
      int id = nextResult++;
      if (results.size() == 1) {
        names.put(results.get(0), "%" + id);
        prefix.append('%').append(id).append(" = ");
      } else {
        for (int i = 0; i < results.size(); i++) {
          names.put(results.get(i), "%" + id + "#" + i);
        }
        prefix.append('%').append(id).append(':').append(results.size()).append(" = ");
      }
    }
    out.append("  ".repeat(indent)).append(prefix);
    op.print(new OpWriter());
    String loc = locations.apply(op);
    if (loc != null) {
      out.append(" loc(").append(loc).append(')');
    }
    out.append('\n');
  }

  /** Name of a value already defined in the function being printed. */
  String name(Value v) {
    String n = names.get(v);
    if (n == null) {
      throw new IllegalStateException("printer found a use of a value that is not defined before it: " + v);
    }
    return n;
  }

  String valueList(List<Value> vs) {
    StringJoiner j = new StringJoiner(", ");
    for (Value v : vs) {
      j.add(name(v));
    }
    return j.toString();
  }

  static String typeList(List<Value> vs) {
    StringJoiner j = new StringJoiner(", ");
    for (Value v : vs) {
      j.add(v.type().toString());
    }
    return j.toString();
  }

  /** The handle an {@link Operation} prints itself through. */
  public final class OpWriter {
    private OpWriter() {}

    public OpWriter append(Object text) {
      out.append(text);
      return this;
    }

    public OpWriter value(Value v) {
      out.append(name(v));
      return this;
    }

    /** Comma-separated value names. */
    public OpWriter values(List<Value> vs) {
      out.append(valueList(vs));
      return this;
    }

    /** Comma-separated types. */
    public OpWriter types(List<Value> vs) {
      out.append(typeList(vs));
      return this;
    }

    /** {@code (t0, t1) -> t2} or {@code (t0) -> (t1, t2)}. */
    public OpWriter functionalType(List<Value> operands, List<Value> results) {
      out.append('(').append(typeList(operands)).append(") -> ");
      if (results.size() == 1) {
        out.append(results.get(0).type());
      } else {
        out.append('(').append(typeList(results)).append(')');
      }
      return this;
    }

    /** {@code "stablehlo.x"(%a, %b) <{props}> ({regions}) : (types) -> types} in MLIR's generic form. */
    public OpWriter generic(Operation op, Map<String, String> properties) {
      out.append('"').append(op.name()).append("\"(").append(valueList(op.operands())).append(')');
      if (!properties.isEmpty()) {
        StringJoiner j = new StringJoiner(", ", " <{", "}>");
        properties.forEach((k, v) -> j.add(v == null ? k : k + " = " + v));
        out.append(j);
      }
      if (!op.regions().isEmpty()) {
        out.append(" (");
        for (int i = 0; i < op.regions().size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          region(op.regions().get(i));
        }
        out.append(')');
      }
      out.append(" : ");
      return functionalType(op.operands(), op.results());
    }

    /**
     * {@code {\n ^bb0(%argN: t, ...):\n ops\n stablehlo.return ...\n}} at the current indentation; the
     * block header is omitted when the region has no arguments.
     */
    public OpWriter region(Region r) {
      out.append("{\n");
      if (!r.arguments().isEmpty()) {
        StringJoiner j = new StringJoiner(", ", "^bb0(", "):");
        for (Value a : r.arguments()) {
          String n = "%arg" + nextArg++;
          names.put(a, n);
          j.add(n + ": " + a.type());
        }
        line(j.toString());
      }
      indent++;
      for (Operation op : r.operations()) {
        operation(op);
      }
      line("stablehlo.return " + valueList(r.returns()) + " : " + typeList(r.returns()));
      indent--;
      out.append("  ".repeat(indent)).append('}');
      return this;
    }

    /** Declares block arguments of a region printed in a custom form; returns their names. */
    public List<String> declareArguments(Region r) {
      java.util.ArrayList<String> ns = new java.util.ArrayList<>();
      for (Value a : r.arguments()) {
        String n = "%arg" + nextArg++;
        names.put(a, n);
        ns.add(n);
      }
      return ns;
    }

    /**
     * Prints a region's operations and its {@code terminator} (e.g. {@code sdy.return}) one level deeper than the
     * op, after a newline, leaving the cursor at the op's indentation (for a closing brace).
     */
    public OpWriter regionBody(Region r, String terminator) {
      out.append('\n');
      indent++;
      for (Operation op : r.operations()) {
        operation(op);
      }
      line(terminator + " " + valueList(r.returns()) + " : " + typeList(r.returns()));
      indent--;
      out.append("  ".repeat(indent));
      return this;
    }
  }
}
