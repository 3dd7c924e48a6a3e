package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * {@code stablehlo.dynamic_slice} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#dynamic_slice">dynamic_slice</a>): one scalar integer start index per dimension
 * (clamped at run time), static {@code sizes}. Printed
 * {@code stablehlo.dynamic_slice %x, %i, %j, sizes = [2, 2] : (...) -> tensor<2x2xf32>}.
 */
public record DynamicSlice(Value operand, List<Value> startIndices, long[] sizes, Value result) implements Operation {
  public DynamicSlice {
    startIndices = ImmutableList.copyOf(startIndices);
    sizes = sizes.clone();
  }

  public static DynamicSlice of(Value operand, List<Value> startIndices, long... sizes) {
    TensorType t = operand.type();
    Shapes.check(startIndices.size() == t.rank(),
        "dynamic_slice requires one start index per operand dimension, got %d indices for operand shape %s",
        startIndices.size(), Shapes.tuple(t.dims()));
    Shapes.check(sizes.length == t.rank(),
        "dynamic_slice requires slice_sizes to have length equal to operand ndim, got %s for operand shape %s",
        Shapes.tuple(sizes), Shapes.tuple(t.dims()));
    checkIndices("dynamic_slice", startIndices);
    for (int i = 0; i < sizes.length; i++) {
      Shapes.check(sizes[i] >= 0 && sizes[i] <= t.dim(i),
          "dynamic_slice requires slice_sizes to be in range [0, operand shape], got %s for operand shape %s",
          Shapes.tuple(sizes), Shapes.tuple(t.dims()));
    }
    return new DynamicSlice(operand, startIndices, sizes, Value.of(t.withDims(sizes)));
  }

  static void checkIndices(String op, List<Value> indices) {
    for (Value v : indices) {
      Shapes.check(v.type().rank() == 0 && v.type().dtype().isInteger(),
          "%s requires start indices to be integer scalars, got %s", op, v.type().shortString());
      Shapes.check(v.type().dtype() == indices.get(0).type().dtype(),
          "%s requires start indices to have the same dtypes, got %s and %s", op,
          indices.get(0).type().dtype().xlaName(), v.type().dtype().xlaName());
    }
  }

  @Override
  public long[] sizes() {
    return sizes.clone();
  }

  @Override
  public String name() {
    return "stablehlo.dynamic_slice";
  }

  @Override
  public List<Value> operands() {
    return ImmutableList.<Value>builder().add(operand).addAll(startIndices).build();
  }

  @Override
  public List<Value> results() {
    return List.of(result);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.append("stablehlo.dynamic_slice ").values(operands()).append(", sizes = ").append(Shapes.list(sizes))
        .append(" : ").functionalType(operands(), results());
  }
}
