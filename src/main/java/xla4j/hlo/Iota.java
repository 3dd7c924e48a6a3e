package xla4j.hlo;

import java.util.List;

/**
 * {@code stablehlo.iota} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#iota">iota</a>): values {@code 0, 1, ...} along {@code dimension} of the given
 * type. Printed {@code stablehlo.iota dim = 0 : tensor<4xi32>}.
 */
public record Iota(long dimension, Value result) implements Operation {
  public static Iota of(TensorType type, long dimension) {
    Shapes.check(type.rank() > 0, "iota requires a result of rank >= 1, got %s", type.shortString());
    Shapes.check(dimension >= 0 && dimension < type.rank(), "iota requires dimension to be in range [0, %d), got %d",
        type.rank(), dimension);
    Shapes.check(type.dtype() != xla4j.array.DType.PRED, "iota requires a numeric element type, got pred");
    return new Iota(dimension, Value.of(type));
  }

  @Override
  public String name() {
    return "stablehlo.iota";
  }

  @Override
  public List<Value> operands() {
    return List.of();
  }

  @Override
  public List<Value> results() {
    return List.of(result);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.append("stablehlo.iota dim = ").append(dimension).append(" : ").append(result.type());
  }
}
