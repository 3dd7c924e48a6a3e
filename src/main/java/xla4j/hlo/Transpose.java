package xla4j.hlo;

import java.util.List;

/**
 * {@code stablehlo.transpose} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#transpose">transpose</a>): {@code result.dim(i) = operand.dim(permutation[i])}.
 * Printed {@code stablehlo.transpose %x, dims = [1, 0] : (tensor<2x3xf32>) -> tensor<3x2xf32>}.
 */
public record Transpose(Value operand, int[] permutation, Value result) implements Operation {
  public Transpose {
    permutation = permutation.clone();
  }

  public static Transpose of(Value operand, int... permutation) {
    TensorType t = operand.type();
    Shapes.check(Shapes.isPermutation(permutation, t.rank()),
        "transpose requires permutation to be a permutation of the operand dimensions, got %s for operand shape %s",
        Shapes.tuple(permutation), Shapes.tuple(t.dims()));
    long[] dims = new long[t.rank()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = t.dim(permutation[i]);
    }
    return new Transpose(operand, permutation, Value.of(t.withDims(dims)));
  }

  @Override
  public int[] permutation() {
    return permutation.clone();
  }

  @Override
  public String name() {
    return "stablehlo.transpose";
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
    w.append("stablehlo.transpose ").value(operand).append(", dims = ").append(Shapes.list(permutation))
        .append(" : ").functionalType(operands(), results());
  }
}
