package xla4j.hlo;

import java.util.List;
import java.util.stream.Collectors;

/** Signature checks for op regions (reduction bodies, comparators, loop bodies, branches). */
final class Regions {
  private Regions() {}

  static String types(List<TensorType> ts) {
    return ts.stream().map(TensorType::shortString).collect(Collectors.joining(", ", "(", ")"));
  }

  static void checkArguments(String op, String what, Region r, List<TensorType> expected) {
    Shapes.check(r.argumentTypes().equals(expected), "%s requires the %s to take arguments %s, got %s", op, what,
        types(expected), types(r.argumentTypes()));
  }

  static void checkReturns(String op, String what, Region r, List<TensorType> expected) {
    Shapes.check(r.returnTypes().equals(expected), "%s requires the %s to return %s, got %s", op, what,
        types(expected), types(r.returnTypes()));
  }
}
