package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * {@code stablehlo.dynamic_update_slice} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#dynamic_update_slice">dynamic_update_slice</a>): writes {@code update} into
 * {@code operand} at scalar start indices (clamped at run time); result has the operand's type.
 */
public record DynamicUpdateSlice(Value operand, Value update, List<Value> startIndices, Value result)
    implements Operation {
  public DynamicUpdateSlice {
    startIndices = ImmutableList.copyOf(startIndices);
  }

  public static DynamicUpdateSlice of(Value operand, Value update, List<Value> startIndices) {
    TensorType t = operand.type();
    TensorType u = update.type();
    Shapes.check(t.dtype() == u.dtype(),
        "dynamic_update_slice requires operand and update to have the same dtypes, got %s and %s",
        t.dtype().xlaName(), u.dtype().xlaName());
    Shapes.check(u.rank() == t.rank(), "dynamic_update_slice requires update to have the operand's rank, got %s and %s",
        Shapes.tuple(t.dims()), Shapes.tuple(u.dims()));
    for (int i = 0; i < t.rank(); i++) {
      Shapes.check(u.dim(i) <= t.dim(i),
          "dynamic_update_slice requires update shape to be smaller than operand shape, got %s and %s",
          Shapes.tuple(t.dims()), Shapes.tuple(u.dims()));
    }
    Shapes.check(startIndices.size() == t.rank(),
        "dynamic_update_slice requires one start index per operand dimension, got %d indices for operand shape %s",
        startIndices.size(), Shapes.tuple(t.dims()));
    DynamicSlice.checkIndices("dynamic_update_slice", startIndices);
    return new DynamicUpdateSlice(operand, update, startIndices, Value.of(t));
  }

  @Override
  public String name() {
    return "stablehlo.dynamic_update_slice";
  }

  @Override
  public List<Value> operands() {
    return ImmutableList.<Value>builder().add(operand, update).addAll(startIndices).build();
  }

  @Override
  public List<Value> results() {
    return List.of(result);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.append("stablehlo.dynamic_update_slice ").values(operands()).append(" : ").functionalType(operands(), results());
  }
}
