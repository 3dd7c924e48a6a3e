package xla4j.hlo;

import java.util.List;

/**
 * {@code stablehlo.broadcast_in_dim} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#broadcast_in_dim">broadcast_in_dim</a>): operand dimension {@code i} maps to result
 * dimension {@code dims[i]} and must be 1 or equal to it. Result: {@code shape} with the operand's dtype.
 * Printed {@code stablehlo.broadcast_in_dim %x, dims = [1] : (tensor<3xf32>) -> tensor<2x3xf32>}.
 */
public record BroadcastInDim(Value operand, int[] broadcastDimensions, Value result) implements Operation {
  public BroadcastInDim {
    broadcastDimensions = broadcastDimensions.clone();
  }

  public static BroadcastInDim of(Value operand, long[] shape, int... dims) {
    TensorType t = operand.type();
    Shapes.check(dims.length == t.rank(),
        "broadcast_in_dim requires broadcast_dimensions to have length equal to operand ndim, got %s for operand ndim %d",
        Shapes.tuple(dims), t.rank());
    Shapes.check(t.rank() <= shape.length,
        "broadcast_in_dim requires the target shape to have rank >= operand ndim, got %s for operand shape %s",
        Shapes.tuple(shape), Shapes.tuple(t.dims()));
    Shapes.checkAxes("broadcast_in_dim", "broadcast_dimensions", dims, shape.length);
    for (int i = 0; i < dims.length; i++) {
      Shapes.check(t.dim(i) == 1 || t.dim(i) == shape[dims[i]],
          "broadcast_in_dim requires operand dimension sizes to be 1 or equal to their target dimensions, got operand"
              + " shape %s, target shape %s, broadcast_dimensions %s",
          Shapes.tuple(t.dims()), Shapes.tuple(shape), Shapes.tuple(dims));
    }
    return new BroadcastInDim(operand, dims, Value.of(TensorType.of(t.dtype(), shape)));
  }

  @Override
  public int[] broadcastDimensions() {
    return broadcastDimensions.clone();
  }

  @Override
  public String name() {
    return "stablehlo.broadcast_in_dim";
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
    w.append("stablehlo.broadcast_in_dim ").value(operand).append(", dims = ").append(Shapes.list(broadcastDimensions))
        .append(" : ").functionalType(operands(), results());
  }
}
