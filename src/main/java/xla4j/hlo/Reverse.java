package xla4j.hlo;

import java.util.List;

/** {@code stablehlo.reverse} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#reverse">reverse</a>): reverses the given unique dimensions; same type. */
public record Reverse(Value operand, int[] dimensions, Value result) implements Operation {
  public Reverse {
    dimensions = dimensions.clone();
  }

  public static Reverse of(Value operand, int... dimensions) {
    Shapes.checkAxes("reverse", "dimensions", dimensions, operand.type().rank());
    return new Reverse(operand, dimensions, Value.of(operand.type()));
  }

  @Override
  public int[] dimensions() {
    return dimensions.clone();
  }

  @Override
  public String name() {
    return "stablehlo.reverse";
  }

  @Override
  public List<Value> operands() {
    return List.of(operand);
  }

  @Override
  public List<Value> results() {
    return List.of(result);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.append("stablehlo.reverse ").value(operand).append(", dims = ").append(Shapes.list(dimensions)).append(" : ")
        .append(result.type());
  }
}
