package xla4j.hlo;

import java.util.List;
import xla4j.array.DType;

/**
 * {@code stablehlo.convert} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#convert">convert</a>): any element type to any other, same shape.
 * Printed {@code stablehlo.convert %x : (tensor<2xf32>) -> tensor<2xbf16>}.
 */
public record Convert(Value operand, Value result) implements Operation {
  public static Convert of(Value operand, DType to) {
    Shapes.check(to != null, "convert requires a target dtype, got null");
    return new Convert(operand, Value.of(operand.type().withDType(to)));
  }

  @Override
  public String name() {
    return "stablehlo.convert";
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
    w.append("stablehlo.convert ").value(operand).append(" : ").functionalType(operands(), results());
  }
}
