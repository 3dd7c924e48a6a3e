package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stablehlo.reduce_window} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#reduce_window">reduce_window</a>): sliding-window reduction (pooling). Output size
 * per dim: {@code floor((dilate(in, base_dil) + pad_lo + pad_hi - dilate(window, window_dil)) / stride) + 1}.
 * Printed in the generic form, as JAX does.
 */
public record ReduceWindow(List<Value> inputs, List<Value> inits, long[] windowDimensions, long[] windowStrides,
    long[] baseDilations, long[] windowDilations, long[][] padding, Region body, List<Value> results)
    implements Operation {
  public ReduceWindow {
    inputs = ImmutableList.copyOf(inputs);
    inits = ImmutableList.copyOf(inits);
    windowDimensions = windowDimensions.clone();
    windowStrides = windowStrides.clone();
    baseDilations = baseDilations.clone();
    windowDilations = windowDilations.clone();
    padding = java.util.Arrays.stream(padding).map(long[]::clone).toArray(long[][]::new);
    results = ImmutableList.copyOf(results);
  }

  public static ReduceWindow of(List<Value> inputs, List<Value> inits, long[] window, long[] strides,
      long[] baseDilations, long[] windowDilations, long[][] padding, Region body) {
    Shapes.check(!inputs.isEmpty() && inputs.size() == inits.size(),
        "reduce_window requires one init value per input and at least one input, got %d inputs and %d init values",
        inputs.size(), inits.size());
    TensorType first = inputs.get(0).type();
    int r = first.rank();
    Shapes.check(window.length == r && strides.length == r && baseDilations.length == r && windowDilations.length == r
        && padding.length == r,
        "reduce_window requires window dimensions, strides, dilations and padding of length equal to operand ndim %d,"
            + " got %d, %d, %d, %d and %d", r, window.length, strides.length, baseDilations.length,
        windowDilations.length, padding.length);
    List<TensorType> scalars = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      TensorType t = inputs.get(i).type();
      TensorType init = inits.get(i).type();
      Shapes.check(java.util.Arrays.equals(t.dims(), first.dims()),
          "reduce_window requires inputs to have the same shape, got %s and %s", Shapes.tuple(first.dims()),
          Shapes.tuple(t.dims()));
      Shapes.check(init.rank() == 0 && init.dtype() == t.dtype(),
          "reduce_window requires scalar init values of the inputs' dtypes, got %s for input %s", init.shortString(),
          t.shortString());
      scalars.add(init);
    }
    List<TensorType> args = new ArrayList<>(scalars);
    args.addAll(scalars);
    Regions.checkArguments("reduce_window", "body", body, args);
    Regions.checkReturns("reduce_window", "body", body, scalars);
    long[] out = new long[r];
    for (long[] p : padding) {
      Shapes.check(p.length == 2, "reduce_window requires padding pairs (low, high), got %d values", p.length);
    }
    for (int i = 0; i < r; i++) {
      Shapes.check(window[i] > 0 && strides[i] > 0 && baseDilations[i] > 0 && windowDilations[i] > 0,
          "reduce_window requires positive window dimensions, strides and dilations, got window %s and strides %s",
          Shapes.tuple(window), Shapes.tuple(strides));
      long in = (first.dim(i) == 0 ? 0 : (first.dim(i) - 1) * baseDilations[i] + 1) + padding[i][0] + padding[i][1];
      long w = (window[i] - 1) * windowDilations[i] + 1;
      out[i] = in < w ? 0 : (in - w) / strides[i] + 1;
    }
    List<Value> results = new ArrayList<>();
    for (TensorType s : scalars) {
      results.add(Value.of(s.withDims(out)));
    }
    return new ReduceWindow(inputs, inits, window, strides, baseDilations, windowDilations, padding, body, results);
  }

  @Override
  public String name() {
    return "stablehlo.reduce_window";
  }

  @Override
  public List<Value> operands() {
    return ImmutableList.<Value>builder().addAll(inputs).addAll(inits).build();
  }

  @Override
  public List<Region> regions() {
    return List.of(body);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("base_dilations", Shapes.i64Array(baseDilations));
    p.put("padding", Collectives.denseI64Matrix(padding));
    p.put("window_dilations", Shapes.i64Array(windowDilations));
    p.put("window_dimensions", Shapes.i64Array(windowDimensions));
    p.put("window_strides", Shapes.i64Array(windowStrides));
    w.generic(this, p);
  }
}
