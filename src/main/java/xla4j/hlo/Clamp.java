package xla4j.hlo;

import java.util.List;

/**
 * {@code stablehlo.clamp} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#clamp">clamp</a>): {@code min} and {@code max} are scalars or of the operand's
 * shape, all of one dtype; result has the operand's type. Printed {@code stablehlo.clamp %lo, %x, %hi : ...}.
 */
public record Clamp(Value min, Value operand, Value max, Value result) implements Operation {
  public static Clamp of(Value min, Value operand, Value max) {
    TensorType x = operand.type();
    for (Value b : List.of(min, max)) {
      Shapes.check(b.type().dtype() == x.dtype(), "clamp requires min, operand and max to have the same dtypes, got %s and %s",
          b.type().dtype().xlaName(), x.dtype().xlaName());
      Shapes.check(b.type().rank() == 0 || java.util.Arrays.equals(b.type().dims(), x.dims()),
          "clamp requires min and max to be scalars or have the operand's shape, got %s and %s",
          Shapes.tuple(b.type().dims()), Shapes.tuple(x.dims()));
    }
    return new Clamp(min, operand, max, Value.of(x));
  }

  @Override
  public String name() {
    return "stablehlo.clamp";
  }

  @Override
  public List<Value> operands() {
    return List.of(min, operand, max);
  }

  @Override
  public List<Value> results() {
    return List.of(result);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.append("stablehlo.clamp ").values(operands()).append(" : ");
    if (min.type().equals(result.type()) && max.type().equals(result.type())) {
      w.append(result.type());
    } else {
      w.functionalType(operands(), results());
    }
  }
}
