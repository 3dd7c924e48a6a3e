package xla4j.hlo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stablehlo.scatter} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#scatter">scatter</a>) of one operand, without batching dimensions: combines
 * {@code updates} into {@code operand} at the indexed windows with the update computation
 * {@code (current, update) -> new}. Result has the operand's type.
 */
public record Scatter(Value operand, Value scatterIndices, Value updates, int[] updateWindowDims,
    int[] insertedWindowDims, int[] scatterDimsToOperandDims, int indexVectorDim, boolean indicesAreSorted,
    boolean uniqueIndices, Region computation, Value result) implements Operation {
  public Scatter {
    updateWindowDims = updateWindowDims.clone();
    insertedWindowDims = insertedWindowDims.clone();
    scatterDimsToOperandDims = scatterDimsToOperandDims.clone();
  }

  public static Scatter of(Value operand, Value scatterIndices, Value updates, int[] updateWindowDims,
      int[] insertedWindowDims, int[] scatterDimsToOperandDims, int indexVectorDim, boolean indicesAreSorted,
      boolean uniqueIndices, Region computation) {
    TensorType t = operand.type();
    TensorType idx = scatterIndices.type();
    TensorType u = updates.type();
    Shapes.check(idx.dtype().isInteger(), "scatter requires integer indices, got %s", idx.dtype().xlaName());
    Shapes.check(u.dtype() == t.dtype(), "scatter requires operand and updates to have the same dtypes, got %s and %s",
        t.dtype().xlaName(), u.dtype().xlaName());
    Shapes.check(indexVectorDim >= 0 && indexVectorDim <= idx.rank(),
        "scatter requires index_vector_dim to be in range [0, %d], got %d", idx.rank(), indexVectorDim);
    long indexSize = indexVectorDim == idx.rank() ? 1 : idx.dim(indexVectorDim);
    Shapes.check(scatterDimsToOperandDims.length == indexSize,
        "scatter requires scatter_dims_to_operand_dims to have one entry per index vector element, got %s for index"
            + " vector size %d", Shapes.tuple(scatterDimsToOperandDims), indexSize);
    Shapes.checkAxes("scatter", "scatter_dims_to_operand_dims", scatterDimsToOperandDims, t.rank());
    Shapes.checkAxes("scatter", "inserted_window_dims", insertedWindowDims, t.rank());
    Shapes.check(updateWindowDims.length + insertedWindowDims.length == t.rank(),
        "scatter requires update_window_dims and inserted_window_dims to cover the operand rank %d, got %s and %s",
        t.rank(), Shapes.tuple(updateWindowDims), Shapes.tuple(insertedWindowDims));
    int batchRank = indexVectorDim == idx.rank() ? idx.rank() : idx.rank() - 1;
    Shapes.check(u.rank() == batchRank + updateWindowDims.length,
        "scatter requires updates of rank %d (scatter batch rank %d + %d window dims), got %s", batchRank
            + updateWindowDims.length, batchRank, updateWindowDims.length, Shapes.tuple(u.dims()));
    Shapes.checkAxes("scatter", "update_window_dims", updateWindowDims, u.rank());
    long[] batch = new long[batchRank];
    for (int i = 0, k = 0; i < idx.rank(); i++) {
      if (i != indexVectorDim) {
        batch[k++] = idx.dim(i);
      }
    }
    long[] updateBatch = new long[batchRank];
    for (int i = 0, k = 0; i < u.rank(); i++) {
      final int axis = i;
      if (java.util.Arrays.stream(updateWindowDims).noneMatch(w -> w == axis)) {
        updateBatch[k++] = u.dim(i);
      }
    }
    Shapes.check(java.util.Arrays.equals(batch, updateBatch),
        "scatter requires the updates' scatter dims to match the indices' batch dims, got %s and %s",
        Shapes.tuple(updateBatch), Shapes.tuple(batch));
    for (int i = 0, k = 0; i < t.rank(); i++) {
      final int axis = i;
      if (java.util.Arrays.stream(insertedWindowDims).anyMatch(w -> w == axis)) {
        continue;
      }
      long window = u.dim(updateWindowDims[k++]);
      Shapes.check(window <= t.dim(i),
          "scatter requires update window dims to fit the operand, got window size %d for operand dimension %d of size %d",
          window, i, t.dim(i));
    }
    TensorType s = TensorType.scalar(t.dtype());
    Regions.checkArguments("scatter", "update computation", computation, List.of(s, s));
    Regions.checkReturns("scatter", "update computation", computation, List.of(s));
    return new Scatter(operand, scatterIndices, updates, updateWindowDims, insertedWindowDims,
        scatterDimsToOperandDims, indexVectorDim, indicesAreSorted, uniqueIndices, computation, Value.of(t));
  }

  @Override
  public String name() {
    return "stablehlo.scatter";
  }

  @Override
  public List<Value> operands() {
    return List.of(operand, scatterIndices, updates);
  }

  @Override
  public List<Value> results() {
    return List.of(result);
  }

  @Override
  public List<Region> regions() {
    return List.of(computation);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("indices_are_sorted", Boolean.toString(indicesAreSorted));
    p.put("scatter_dimension_numbers", Gather.dimNumbers("scatter",
        Gather.dimList("update_window_dims", updateWindowDims), Gather.dimList("inserted_window_dims", insertedWindowDims),
        Gather.dimList("scatter_dims_to_operand_dims", scatterDimsToOperandDims), "index_vector_dim = " + indexVectorDim));
    p.put("unique_indices", Boolean.toString(uniqueIndices));
    w.generic(this, p);
  }
}
