package xla4j.hlo;

import java.util.List;

/**
 * {@code sdy.sharding_constraint} on an intermediate value (Shardy), or, with {@code gspmd}, the
 * {@code stablehlo.custom_call @Sharding} JAX emits for GSPMD. Identity on the value; same type.
 */
public record ShardingConstraint(Value operand, Sharding sharding, boolean gspmd, Value result) implements Operation {
  public static ShardingConstraint of(Value operand, Sharding sharding, boolean gspmd) {
    sharding.checkFits("sharding_constraint", operand.type());
    return new ShardingConstraint(operand, sharding, gspmd, Value.of(operand.type()));
  }

  @Override
  public String name() {
    return gspmd ? "stablehlo.custom_call" : "sdy.sharding_constraint";
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
    if (gspmd) {
      w.append("stablehlo.custom_call @Sharding(").value(operand).append(") {mhlo.sharding = ")
          .append(Attr.quote(sharding.gspmd())).append("} : ").functionalType(operands(), results());
    } else {
      w.append("sdy.sharding_constraint ").value(operand).append(' ').append(sharding.shardyBody()).append(" : ")
          .append(result.type());
    }
  }
}
