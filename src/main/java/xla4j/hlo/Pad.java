package xla4j.hlo;

import java.util.List;

/**
 * {@code stablehlo.pad} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#pad">pad</a>): low/high edge padding (may be negative) and interior padding
 * (>= 0) with a scalar padding value; result dim {@code low + high + d + (d - 1) * interior}.
 */
public record Pad(Value operand, Value paddingValue, long[] low, long[] high, long[] interior, Value result)
    implements Operation {
  public Pad {
    low = low.clone();
    high = high.clone();
    interior = interior.clone();
  }

  public static Pad of(Value operand, Value paddingValue, long[] low, long[] high, long[] interior) {
    TensorType t = operand.type();
    TensorType p = paddingValue.type();
    Shapes.check(p.rank() == 0, "pad requires a scalar padding value, got %s", p.shortString());
    Shapes.check(p.dtype() == t.dtype(), "pad requires operand and padding value to have the same dtypes, got %s and %s",
        t.dtype().xlaName(), p.dtype().xlaName());
    Shapes.check(low.length == t.rank() && high.length == t.rank() && interior.length == t.rank(),
        "pad requires low, high and interior padding to have length equal to operand ndim %d, got %s, %s and %s",
        t.rank(), Shapes.tuple(low), Shapes.tuple(high), Shapes.tuple(interior));
    long[] dims = new long[t.rank()];
    for (int i = 0; i < dims.length; i++) {
      Shapes.check(interior[i] >= 0, "pad requires interior padding to be non-negative, got %s", Shapes.tuple(interior));
      long d = t.dim(i);
      dims[i] = low[i] + high[i] + d + Math.max(d - 1, 0) * interior[i];
      Shapes.check(dims[i] >= 0, "pad requires the padded shape to be non-negative, got dimension %d of size %d", i, dims[i]);
    }
    return new Pad(operand, paddingValue, low, high, interior, Value.of(t.withDims(dims)));
  }

  @Override
  public long[] low() {
    return low.clone();
  }

  @Override
  public long[] high() {
    return high.clone();
  }

  @Override
  public long[] interior() {
    return interior.clone();
  }

  @Override
  public String name() {
    return "stablehlo.pad";
  }

  @Override
  public List<Value> operands() {
    return List.of(operand, paddingValue);
  }

  @Override
  public List<Value> results() {
    return List.of(result);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.append("stablehlo.pad ").values(operands()).append(", low = ").append(Shapes.list(low)).append(", high = ")
        .append(Shapes.list(high)).append(", interior = ").append(Shapes.list(interior)).append(" : ")
        .functionalType(operands(), results());
  }
}
