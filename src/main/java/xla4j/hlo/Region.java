package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A single-block region: block arguments, operations, and the values its terminator returns
 * ({@code stablehlo.return}; {@code func.return} for a function body).
 */
public record Region(List<Value> arguments, List<Operation> operations, List<Value> returns) {
  public Region {
    arguments = ImmutableList.copyOf(arguments);
    operations = ImmutableList.copyOf(operations);
    returns = ImmutableList.copyOf(returns);
  }

  /** Types of the block arguments. */
  public List<TensorType> argumentTypes() {
    return arguments.stream().map(Value::type).collect(ImmutableList.toImmutableList());
  }

  /** Types of the returned values. */
  public List<TensorType> returnTypes() {
    return returns.stream().map(Value::type).collect(ImmutableList.toImmutableList());
  }
}
