package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * {@code stablehlo.optimization_barrier} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#optimization_barrier">optimization_barrier</a>): identity on its operands that XLA
 * may not move computations across. Printed {@code stablehlo.optimization_barrier %a, %b : t0, t1}.
 */
public record OptimizationBarrier(List<Value> inputs, List<Value> results) implements Operation {
  public OptimizationBarrier {
    inputs = ImmutableList.copyOf(inputs);
    results = ImmutableList.copyOf(results);
  }

  public static OptimizationBarrier of(List<Value> inputs) {
    Shapes.check(!inputs.isEmpty(), "optimization_barrier requires at least one operand, got 0");
    return new OptimizationBarrier(inputs, inputs.stream().map(v -> Value.of(v.type())).toList());
  }

  @Override
  public String name() {
    return "stablehlo.optimization_barrier";
  }

  @Override
  public List<Value> operands() {
    return inputs;
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.append("stablehlo.optimization_barrier ").values(inputs).append(" : ").types(inputs);
  }
}
