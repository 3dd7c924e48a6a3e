package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xla4j.array.DType;

/**
 * {@code stablehlo.sort} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#sort">sort</a>): sorts N inputs of one shape together along {@code dimension}; the
 * comparator takes {@code (lhs_0, rhs_0, lhs_1, rhs_1, ...)} scalars and returns an i1 scalar. Results have
 * the inputs' types.
 */
public record Sort(List<Value> inputs, long dimension, boolean isStable, Region comparator, List<Value> results)
    implements Operation {
  public Sort {
    inputs = ImmutableList.copyOf(inputs);
    results = ImmutableList.copyOf(results);
  }

  public static Sort of(List<Value> inputs, int dimension, boolean isStable, Region comparator) {
    Shapes.check(!inputs.isEmpty(), "sort requires at least one input, got 0");
    TensorType first = inputs.get(0).type();
    Shapes.check(dimension >= 0 && dimension < first.rank(), "sort requires dimension to be in range [0, %d), got %d",
        first.rank(), dimension);
    List<TensorType> args = new ArrayList<>();
    List<Value> results = new ArrayList<>();
    for (Value v : inputs) {
      Shapes.check(java.util.Arrays.equals(v.type().dims(), first.dims()),
          "sort requires inputs to have the same shape, got %s and %s", Shapes.tuple(first.dims()),
          Shapes.tuple(v.type().dims()));
      TensorType s = TensorType.scalar(v.type().dtype());
      args.add(s);
      args.add(s);
      results.add(Value.of(v.type()));
    }
    Regions.checkArguments("sort", "comparator", comparator, args);
    Regions.checkReturns("sort", "comparator", comparator, List.of(TensorType.scalar(DType.PRED)));
    return new Sort(inputs, dimension, isStable, comparator, results);
  }

  @Override
  public String name() {
    return "stablehlo.sort";
  }

  @Override
  public List<Value> operands() {
    return inputs;
  }

  @Override
  public List<Region> regions() {
    return List.of(comparator);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("dimension", dimension + " : i64");
    p.put("is_stable", Boolean.toString(isStable));
    w.generic(this, p);
  }
}
