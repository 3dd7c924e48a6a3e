package xla4j.hlo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stablehlo.gather} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#gather">gather</a>), without batching dimensions. Result rank = batch rank + number
 * of offset dims; {@code offsetDims} are the result positions of the non-collapsed slice dims (sizes from
 * {@code sliceSizes}), the remaining positions hold the indices' batch dims (all indices dims except
 * {@code indexVectorDim}) in order.
 */
public record Gather(Value operand, Value startIndices, int[] offsetDims, int[] collapsedSliceDims,
    int[] startIndexMap, int indexVectorDim, long[] sliceSizes, boolean indicesAreSorted, Value result)
    implements Operation {
  public Gather {
    offsetDims = offsetDims.clone();
    collapsedSliceDims = collapsedSliceDims.clone();
    startIndexMap = startIndexMap.clone();
    sliceSizes = sliceSizes.clone();
  }

  public static Gather of(Value operand, Value startIndices, int[] offsetDims, int[] collapsedSliceDims,
      int[] startIndexMap, int indexVectorDim, long[] sliceSizes, boolean indicesAreSorted) {
    TensorType t = operand.type();
    TensorType idx = startIndices.type();
    Shapes.check(idx.dtype().isInteger(), "gather requires integer indices, got %s", idx.dtype().xlaName());
    Shapes.check(indexVectorDim >= 0 && indexVectorDim <= idx.rank(),
        "gather requires index_vector_dim to be in range [0, %d], got %d", idx.rank(), indexVectorDim);
    long indexSize = indexVectorDim == idx.rank() ? 1 : idx.dim(indexVectorDim);
    Shapes.check(startIndexMap.length == indexSize,
        "gather requires start_index_map to have one entry per index vector element, got %s for index vector size %d",
        Shapes.tuple(startIndexMap), indexSize);
    Shapes.checkAxes("gather", "start_index_map", startIndexMap, t.rank());
    Shapes.checkAxes("gather", "collapsed_slice_dims", collapsedSliceDims, t.rank());
    Shapes.check(sliceSizes.length == t.rank(),
        "gather requires slice_sizes to have length equal to operand ndim, got %s for operand shape %s",
        Shapes.tuple(sliceSizes), Shapes.tuple(t.dims()));
    for (int i = 0; i < t.rank(); i++) {
      Shapes.check(sliceSizes[i] >= 0 && sliceSizes[i] <= t.dim(i),
          "gather requires slice_sizes to be in range [0, operand shape], got %s for operand shape %s",
          Shapes.tuple(sliceSizes), Shapes.tuple(t.dims()));
    }
    for (int c : collapsedSliceDims) {
      Shapes.check(sliceSizes[c] <= 1, "gather requires collapsed slice dims to have slice size 0 or 1, got %s and slice_sizes %s",
          Shapes.tuple(collapsedSliceDims), Shapes.tuple(sliceSizes));
    }
    long[] offsetSizes = new long[t.rank() - collapsedSliceDims.length];
    int k = 0;
    for (int i = 0; i < t.rank(); i++) {
      final int axis = i;
      if (java.util.Arrays.stream(collapsedSliceDims).noneMatch(c -> c == axis)) {
        offsetSizes[k++] = sliceSizes[i];
      }
    }
    Shapes.check(offsetDims.length == offsetSizes.length,
        "gather requires one offset dim per non-collapsed slice dimension, got offset_dims %s and %d slice dimensions",
        Shapes.tuple(offsetDims), offsetSizes.length);
    int batchRank = indexVectorDim == idx.rank() ? idx.rank() : idx.rank() - 1;
    int rank = batchRank + offsetDims.length;
    Shapes.checkAxes("gather", "offset_dims", offsetDims, rank);
    for (int i = 1; i < offsetDims.length; i++) {
      Shapes.check(offsetDims[i] > offsetDims[i - 1], "gather requires offset_dims to be sorted, got %s",
          Shapes.tuple(offsetDims));
    }
    long[] dims = new long[rank];
    int oi = 0;
    int bi = 0;
    for (int i = 0; i < rank; i++) {
      if (oi < offsetDims.length && offsetDims[oi] == i) {
        dims[i] = offsetSizes[oi++];
      } else {
        if (bi == indexVectorDim) {
          bi++;
        }
        dims[i] = idx.dim(bi++);
      }
    }
    return new Gather(operand, startIndices, offsetDims, collapsedSliceDims, startIndexMap, indexVectorDim,
        sliceSizes, indicesAreSorted, Value.of(t.withDims(dims)));
  }

  @Override
  public String name() {
    return "stablehlo.gather";
  }

  @Override
  public List<Value> operands() {
    return List.of(operand, startIndices);
  }

  @Override
  public List<Value> results() {
    return List.of(result);
  }

  static String dimList(String key, int[] v) {
    return v.length == 0 ? null : key + " = " + Shapes.list(v);
  }

  static String dimNumbers(String kind, String... parts) {
    StringBuilder sb = new StringBuilder("#stablehlo.").append(kind).append('<');
    boolean first = true;
    for (String p : parts) {
      if (p != null) {
        sb.append(first ? "" : ", ").append(p);
        first = false;
      }
    }
    return sb.append('>').toString();
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("dimension_numbers", dimNumbers("gather", dimList("offset_dims", offsetDims),
        dimList("collapsed_slice_dims", collapsedSliceDims), dimList("start_index_map", startIndexMap),
        "index_vector_dim = " + indexVectorDim));
    p.put("indices_are_sorted", Boolean.toString(indicesAreSorted));
    p.put("slice_sizes", Shapes.i64Array(sliceSizes));
    w.generic(this, p);
  }
}
