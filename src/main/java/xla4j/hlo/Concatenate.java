package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * {@code stablehlo.concatenate} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#concatenate">concatenate</a>): operands of one dtype and rank, equal except along
 * {@code dimension}, which sums. Printed {@code stablehlo.concatenate %a, %b, dim = 0 : (...) -> ...}.
 */
public record Concatenate(List<Value> inputs, long dimension, Value result) implements Operation {
  public Concatenate {
    inputs = ImmutableList.copyOf(inputs);
  }

  public static Concatenate of(List<Value> inputs, int dimension) {
    Shapes.check(!inputs.isEmpty(), "concatenate requires at least one operand, got 0");
    TensorType first = inputs.get(0).type();
    Shapes.check(dimension >= 0 && dimension < first.rank(),
        "concatenate requires dimension to be in range [0, %d), got %d", first.rank(), dimension);
    long[] dims = first.dims();
    dims[dimension] = 0;
    for (Value v : inputs) {
      TensorType t = v.type();
      Shapes.check(t.dtype() == first.dtype(), "concatenate requires operands to have the same dtypes, got %s and %s",
          first.dtype().xlaName(), t.dtype().xlaName());
      Shapes.check(t.rank() == first.rank(), "concatenate requires operands to have the same rank, got %s and %s",
          Shapes.tuple(first.dims()), Shapes.tuple(t.dims()));
      for (int i = 0; i < t.rank(); i++) {
        Shapes.check(i == dimension || t.dim(i) == first.dim(i),
            "concatenate requires operands to have the same shape except in dimension %d, got %s and %s",
            dimension, Shapes.tuple(first.dims()), Shapes.tuple(t.dims()));
      }
      dims[dimension] += t.dim(dimension);
    }
    return new Concatenate(inputs, dimension, Value.of(first.withDims(dims)));
  }

  @Override
  public String name() {
    return "stablehlo.concatenate";
  }

  @Override
  public List<Value> operands() {
    return inputs;
  }

  @Override
  public List<Value> results() {
    return List.of(result);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.append("stablehlo.concatenate ").values(inputs).append(", dim = ").append(dimension).append(" : ")
        .functionalType(inputs, results());
  }
}
