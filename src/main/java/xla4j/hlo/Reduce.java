package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code stablehlo.reduce} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#reduce">reduce</a>) of N inputs of one shape with N scalar init values over
 * {@code dimensions}; the body maps {@code (acc_0..acc_N-1, x_0..x_N-1)} to N scalars. Results: the input
 * shape without the reduced dimensions, with the init dtypes. Printed in JAX's compact form
 * {@code stablehlo.reduce(%x init: %c) applies stablehlo.add across dimensions = [1] : ...} when the body is one
 * binary op, otherwise in the generic form.
 */
public record Reduce(List<Value> inputs, List<Value> inits, int[] dimensions, Region body, List<Value> results)
    implements Operation {
  public Reduce {
    inputs = ImmutableList.copyOf(inputs);
    inits = ImmutableList.copyOf(inits);
    dimensions = dimensions.clone();
    results = ImmutableList.copyOf(results);
  }

  public static Reduce of(List<Value> inputs, List<Value> inits, int[] dimensions, Region body) {
    Shapes.check(!inputs.isEmpty(), "reduce requires at least one input, got 0");
    Shapes.check(inputs.size() == inits.size(), "reduce requires one init value per input, got %d inputs and %d init values",
        inputs.size(), inits.size());
    TensorType first = inputs.get(0).type();
    List<TensorType> scalars = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      TensorType t = inputs.get(i).type();
      TensorType init = inits.get(i).type();
      Shapes.check(java.util.Arrays.equals(t.dims(), first.dims()), "reduce requires inputs to have the same shape, got %s and %s",
          Shapes.tuple(first.dims()), Shapes.tuple(t.dims()));
      Shapes.check(init.rank() == 0, "reduce requires scalar init values, got %s", init.shortString());
      Shapes.check(init.dtype() == t.dtype(), "reduce requires init values to have the inputs' dtypes, got %s and %s",
          t.dtype().xlaName(), init.dtype().xlaName());
      scalars.add(init);
    }
    Shapes.checkAxes("reduce", "dimensions", dimensions, first.rank());
    List<TensorType> args = new ArrayList<>(scalars);
    args.addAll(scalars);
    Regions.checkArguments("reduce", "body", body, args);
    Regions.checkReturns("reduce", "body", body, scalars);
    List<Long> kept = new ArrayList<>();
    for (int i = 0; i < first.rank(); i++) {
      final int axis = i;
      if (java.util.Arrays.stream(dimensions).noneMatch(d -> d == axis)) {
        kept.add(first.dim(i));
      }
    }
    long[] dims = kept.stream().mapToLong(Long::longValue).toArray();
    List<Value> results = new ArrayList<>();
    for (TensorType s : scalars) {
      results.add(Value.of(s.withDims(dims)));
    }
    return new Reduce(inputs, inits, dimensions, body, results);
  }

  @Override
  public int[] dimensions() {
    return dimensions.clone();
  }

  @Override
  public String name() {
    return "stablehlo.reduce";
  }

  @Override
  public List<Value> operands() {
    return ImmutableList.<Value>builder().addAll(inputs).addAll(inits).build();
  }

  @Override
  public List<Region> regions() {
    return List.of(body);
  }

  /** The body's single binary op if the compact {@code applies} form fits, else null. */
  private Elementwise compactOp() {
    if (inputs.size() != 1 || body.operations().size() != 1 || !(body.operations().get(0) instanceof Elementwise)) {
      return null;
    }
    Elementwise e = (Elementwise) body.operations().get(0);
    boolean fits = e.kind().arity() == 2 && e.operands().get(0) == body.arguments().get(0)
        && e.operands().get(1) == body.arguments().get(1) && body.returns().get(0) == e.result()
        && !e.name().startsWith("chlo.");
    return fits ? e : null;
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    Elementwise e = compactOp();
    if (e != null) {
      w.append("stablehlo.reduce(").value(inputs.get(0)).append(" init: ").value(inits.get(0)).append(") applies ")
          .append(e.name()).append(" across dimensions = ").append(Shapes.list(dimensions)).append(" : ")
          .functionalType(operands(), results);
      return;
    }
    w.generic(this, Map.of("dimensions", Shapes.i64Array(dimensions)));
  }
}
