package xla4j.hlo;

/**
 * Convolution layout: which dimension of input, kernel and output is batch / feature / each spatial
 * dimension. {@link #of(String, String, String)} reads JAX-style layout strings ("NHWC", "HWIO", "NHWC");
 * spatial letters are matched in order of appearance in the kernel layout's spatial part.
 */
public record ConvDimensionNumbers(int inputBatch, int inputFeature, int[] inputSpatial, int kernelInputFeature,
    int kernelOutputFeature, int[] kernelSpatial, int outputBatch, int outputFeature, int[] outputSpatial) {
  public ConvDimensionNumbers {
    inputSpatial = inputSpatial.clone();
    kernelSpatial = kernelSpatial.clone();
    outputSpatial = outputSpatial.clone();
    Shapes.check(inputSpatial.length == kernelSpatial.length && kernelSpatial.length == outputSpatial.length,
        "convolution requires the same number of spatial dimensions in input, kernel and output, got %d, %d and %d",
        inputSpatial.length, kernelSpatial.length, outputSpatial.length);
  }

  /** NHWC input, HWIO kernel, NHWC output (2 spatial dims), as big_vision's patch embedding uses. */
  public static ConvDimensionNumbers nhwc() {
    return of("NHWC", "HWIO", "NHWC");
  }

  /**
   * From layout strings: lhs uses N (batch) and C (feature), rhs uses O and I, output N and C; any other
   * letters are spatial dims, matched by letter across the three strings.
   */
  public static ConvDimensionNumbers of(String lhs, String rhs, String out) {
    Shapes.check(lhs.length() == rhs.length() && rhs.length() == out.length(),
        "convolution requires layout strings of equal length, got '%s', '%s' and '%s'", lhs, rhs, out);
    Shapes.check(lhs.indexOf('N') >= 0 && lhs.indexOf('C') >= 0 && rhs.indexOf('O') >= 0 && rhs.indexOf('I') >= 0
        && out.indexOf('N') >= 0 && out.indexOf('C') >= 0,
        "convolution requires layouts with N and C (input, output) and O and I (kernel), got '%s', '%s' and '%s'",
        lhs, rhs, out);
    String spatial = rhs.replace("O", "").replace("I", "");
    int n = spatial.length();
    int[] is = new int[n];
    int[] ks = new int[n];
    int[] os = new int[n];
    for (int i = 0; i < n; i++) {
      char c = spatial.charAt(i);
      is[i] = lhs.indexOf(c);
      ks[i] = rhs.indexOf(c);
      os[i] = out.indexOf(c);
      Shapes.check(is[i] >= 0 && os[i] >= 0, "convolution requires spatial dimension '%c' in every layout, got '%s', '%s' and '%s'",
          c, lhs, rhs, out);
    }
    return new ConvDimensionNumbers(lhs.indexOf('N'), lhs.indexOf('C'), is, rhs.indexOf('I'), rhs.indexOf('O'), ks,
        out.indexOf('N'), out.indexOf('C'), os);
  }

  @Override
  public int[] inputSpatial() {
    return inputSpatial.clone();
  }

  @Override
  public int[] kernelSpatial() {
    return kernelSpatial.clone();
  }

  @Override
  public int[] outputSpatial() {
    return outputSpatial.clone();
  }

  public int numSpatial() {
    return inputSpatial.length;
  }

  /** {@code [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]}. */
  public String toMlir() {
    return layout(inputBatch, 'b', inputFeature, 'f', inputSpatial) + "x"
        + layout(kernelInputFeature, 'i', kernelOutputFeature, 'o', kernelSpatial) + "->"
        + layout(outputBatch, 'b', outputFeature, 'f', outputSpatial);
  }

  private static String layout(int a, char ac, int b, char bc, int[] spatial) {
    String[] parts = new String[spatial.length + 2];
    parts[a] = String.valueOf(ac);
    parts[b] = String.valueOf(bc);
    for (int i = 0; i < spatial.length; i++) {
      parts[spatial[i]] = Integer.toString(i);
    }
    return "[" + String.join(", ", parts) + "]";
  }
}
