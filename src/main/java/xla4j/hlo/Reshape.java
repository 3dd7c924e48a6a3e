package xla4j.hlo;

import java.util.List;

/**
 * {@code stablehlo.reshape} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#reshape">reshape</a>): same element count, row-major order kept.
 * Printed {@code stablehlo.reshape %x : (tensor<2x3xf32>) -> tensor<6xf32>}.
 */
public record Reshape(Value operand, Value result) implements Operation {
  public static Reshape of(Value operand, long... dims) {
    TensorType t = operand.type();
    TensorType r = TensorType.of(t.dtype(), dims);
    Shapes.check(r.numElements() == t.numElements(),
        "reshape requires the total size to be unchanged, got %s (of total size %d) for operand shape %s (of total size %d)",
        Shapes.tuple(dims), r.numElements(), Shapes.tuple(t.dims()), t.numElements());
    return new Reshape(operand, Value.of(r));
  }

  @Override
  public String name() {
    return "stablehlo.reshape";
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
    w.append("stablehlo.reshape ").value(operand).append(" : ").functionalType(operands(), results());
  }
}
