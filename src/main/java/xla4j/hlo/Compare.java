package xla4j.hlo;

import java.util.List;
import xla4j.array.DType;

/**
 * {@code stablehlo.compare} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#compare">compare</a>): equal operand types, result {@code i1} of their shape.
 * Printed {@code stablehlo.compare GT, %a, %b, FLOAT : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xi1>}.
 */
public record Compare(Direction direction, CompareType compareType, Value lhs, Value rhs, Value result)
    implements Operation {
  /** Comparison direction. */
  public enum Direction { EQ, NE, GE, GT, LE, LT }

  /** How elements are compared. */
  public enum CompareType { FLOAT, TOTALORDER, SIGNED, UNSIGNED }

  /** Compare with the type JAX picks: FLOAT for floats, SIGNED for signed ints, UNSIGNED for unsigned/pred. */
  public static Compare of(Direction direction, Value lhs, Value rhs) {
    return of(direction, defaultType(lhs.type().dtype()), lhs, rhs);
  }

  public static Compare of(Direction direction, CompareType type, Value lhs, Value rhs) {
    TensorType t = lhs.type();
    TensorType u = rhs.type();
    Shapes.check(t.dtype() == u.dtype(), "compare requires arguments to have the same dtypes, got %s and %s",
        t.dtype().xlaName(), u.dtype().xlaName());
    Shapes.check(java.util.Arrays.equals(t.dims(), u.dims()),
        "compare requires arguments to have the same shape, got %s and %s", Shapes.tuple(t.dims()),
        Shapes.tuple(u.dims()));
    boolean isFloat = t.dtype().isFloating();
    Shapes.check(isFloat == (type == CompareType.FLOAT || type == CompareType.TOTALORDER),
        "compare requires comparison type %s to match the element type, got %s", type, t.dtype().xlaName());
    return new Compare(direction, type, lhs, rhs, Value.of(t.withDType(DType.PRED)));
  }

  static CompareType defaultType(DType t) {
    if (t.isFloating()) {
      return CompareType.FLOAT;
    }
    return t.kind() == DType.Kind.SIGNED ? CompareType.SIGNED : CompareType.UNSIGNED;
  }

  @Override
  public String name() {
    return "stablehlo.compare";
  }

  @Override
  public List<Value> operands() {
    return List.of(lhs, rhs);
  }

  @Override
  public List<Value> results() {
    return List.of(result);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.append("stablehlo.compare ").append(direction).append(", ").value(lhs).append(", ").value(rhs).append(", ")
        .append(compareType).append(" : ").functionalType(operands(), results());
  }
}
