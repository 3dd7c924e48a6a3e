package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A unary or binary elementwise op from {@link ElementwiseKind} (StableHLO spec: one section per op, e.g. <a href="https://openxla.org/stablehlo/spec#add">add</a>).
 * Operands have equal types; the result has their shape (and their dtype, except {@code is_finite} → i1).
 * Printed {@code stablehlo.add %a, %b : tensor<2xf32>}.
 */
public record Elementwise(ElementwiseKind kind, List<Value> operands, Value result) implements Operation {
  public Elementwise {
    operands = ImmutableList.copyOf(operands);
  }

  public static Elementwise of(ElementwiseKind kind, Value... operands) {
    String op = kind.shortName();
    Shapes.check(operands.length == kind.arity(), "%s requires %d operands, got %d", op, kind.arity(), operands.length);
    TensorType t = operands[0].type();
    if (operands.length == 2) {
      TensorType u = operands[1].type();
      Shapes.check(t.dtype() == u.dtype(), "%s requires arguments to have the same dtypes, got %s and %s", op,
          t.dtype().xlaName(), u.dtype().xlaName());
      Shapes.check(java.util.Arrays.equals(t.dims(), u.dims()),
          "%s requires arguments to have the same shape, got %s and %s", op, Shapes.tuple(t.dims()),
          Shapes.tuple(u.dims()));
    }
    Shapes.check(kind.domain().accepts(t.dtype()), "%s requires %s argument, got %s", op,
        kind.domain().description(), t.dtype().xlaName());
    return new Elementwise(kind, List.of(operands), Value.of(t.withDType(kind.resultDType(t.dtype()))));
  }

  @Override
  public String name() {
    return kind.mlirName();
  }

  @Override
  public List<Value> results() {
    return List.of(result);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.append(name()).append(' ').values(operands).append(" : ");
    if (kind == ElementwiseKind.ERF || kind == ElementwiseKind.ERFC) {
      w.append(operands.get(0).type()).append(" -> ").append(result.type());
    } else if (kind == ElementwiseKind.IS_FINITE) {
      w.functionalType(operands, results());
    } else {
      w.append(result.type());
    }
  }
}
