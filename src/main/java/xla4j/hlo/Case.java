package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xla4j.array.DType;

/**
 * {@code stablehlo.if} (two branches, i1 predicate; true branch first) or {@code stablehlo.case} (N branches,
 * s32 index; out-of-range runs the last branch) (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#if">if</a>, <a href="https://openxla.org/stablehlo/spec#case">case</a>). Branches take no arguments (they capture
 * outer values) and return the same types, which are the results.
 */
public record Case(boolean isIf, Value selector, List<Region> branches, List<Value> results) implements Operation {
  public Case {
    branches = ImmutableList.copyOf(branches);
    results = ImmutableList.copyOf(results);
  }

  /** {@code stablehlo.if}. */
  public static Case ifOp(Value pred, Region onTrue, Region onFalse) {
    Shapes.check(pred.type().rank() == 0 && pred.type().dtype() == DType.PRED,
        "if requires a scalar boolean predicate, got %s", pred.type().shortString());
    return make(true, "if", pred, List.of(onTrue, onFalse));
  }

  /** {@code stablehlo.case}. */
  public static Case caseOp(Value index, List<Region> branches) {
    Shapes.check(index.type().rank() == 0 && index.type().dtype() == DType.S32,
        "case requires a scalar s32 index, got %s", index.type().shortString());
    Shapes.check(!branches.isEmpty(), "case requires at least one branch, got 0");
    return make(false, "case", index, branches);
  }

  private static Case make(boolean isIf, String op, Value selector, List<Region> branches) {
    List<TensorType> types = branches.get(0).returnTypes();
    for (int i = 0; i < branches.size(); i++) {
      Region b = branches.get(i);
      Shapes.check(b.arguments().isEmpty(), "%s requires branches without arguments, got %d in branch %d", op,
          b.arguments().size(), i);
      Shapes.check(b.returnTypes().equals(types), "%s requires all branches to return the same types, got %s and %s",
          op, Regions.types(types), Regions.types(b.returnTypes()));
    }
    List<Value> results = new ArrayList<>();
    for (TensorType t : types) {
      results.add(Value.of(t));
    }
    return new Case(isIf, selector, branches, results);
  }

  @Override
  public String name() {
    return isIf ? "stablehlo.if" : "stablehlo.case";
  }

  @Override
  public List<Value> operands() {
    return List.of(selector);
  }

  @Override
  public List<Region> regions() {
    return branches;
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.generic(this, Map.of());
  }
}
