package xla4j.hlo;

import java.util.ArrayList;
import java.util.List;
import xla4j.array.DType;

/**
 * {@code stablehlo.dot_general} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#dot_general">dot_general</a>). Result dims: batch dims, then lhs free dims, then rhs
 * free dims, each in operand order; dtype the operands' unless {@code resultDType} is given (e.g. bf16 x bf16
 * accumulating to f32). Printed
 * {@code stablehlo.dot_general %a, %b, batching_dims = [0] x [0], contracting_dims = [2] x [1], precision = [DEFAULT, DEFAULT] : (...) -> ...}.
 */
public record DotGeneral(Value lhs, Value rhs, int[] lhsBatch, int[] rhsBatch, int[] lhsContracting,
    int[] rhsContracting, Precision precision, Value result) implements Operation {
  public DotGeneral {
    lhsBatch = lhsBatch.clone();
    rhsBatch = rhsBatch.clone();
    lhsContracting = lhsContracting.clone();
    rhsContracting = rhsContracting.clone();
  }

  public static DotGeneral of(Value lhs, Value rhs, int[] lhsBatch, int[] rhsBatch, int[] lhsContracting,
      int[] rhsContracting, Precision precision, DType resultDType) {
    TensorType a = lhs.type();
    TensorType b = rhs.type();
    Shapes.check(a.dtype() == b.dtype(), "dot_general requires operands to have the same dtypes, got %s and %s",
        a.dtype().xlaName(), b.dtype().xlaName());
    Shapes.check(a.dtype() != DType.PRED, "dot_general requires numeric operands, got pred");
    Shapes.check(lhsBatch.length == rhsBatch.length,
        "dot_general requires lhs batch dimensions and rhs batch dimensions to have the same length, got %s and %s",
        Shapes.tuple(lhsBatch), Shapes.tuple(rhsBatch));
    Shapes.check(lhsContracting.length == rhsContracting.length,
        "dot_general requires lhs contracting dimensions and rhs contracting dimensions to have the same length, got %s and %s",
        Shapes.tuple(lhsContracting), Shapes.tuple(rhsContracting));
    Shapes.checkAxes("dot_general", "lhs batch and contracting dimensions", concat(lhsBatch, lhsContracting), a.rank());
    Shapes.checkAxes("dot_general", "rhs batch and contracting dimensions", concat(rhsBatch, rhsContracting), b.rank());
    long[] lb = pick(a, lhsBatch);
    long[] rb = pick(b, rhsBatch);
    Shapes.check(java.util.Arrays.equals(lb, rb),
        "dot_general requires lhs batch dimensions and rhs batch dimensions to have the same shape, got %s and %s",
        Shapes.tuple(lb), Shapes.tuple(rb));
    long[] lc = pick(a, lhsContracting);
    long[] rc = pick(b, rhsContracting);
    Shapes.check(java.util.Arrays.equals(lc, rc),
        "dot_general requires contracting dimensions to have the same size, got %s and %s", Shapes.tuple(lc),
        Shapes.tuple(rc));
    List<Long> dims = new ArrayList<>();
    for (long d : lb) {
      dims.add(d);
    }
    addFree(dims, a, lhsBatch, lhsContracting);
    addFree(dims, b, rhsBatch, rhsContracting);
    DType out = resultDType == null ? a.dtype() : resultDType;
    return new DotGeneral(lhs, rhs, lhsBatch, rhsBatch, lhsContracting, rhsContracting,
        precision == null ? Precision.DEFAULT : precision,
        Value.of(TensorType.of(out, dims.stream().mapToLong(Long::longValue).toArray())));
  }

  private static int[] concat(int[] x, int[] y) {
    int[] r = java.util.Arrays.copyOf(x, x.length + y.length);
    System.arraycopy(y, 0, r, x.length, y.length);
    return r;
  }

  private static long[] pick(TensorType t, int[] axes) {
    long[] r = new long[axes.length];
    for (int i = 0; i < axes.length; i++) {
      r[i] = t.dim(axes[i]);
    }
    return r;
  }

  private static void addFree(List<Long> dims, TensorType t, int[] batch, int[] contracting) {
    for (int i = 0; i < t.rank(); i++) {
      final int axis = i;
      if (java.util.Arrays.stream(batch).noneMatch(x -> x == axis)
          && java.util.Arrays.stream(contracting).noneMatch(x -> x == axis)) {
        dims.add(t.dim(i));
      }
    }
  }

  @Override
  public int[] lhsBatch() {
    return lhsBatch.clone();
  }

  @Override
  public int[] rhsBatch() {
    return rhsBatch.clone();
  }

  @Override
  public int[] lhsContracting() {
    return lhsContracting.clone();
  }

  @Override
  public int[] rhsContracting() {
    return rhsContracting.clone();
  }

  @Override
  public String name() {
    return "stablehlo.dot_general";
  }

  @Override
  public List<Value> operands() {
    return List.of(lhs, rhs);
  }

  @Override
  public List<Value> results() {
    return List.of(result);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.append("stablehlo.dot_general ").value(lhs).append(", ").value(rhs);
    if (lhsBatch.length > 0) {
      w.append(", batching_dims = ").append(Shapes.list(lhsBatch)).append(" x ").append(Shapes.list(rhsBatch));
    }
    w.append(", contracting_dims = ").append(Shapes.list(lhsContracting)).append(" x ")
        .append(Shapes.list(rhsContracting)).append(", precision = [").append(precision).append(", ")
        .append(precision).append("] : ").functionalType(operands(), results());
  }
}
