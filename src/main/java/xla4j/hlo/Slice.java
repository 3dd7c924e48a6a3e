package xla4j.hlo;

import java.util.List;

/**
 * {@code stablehlo.slice} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#slice">slice</a>): static {@code [start, limit)} with {@code stride} per dimension;
 * result dim {@code ceil((limit - start) / stride)}. Printed {@code stablehlo.slice %x [0:2, 1:4:2] : (...) -> ...}.
 */
public record Slice(Value operand, long[] start, long[] limit, long[] strides, Value result) implements Operation {
  public Slice {
    start = start.clone();
    limit = limit.clone();
    strides = strides.clone();
  }

  public static Slice of(Value operand, long[] start, long[] limit, long[] strides) {
    TensorType t = operand.type();
    Shapes.check(start.length == t.rank() && limit.length == t.rank() && strides.length == t.rank(),
        "slice requires start_indices, limit_indices and strides to have length equal to operand ndim %d, got %s, %s and %s",
        t.rank(), Shapes.tuple(start), Shapes.tuple(limit), Shapes.tuple(strides));
    long[] dims = new long[t.rank()];
    for (int i = 0; i < dims.length; i++) {
      Shapes.check(start[i] >= 0, "slice requires start_indices to be non-negative, got %s", Shapes.tuple(start));
      Shapes.check(limit[i] <= t.dim(i),
          "slice requires limit_indices to be less than or equal to the operand shape, got %s for operand shape %s",
          Shapes.tuple(limit), Shapes.tuple(t.dims()));
      Shapes.check(start[i] <= limit[i],
          "slice requires limit_indices to be greater than or equal to start_indices, got start_indices %s and"
              + " limit_indices %s", Shapes.tuple(start), Shapes.tuple(limit));
      Shapes.check(strides[i] > 0, "slice requires strides to be positive, got %s", Shapes.tuple(strides));
      dims[i] = (limit[i] - start[i] + strides[i] - 1) / strides[i];
    }
    return new Slice(operand, start, limit, strides, Value.of(t.withDims(dims)));
  }

  @Override
  public long[] start() {
    return start.clone();
  }

  @Override
  public long[] limit() {
    return limit.clone();
  }

  @Override
  public long[] strides() {
    return strides.clone();
  }

  @Override
  public String name() {
    return "stablehlo.slice";
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
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < start.length; i++) {
      sb.append(i > 0 ? ", " : "").append(start[i]).append(':').append(limit[i]);
      if (strides[i] != 1) {
        sb.append(':').append(strides[i]);
      }
    }
    w.append("stablehlo.slice ").value(operand).append(' ').append(sb.append(']')).append(" : ")
        .functionalType(operands(), results());
  }
}
