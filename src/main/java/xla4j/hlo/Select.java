package xla4j.hlo;

import java.util.List;
import xla4j.array.DType;

/**
 * {@code stablehlo.select} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#select">select</a>): {@code pred} is i1, scalar or of the branches' shape; branches
 * have equal types, which is the result type. Printed {@code stablehlo.select %p, %a, %b : tensor<2xi1>, tensor<2xf32>}.
 */
public record Select(Value pred, Value onTrue, Value onFalse, Value result) implements Operation {
  public static Select of(Value pred, Value onTrue, Value onFalse) {
    TensorType p = pred.type();
    TensorType t = onTrue.type();
    TensorType f = onFalse.type();
    Shapes.check(p.dtype() == DType.PRED, "select requires a boolean predicate, got %s", p.dtype().xlaName());
    Shapes.check(t.dtype() == f.dtype(), "select requires on_true and on_false to have the same dtypes, got %s and %s",
        t.dtype().xlaName(), f.dtype().xlaName());
    Shapes.check(java.util.Arrays.equals(t.dims(), f.dims()),
        "select requires on_true and on_false to have the same shape, got %s and %s", Shapes.tuple(t.dims()),
        Shapes.tuple(f.dims()));
    Shapes.check(p.rank() == 0 || java.util.Arrays.equals(p.dims(), t.dims()),
        "select requires the predicate to be a scalar or have the same shape as on_true, got %s and %s",
        Shapes.tuple(p.dims()), Shapes.tuple(t.dims()));
    return new Select(pred, onTrue, onFalse, Value.of(t));
  }

  @Override
  public String name() {
    return "stablehlo.select";
  }

  @Override
  public List<Value> operands() {
    return List.of(pred, onTrue, onFalse);
  }

  @Override
  public List<Value> results() {
    return List.of(result);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.append("stablehlo.select ").values(operands()).append(" : ").append(pred.type()).append(", ")
        .append(result.type());
  }
}
