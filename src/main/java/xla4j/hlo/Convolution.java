package xla4j.hlo;

import java.util.List;
import xla4j.array.DType;

/**
 * {@code stablehlo.convolution} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#convolution">convolution</a>). Output spatial size per dim:
 * {@code floor((dilate(in, lhs_dil) + pad_lo + pad_hi - dilate(k, rhs_dil)) / stride) + 1}, where
 * {@code dilate(n, d) = (n - 1) * d + 1}; output features = kernel output features; output batch =
 * batch / batch_group_count.
 */
public record Convolution(Value lhs, Value rhs, ConvDimensionNumbers dims, long[] strides, long[][] padding,
    long[] lhsDilation, long[] rhsDilation, long featureGroupCount, long batchGroupCount, Precision precision,
    Value result) implements Operation {
  public Convolution {
    strides = strides.clone();
    padding = java.util.Arrays.stream(padding).map(long[]::clone).toArray(long[][]::new);
    lhsDilation = lhsDilation.clone();
    rhsDilation = rhsDilation.clone();
  }

  /**
   * @param padding one {@code {low, high}} pair per spatial dimension
   */
  public static Convolution of(Value lhs, Value rhs, ConvDimensionNumbers dn, long[] strides, long[][] padding,
      long[] lhsDilation, long[] rhsDilation, long featureGroupCount, long batchGroupCount, Precision precision,
      DType resultDType) {
    TensorType x = lhs.type();
    TensorType k = rhs.type();
    int ns = dn.numSpatial();
    Shapes.check(x.dtype() == k.dtype(), "convolution requires lhs and rhs to have the same dtypes, got %s and %s",
        x.dtype().xlaName(), k.dtype().xlaName());
    Shapes.check(x.rank() == ns + 2 && k.rank() == ns + 2,
        "convolution requires lhs and rhs to have rank %d (dimension numbers), got %s and %s", ns + 2,
        Shapes.tuple(x.dims()), Shapes.tuple(k.dims()));
    Shapes.check(strides.length == ns && padding.length == ns && lhsDilation.length == ns && rhsDilation.length == ns,
        "convolution requires strides, padding and dilations with one entry per spatial dimension (%d), got %d, %d, %d and %d",
        ns, strides.length, padding.length, lhsDilation.length, rhsDilation.length);
    Shapes.check(featureGroupCount > 0 && batchGroupCount > 0,
        "convolution requires positive feature_group_count and batch_group_count, got %d and %d", featureGroupCount,
        batchGroupCount);
    Shapes.check(featureGroupCount == 1 || batchGroupCount == 1,
        "convolution requires feature_group_count or batch_group_count to be 1, got %d and %d", featureGroupCount,
        batchGroupCount);
    long inFeatures = x.dim(dn.inputFeature());
    long kIn = k.dim(dn.kernelInputFeature());
    long kOut = k.dim(dn.kernelOutputFeature());
    Shapes.check(inFeatures == kIn * featureGroupCount,
        "convolution requires lhs feature dimension to equal rhs input feature dimension times feature_group_count,"
            + " got %d and %d * %d", inFeatures, kIn, featureGroupCount);
    Shapes.check(kOut % featureGroupCount == 0,
        "convolution requires rhs output feature dimension to be a multiple of feature_group_count, got %d and %d",
        kOut, featureGroupCount);
    long batch = x.dim(dn.inputBatch());
    Shapes.check(batch % batchGroupCount == 0 && kOut % batchGroupCount == 0,
        "convolution requires lhs batch and rhs output feature dimensions to be multiples of batch_group_count, got %d,"
            + " %d and %d", batch, kOut, batchGroupCount);
    long[] out = new long[ns + 2];
    out[dn.outputBatch()] = batch / batchGroupCount;
    out[dn.outputFeature()] = kOut;
    for (int i = 0; i < ns; i++) {
      Shapes.check(strides[i] > 0 && lhsDilation[i] > 0 && rhsDilation[i] > 0,
          "convolution requires positive strides and dilations, got strides %s, lhs_dilation %s, rhs_dilation %s",
          Shapes.tuple(strides), Shapes.tuple(lhsDilation), Shapes.tuple(rhsDilation));
      Shapes.check(padding[i].length == 2, "convolution requires padding pairs (low, high), got %d values",
          padding[i].length);
      long in = dilate(x.dim(dn.inputSpatial()[i]), lhsDilation[i]) + padding[i][0] + padding[i][1];
      long win = dilate(k.dim(dn.kernelSpatial()[i]), rhsDilation[i]);
      Shapes.check(in >= win,
          "convolution requires the padded input to be at least as large as the dilated window, got %d and %d in"
              + " spatial dimension %d", in, win, i);
      out[dn.outputSpatial()[i]] = in == 0 ? 0 : (in - win) / strides[i] + 1;
    }
    return new Convolution(lhs, rhs, dn, strides, padding, lhsDilation, rhsDilation, featureGroupCount,
        batchGroupCount, precision == null ? Precision.DEFAULT : precision,
        Value.of(TensorType.of(resultDType == null ? x.dtype() : resultDType, out)));
  }

  private static long dilate(long n, long d) {
    return n == 0 ? 0 : (n - 1) * d + 1;
  }

  @Override
  public String name() {
    return "stablehlo.convolution";
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
    StringBuilder pad = new StringBuilder("[");
    for (int i = 0; i < padding.length; i++) {
      pad.append(i > 0 ? ", " : "").append('[').append(padding[i][0]).append(", ").append(padding[i][1]).append(']');
    }
    pad.append(']');
    String[] rev = new String[strides.length];
    java.util.Arrays.fill(rev, "false");
    w.append("stablehlo.convolution(").value(lhs).append(", ").value(rhs).append(") dim_numbers = ")
        .append(dims.toMlir()).append(", window = {stride = ").append(Shapes.list(strides)).append(", pad = ")
        .append(pad).append(", lhs_dilate = ").append(Shapes.list(lhsDilation)).append(", rhs_dilate = ")
        .append(Shapes.list(rhsDilation)).append(", reverse = [").append(String.join(", ", rev))
        .append("]} {batch_group_count = ").append(batchGroupCount).append(" : i64, feature_group_count = ")
        .append(featureGroupCount).append(" : i64, precision_config = [#stablehlo<precision ").append(precision)
        .append(">, #stablehlo<precision ").append(precision).append(">]} : ").functionalType(operands(), results());
  }
}
