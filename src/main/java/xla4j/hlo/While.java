package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xla4j.array.DType;

/**
 * {@code stablehlo.while} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#while">while</a>): {@code cond} maps the loop state to an i1 scalar, {@code body}
 * maps the state to a new state of the same types. Printed in the generic form.
 */
public record While(List<Value> initial, Region cond, Region body, List<Value> results) implements Operation {
  public While {
    initial = ImmutableList.copyOf(initial);
    results = ImmutableList.copyOf(results);
  }

  public static While of(List<Value> initial, Region cond, Region body) {
    List<TensorType> types = new ArrayList<>();
    List<Value> results = new ArrayList<>();
    for (Value v : initial) {
      types.add(v.type());
      results.add(Value.of(v.type()));
    }
    Regions.checkArguments("while", "cond", cond, types);
    Regions.checkReturns("while", "cond", cond, List.of(TensorType.scalar(DType.PRED)));
    Regions.checkArguments("while", "body", body, types);
    Regions.checkReturns("while", "body", body, types);
    return new While(initial, cond, body, results);
  }

  @Override
  public String name() {
    return "stablehlo.while";
  }

  @Override
  public List<Value> operands() {
    return initial;
  }

  @Override
  public List<Region> regions() {
    return List.of(cond, body);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.generic(this, Map.of());
  }
}
