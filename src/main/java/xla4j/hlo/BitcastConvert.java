package xla4j.hlo;

import java.util.Arrays;
import java.util.List;
import xla4j.array.DType;

/**
 * {@code stablehlo.bitcast_convert} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#bitcast_convert">bitcast_convert</a>): reinterprets bits. Same width: same shape;
 * to a wider type: the last dim must equal the width ratio and is dropped; to a narrower type: a last dim
 * of the ratio is appended. Printed {@code stablehlo.bitcast_convert %x : (tensor<2x2xui32>) -> tensor<2xui64>}.
 */
public record BitcastConvert(Value operand, Value result) implements Operation {
  public static BitcastConvert of(Value operand, DType to) {
    TensorType t = operand.type();
    int from = t.dtype() == DType.PRED ? 0 : t.dtype().byteSize();
    int width = to == DType.PRED ? 0 : to.byteSize();
    Shapes.check(from > 0 && width > 0, "bitcast_convert requires non-boolean types, got %s and %s",
        t.dtype().xlaName(), to.xlaName());
    long[] dims = t.dims();
    if (width > from) {
      Shapes.check(t.rank() > 0 && dims[t.rank() - 1] == width / from,
          "bitcast_convert requires the last dimension to equal the width ratio %d when converting %s to %s, got %s",
          width / from, t.dtype().xlaName(), to.xlaName(), Shapes.tuple(dims));
      dims = Arrays.copyOf(dims, dims.length - 1);
    } else if (width < from) {
      dims = Arrays.copyOf(dims, dims.length + 1);
      dims[dims.length - 1] = from / width;
    }
    return new BitcastConvert(operand, Value.of(TensorType.of(to, dims)));
  }

  @Override
  public String name() {
    return "stablehlo.bitcast_convert";
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
    w.append("stablehlo.bitcast_convert ").value(operand).append(" : ").functionalType(operands(), results());
  }
}
