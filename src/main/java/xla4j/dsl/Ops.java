package xla4j.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.hlo.Clamp;
import xla4j.hlo.Collectives;
import xla4j.hlo.Compare;
import xla4j.hlo.Concatenate;
import xla4j.hlo.ConvDimensionNumbers;
import xla4j.hlo.Convolution;
import xla4j.hlo.DotGeneral;
import xla4j.hlo.Elementwise;
import xla4j.hlo.Gather;
import xla4j.hlo.OptimizationBarrier;
import xla4j.hlo.Precision;
import xla4j.hlo.Reduce;
import xla4j.hlo.ReduceWindow;
import xla4j.hlo.Region;
import xla4j.hlo.Scatter;
import xla4j.hlo.Select;
import xla4j.hlo.Shapes;
import xla4j.hlo.Sort;
import xla4j.hlo.TensorType;

/** Ops over several tensors, and ops with many options (fluent builders with a terminal {@code build()}). */
public final class Ops {
  private Ops() {}

  static Graph graphOf(String op, Tensor... ts) {
    if (ts.length == 0 || ts[0] == null) {
      throw new IllegalArgumentException(op + " requires at least one tensor, got none");
    }
    Graph g = ts[0].graph();
    for (Tensor t : ts) {
      g.use(t, op);
    }
    return g;
  }

  // ---------------------------------------------------------------------------------------------
  // Selection and joining

  /** {@code stablehlo.select}: {@code pred ? onTrue : onFalse}, broadcasting all three NumPy-style. */
  public static Tensor select(Tensor pred, Tensor onTrue, Tensor onFalse) {
    Graph g = graphOf("select", pred, onTrue, onFalse);
    long[] s = Tensor.broadcastShape("select", Tensor.broadcastShape("select", pred.dims(), onTrue.dims()), onFalse.dims());
    Tensor p = pred.broadcastTo(s);
    Tensor t = onTrue.broadcastTo(s);
    Tensor f = onFalse.broadcastTo(s);
    return g.single(() -> Select.of(p.value(), t.value(), f.value()));
  }

  /** {@code stablehlo.clamp}: {@code min(max(x, lo), hi)}; lo and hi are scalars or of x's shape. */
  public static Tensor clamp(Tensor lo, Tensor x, Tensor hi) {
    Graph g = graphOf("clamp", lo, x, hi);
    return g.single(() -> Clamp.of(lo.value(), x.value(), hi.value()));
  }

  /** {@code stablehlo.clamp} with scalar bounds of x's dtype. */
  public static Tensor clamp(double lo, Tensor x, double hi) {
    return clamp(x.scalarLike(lo), x, x.scalarLike(hi));
  }

  /** {@code stablehlo.concatenate} along {@code axis}. */
  public static Tensor concatenate(int axis, Tensor... ts) {
    Graph g = graphOf("concatenate", ts);
    int a = ts[0].axis(axis, "concatenate");
    return g.single(() -> Concatenate.of(Graph.values(List.of(ts)), a));
  }

  /** {@code stablehlo.optimization_barrier}. */
  public static List<Tensor> optimizationBarrier(Tensor... ts) {
    Graph g = graphOf("optimization_barrier", ts);
    return g.multi(() -> OptimizationBarrier.of(Graph.values(List.of(ts))));
  }

  // ---------------------------------------------------------------------------------------------
  // Reductions

  /** Builds a body {@code (acc, x) -> acc op x} over scalars of {@code t}. */
  static Region binaryBody(Graph g, String what, Reducer r, DType t) {
    TensorType s = TensorType.scalar(t);
    return g.region(what, true, List.of(s, s), a -> List.of(a.get(0).binary(r.op(), a.get(1))));
  }

  static Tensor reduce(Tensor x, Reducer r, int... axes) {
    Graph g = graphOf("reduce", x);
    int[] a = x.axes("reduce_" + r.name().toLowerCase(java.util.Locale.ROOT), axes);
    Tensor init = g.constant(r.identity(x.dtype()));
    Region body = binaryBody(g, "reduce body", r, x.dtype());
    return g.single(() -> Reduce.of(List.of(x.value()), List.of(init.value()), a, body));
  }

  /**
   * General multi-operand {@code stablehlo.reduce}: {@code body} receives {@code (acc_0..acc_n-1, x_0..x_n-1)}
   * as scalar tensors and returns n scalars.
   */
  public static List<Tensor> reduce(List<Tensor> inputs, List<Tensor> inits, int[] axes,
      Function<List<Tensor>, List<Tensor>> body) {
    Graph g = graphOf("reduce", inputs.toArray(new Tensor[0]));
    inits.forEach(t -> g.use(t, "reduce"));
    int[] a = inputs.get(0).axes("reduce", axes);
    List<TensorType> args = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      for (Tensor t : inits) {
        args.add(t.value().type());
      }
    }
    Region region = g.region("reduce body", true, args, body);
    return g.multi(() -> Reduce.of(Graph.values(inputs), Graph.values(inits), a, region));
  }

  /** argmax / argmin as JAX lowers them: a two-operand reduce over (value, index). */
  static Tensor argReduce(Tensor x, int axis, boolean isMax) {
    Graph g = graphOf(isMax ? "argmax" : "argmin", x);
    int a = x.axis(axis, isMax ? "argmax" : "argmin");
    if (x.dim(a) == 0) {
      throw new IllegalArgumentException((isMax ? "argmax" : "argmin") + " requires a non-empty axis, got axis " + a
          + " of shape " + Shapes.tuple(x.dims()) + Graph.where(Graph.callerLocation()));
    }
    Tensor idx = g.iota(Shape.of(DType.S32, x.dims()), a);
    Tensor initV = g.constant((isMax ? Reducer.MAX : Reducer.MIN).identity(x.dtype()));
    Tensor initI = g.scalar(0, DType.S32);
    List<Tensor> r = reduce(List.of(x, idx), List.of(initV, initI), new int[] {a}, args -> {
      Tensor av = args.get(0);
      Tensor ai = args.get(1);
      Tensor bv = args.get(2);
      Tensor bi = args.get(3);
      Tensor pick = isMax ? av.gt(bv) : av.lt(bv);
      if (x.dtype().isFloating()) {
        pick = pick.or(av.ne(av));
      }
      Tensor tie = av.eq(bv).and(ai.lt(bi));
      Tensor pickIndex = pick.or(tie);
      return List.of(select(pick, av, bv), select(pickIndex, ai, bi));
    });
    return r.get(1);
  }

  // ---------------------------------------------------------------------------------------------
  // Contractions

  /** Matrix product (see {@link Tensor#matmul}). */
  static Tensor matmul(Tensor a, Tensor b) {
    graphOf("matmul", a, b);
    int ra = a.rank();
    int rb = b.rank();
    if (ra < 1 || rb < 1) {
      throw new IllegalArgumentException("matmul requires operands of rank >= 1, got " + Shapes.tuple(a.dims()) + " and "
          + Shapes.tuple(b.dims()) + Graph.where(Graph.callerLocation()));
    }
    if (a.dim(-1) != b.dim(rb == 1 ? 0 : -2)) {
      throw new IllegalArgumentException("matmul requires the last dimension of the lhs to equal "
          + (rb == 1 ? "the size of the vector rhs" : "the second-to-last of the rhs") + ", got "
          + Shapes.tuple(a.dims()) + " and " + Shapes.tuple(b.dims()) + Graph.where(Graph.callerLocation()));
    }
    if (rb <= 2) {
      return dotGeneral(a, b).contract(new int[] {ra - 1}, new int[] {rb == 1 ? 0 : rb - 2}).build();
    }
    // NumPy/jnp.matmul: a vector lhs is a 1-row matrix; the batch dimensions broadcast.
    boolean vector = ra == 1;
    Tensor lhs = vector ? a.reshape(1, a.dim(0)) : a;
    long[] batchShape = Tensor.broadcastShape("matmul batch dimensions",
        java.util.Arrays.copyOf(lhs.dims(), lhs.rank() - 2), java.util.Arrays.copyOf(b.dims(), rb - 2));
    int n = batchShape.length;
    lhs = lhs.broadcastTo(withLastTwo(batchShape, lhs));
    Tensor rhs = b.broadcastTo(withLastTwo(batchShape, b));
    int[] batch = new int[n];
    for (int i = 0; i < n; i++) {
      batch[i] = i;
    }
    Tensor out = dotGeneral(lhs, rhs).batch(batch, batch).contract(new int[] {n + 1}, new int[] {n}).build();
    if (!vector) {
      return out;
    }
    long[] squeezed = new long[n + 1];
    System.arraycopy(out.dims(), 0, squeezed, 0, n);
    squeezed[n] = out.dim(n + 1);
    return out.reshape(squeezed);
  }

  /** {@code batch} followed by the last two dimensions of {@code t}. */
  private static long[] withLastTwo(long[] batch, Tensor t) {
    long[] s = java.util.Arrays.copyOf(batch, batch.length + 2);
    s[batch.length] = t.dim(-2);
    s[batch.length + 1] = t.dim(-1);
    return s;
  }

  /** Starts a {@code stablehlo.dot_general}; set contracting/batch dims, then {@link DotBuilder#build()}. */
  public static DotBuilder dotGeneral(Tensor lhs, Tensor rhs) {
    return new DotBuilder(lhs, rhs);
  }

  /** Fluent options of {@code dot_general}. */
  public static final class DotBuilder {
    private final Tensor lhs;
    private final Tensor rhs;
    private int[] lb = {};
    private int[] rb = {};
    private int[] lc = {};
    private int[] rc = {};
    private Precision precision = Precision.DEFAULT;
    private DType resultType;

    DotBuilder(Tensor lhs, Tensor rhs) {
      this.lhs = lhs;
      this.rhs = rhs;
    }

    /** Contracting dimensions of lhs and rhs, pairwise. */
    public DotBuilder contract(int[] lhsDims, int[] rhsDims) {
      lc = lhsDims.clone();
      rc = rhsDims.clone();
      return this;
    }

    /** Batch dimensions of lhs and rhs, pairwise (leading in the result). */
    public DotBuilder batch(int[] lhsDims, int[] rhsDims) {
      lb = lhsDims.clone();
      rb = rhsDims.clone();
      return this;
    }

    /** Operand precision config ({@code DEFAULT}, {@code HIGH}, {@code HIGHEST}). */
    public DotBuilder precision(Precision p) {
      precision = p;
      return this;
    }

    /** Result element type (e.g. f32 from bf16 operands); default the operands' dtype. */
    public DotBuilder resultType(DType t) {
      resultType = t;
      return this;
    }

    /**
     * Emits the {@code stablehlo.dot_general}: result dims are batch, then lhs free, then rhs free dims; throws {@code
     * IllegalArgumentException} naming the violated dimension rule.
     */
    public Tensor build() {
      Graph g = graphOf("dot_general", lhs, rhs);
      return g.single(() -> DotGeneral.of(lhs.value(), rhs.value(), lb, rb, lc, rc, precision, resultType));
    }
  }

  /** {@code einsum("bqhd,bkhd->bhqk", q, k)}; see {@link Einsum}. */
  public static Tensor einsum(String spec, Tensor... operands) {
    return Einsum.apply(spec, operands);
  }

  /** Starts a {@code stablehlo.convolution} (default NHWC input, HWIO kernel, NHWC output, stride 1, VALID). */
  public static ConvBuilder conv(Tensor input, Tensor kernel) {
    return new ConvBuilder(input, kernel);
  }

  /** Fluent options of {@code convolution}. */
  public static final class ConvBuilder {
    private final Tensor input;
    private final Tensor kernel;
    private ConvDimensionNumbers dn;
    private long[] strides;
    private long[][] padding;
    private String paddingMode = "VALID";
    private long[] lhsDilation;
    private long[] rhsDilation;
    private long featureGroups = 1;
    private long batchGroups = 1;
    private Precision precision = Precision.DEFAULT;
    private DType resultType;

    ConvBuilder(Tensor input, Tensor kernel) {
      this.input = input;
      this.kernel = kernel;
    }

    /** Layout strings as in JAX, e.g. {@code ("NCHW", "OIHW", "NCHW")}. */
    public ConvBuilder layout(String lhs, String rhs, String out) {
      dn = ConvDimensionNumbers.of(lhs, rhs, out);
      return this;
    }

    /** Window strides per spatial dimension (default 1). */
    public ConvBuilder strides(long... s) {
      strides = s.clone();
      return this;
    }

    /** Explicit {@code {low, high}} per spatial dimension. */
    public ConvBuilder padding(long[][] pads) {
      padding = pads;
      paddingMode = null;
      return this;
    }

    /**
     * "VALID" or "SAME" (JAX's rule: output = ceil(input / stride), extra padding at the high end); as in JAX, SAME is
     * refused with an lhs dilation (a transposed convolution needs explicit padding).
     */
    public ConvBuilder padding(String mode) {
      if (!mode.equals("VALID") && !mode.equals("SAME")) {
        throw new IllegalArgumentException("convolution requires padding 'VALID' or 'SAME', got '" + mode + "'");
      }
      paddingMode = mode;
      padding = null;
      return this;
    }

    /** Input (lhs) dilation per spatial dimension, as in a transposed convolution (default 1). */
    public ConvBuilder lhsDilation(long... d) {
      lhsDilation = d.clone();
      return this;
    }

    /** Kernel (rhs, atrous) dilation per spatial dimension (default 1). */
    public ConvBuilder rhsDilation(long... d) {
      rhsDilation = d.clone();
      return this;
    }

    /** Feature groups (depthwise convolution when equal to the input features; default 1). */
    public ConvBuilder featureGroupCount(long n) {
      featureGroups = n;
      return this;
    }

    /** Batch groups (default 1). */
    public ConvBuilder batchGroupCount(long n) {
      batchGroups = n;
      return this;
    }

    /** Operand precision config ({@code DEFAULT}, {@code HIGH}, {@code HIGHEST}). */
    public ConvBuilder precision(Precision p) {
      precision = p;
      return this;
    }

    /** Result element type (e.g. f32 from bf16 operands); default the input's dtype. */
    public ConvBuilder resultType(DType t) {
      resultType = t;
      return this;
    }

    /**
     * Emits the {@code stablehlo.convolution}; throws {@code IllegalArgumentException} naming the violated shape rule.
     */
    public Tensor build() {
      Graph g = graphOf("convolution", input, kernel);
      ConvDimensionNumbers d = dn == null ? ConvDimensionNumbers.of(spatialLayout("N", "C", input.rank()),
          spatialLayout("", "IO", input.rank()), spatialLayout("N", "C", input.rank())) : dn;
      int ns = d.numSpatial();
      long[] s = strides == null ? ones(ns) : strides;
      long[] ld = lhsDilation == null ? ones(ns) : lhsDilation;
      long[] rd = rhsDilation == null ? ones(ns) : rhsDilation;
      if ("SAME".equals(paddingMode) && Arrays.stream(ld).anyMatch(v -> v != 1)) {
        throw new IllegalArgumentException("convolution requires explicit padding with lhs dilation, got 'SAME' and"
            + " lhs dilation " + Shapes.tuple(ld) + Graph.where(Graph.callerLocation()));
      }
      long[][] p = padding;
      if (p == null) {
        p = new long[ns][2];
        if ("SAME".equals(paddingMode) && s.length == ns && rd.length == ns && input.rank() == ns + 2
            && kernel.rank() == ns + 2) {
          for (int i = 0; i < ns; i++) {
            long in = input.dim(d.inputSpatial()[i]);
            long win = (kernel.dim(d.kernelSpatial()[i]) - 1) * rd[i] + 1;
            long out = (in + s[i] - 1) / s[i];
            long total = Math.max((out - 1) * s[i] + win - in, 0);
            p[i][0] = total / 2;
            p[i][1] = total - total / 2;
          }
        }
      }
      long[][] pads = p;
      return g.single(() -> Convolution.of(input.value(), kernel.value(), d, s, pads, ld, rd, featureGroups,
          batchGroups, precision, resultType));
    }

    /** N + spatial letters + C (or spatial + IO for kernels). */
    private static String spatialLayout(String first, String last, int rank) {
      StringBuilder sb = new StringBuilder(first);
      String letters = "HWDUVXYZ";
      for (int i = 0; i < Math.max(rank - 2, 0); i++) {
        sb.append(letters.charAt(i));
      }
      return sb.append(last).toString();
    }

    private static long[] ones(int n) {
      long[] a = new long[n];
      Arrays.fill(a, 1);
      return a;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Windows, sorting, indexing

  /** {@code stablehlo.reduce_window} with a reducer; {@code padding} one {@code {low, high}} per dimension. */
  public static Tensor reduceWindow(Tensor x, Reducer r, long[] window, long[] strides, long[][] padding) {
    Graph g = graphOf("reduce_window", x);
    Tensor init = g.constant(r.identity(x.dtype()));
    Region body = binaryBody(g, "reduce_window body", r, x.dtype());
    long[] ones = new long[x.rank()];
    Arrays.fill(ones, 1);
    long[][] pad = padding == null ? new long[x.rank()][2] : padding;
    return g.single(() -> ReduceWindow.of(List.of(x.value()), List.of(init.value()), window, strides, ones, ones, pad, body));
  }

  /** NHWC max pooling with VALID padding. */
  public static Tensor maxPool(Tensor x, long[] window, long[] strides) {
    return reduceWindow(x, Reducer.MAX, new long[] {1, window[0], window[1], 1}, new long[] {1, strides[0], strides[1], 1}, null);
  }

  /** NHWC average pooling with VALID padding. */
  public static Tensor avgPool(Tensor x, long[] window, long[] strides) {
    Tensor s = reduceWindow(x, Reducer.SUM, new long[] {1, window[0], window[1], 1}, new long[] {1, strides[0], strides[1], 1}, null);
    return s.div((double) (window[0] * window[1]));
  }

  /**
   * Multi-operand {@code stablehlo.sort} along {@code axis}, ordering by the first {@code numKeys} operands
   * lexicographically, ascending ({@code descending} flips it), as {@code lax.sort}: float keys compare in total
   * order after JAX's canonicalization, so -0.0 equals 0.0 (a stable sort keeps their order) and every NaN, also
   * a negative one, sorts after +inf.
   */
  public static List<Tensor> sort(List<Tensor> operands, int axis, int numKeys, boolean descending, boolean stable) {
    return sort(operands, axis, numKeys, descending, stable, true);
  }

  /** {@code canonicalNaNsAndZeros} false: the raw total order (-NaN < -inf, -0.0 < 0.0), as {@code chlo.top_k}. */
  private static List<Tensor> sort(List<Tensor> operands, int axis, int numKeys, boolean descending, boolean stable,
      boolean canonicalNaNsAndZeros) {
    Graph g = graphOf("sort", operands.toArray(new Tensor[0]));
    int a = operands.get(0).axis(axis, "sort");
    if (numKeys < 1 || numKeys > operands.size()) {
      throw new IllegalArgumentException("sort requires num_keys in range [1, " + operands.size() + "], got " + numKeys
          + Graph.where(Graph.callerLocation()));
    }
    List<TensorType> args = new ArrayList<>();
    for (Tensor t : operands) {
      args.add(TensorType.scalar(t.dtype()));
      args.add(TensorType.scalar(t.dtype()));
    }
    Region cmp = g.region("sort comparator", true, args, s -> {
      Tensor result = null;
      for (int k = numKeys - 1; k >= 0; k--) {
        Tensor x = s.get(2 * k);
        Tensor y = s.get(2 * k + 1);
        Compare.CompareType ct = x.dtype().isFloating() ? Compare.CompareType.TOTALORDER : null;
        if (ct != null && canonicalNaNsAndZeros) {
          x = canonicalizeForSort(x);
          y = canonicalizeForSort(y);
        }
        Tensor less = compare(g, Compare.Direction.LT, ct, descending ? y : x, descending ? x : y);
        if (result == null) {
          result = less;
        } else {
          Tensor eq = compare(g, Compare.Direction.EQ, ct, x, y);
          result = less.or(eq.and(result));
        }
      }
      return List.of(result);
    });
    return g.multi(() -> Sort.of(Graph.values(operands), a, stable, cmp));
  }

  /** JAX's {@code _canonicalize_float_for_sort}: -0.0 becomes 0.0 and any NaN the positive quiet NaN. */
  private static Tensor canonicalizeForSort(Tensor x) {
    Tensor zero = x.scalarLike(0);
    Tensor r = select(x.eq(zero), zero, x);
    return select(x.ne(x), x.scalarLike(Double.NaN), r);
  }

  private static Tensor compare(Graph g, Compare.Direction d, Compare.CompareType ct, Tensor a, Tensor b) {
    return ct == null ? a.compare(d, b) : g.single(() -> Compare.of(d, ct, a.value(), b.value()));
  }

  /**
   * The {@code k} largest entries along the last axis and their s32 indices (lower index first on ties),
   * by a stable descending sort in raw total order, as {@code lax.top_k} returns them: NaN first, -NaN last,
   * 0.0 before -0.0.
   */
  public static List<Tensor> topK(Tensor x, int k) {
    Graph g = graphOf("top_k", x);
    int last = x.rank() - 1;
    if (x.rank() < 1 || k < 0 || k > x.dim(last)) {
      throw new IllegalArgumentException("top_k requires k in range [0, " + (x.rank() < 1 ? 0 : x.dim(last))
          + "] and an operand of rank >= 1, got k=" + k + " for shape " + Shapes.tuple(x.dims())
          + Graph.where(Graph.callerLocation()));
    }
    Tensor idx = g.iota(Shape.of(DType.S32, x.dims()), last);
    List<Tensor> s = sort(List.of(x, idx), last, 1, true, true, false);
    return List.of(s.get(0).slice(last, 0, k), s.get(1).slice(last, 0, k));
  }

  /** Indices that sort {@code x} along {@code axis} (stable, ascending; NaNs last, -0.0 equal to 0.0), s32. */
  public static Tensor argsort(Tensor x, int axis) {
    Graph g = graphOf("argsort", x);
    int a = x.axis(axis, "argsort");
    Tensor idx = g.iota(Shape.of(DType.S32, x.dims()), a);
    return sort(List.of(x, idx), a, 1, false, true).get(1);
  }

  /** Inclusive prefix sum along {@code axis}, as a {@code reduce_window} with window n and low padding n - 1. */
  public static Tensor cumsum(Tensor x, int axis) {
    int a = x.axis(axis, "cumsum");
    long[] window = new long[x.rank()];
    long[] strides = new long[x.rank()];
    long[][] pad = new long[x.rank()][2];
    java.util.Arrays.fill(window, 1);
    java.util.Arrays.fill(strides, 1);
    window[a] = Math.max(x.dim(a), 1);
    pad[a][0] = window[a] - 1;
    return reduceWindow(x, Reducer.SUM, window, strides, pad);
  }

  /**
   * Uniform floats in [0, 1) from an explicit {@code u64[2]} key with {@code rng_bit_generator}, the way
   * {@code jax.random.uniform} turns bits into floats (mantissa bits under exponent 0, minus 1). Returns
   * {@code [newKey, values]}; {@code dtype} is f32 (23 mantissa bits from u32) or f64 (52 bits from u64).
   */
  public static List<Tensor> uniform(Tensor key, long[] shape, DType dtype, xla4j.hlo.RngBitGenerator.Algorithm algorithm) {
    Graph g = graphOf("uniform", key);
    if (dtype != DType.F32 && dtype != DType.F64) {
      throw new IllegalArgumentException("uniform requires f32 or f64, got " + dtype.xlaName() + Graph.where(Graph.callerLocation()));
    }
    boolean wide = dtype == DType.F64;
    DType bitsType = wide ? DType.U64 : DType.U32;
    List<Tensor> r = g.rngBitGenerator(key, Shape.of(bitsType, shape), algorithm);
    int mantissa = wide ? 52 : 23;
    Tensor one = g.constant(wide ? NdArray.of(new long[] {Double.doubleToRawLongBits(1.0)}).astype(DType.U64)
        : NdArray.of(new long[] {Float.floatToRawIntBits(1f)}).astype(DType.U32));
    Tensor bits = r.get(1).shiftRightLogical(g.scalar(8 * bitsType.byteSize() - mantissa, bitsType)).or(one);
    return List.of(r.get(0), bits.bitcastConvert(dtype).sub(1.0));
  }

  /** Raw {@code stablehlo.gather} with explicit dimension numbers (no batching dims). */
  public static Tensor gather(Tensor operand, Tensor indices, int[] offsetDims, int[] collapsedSliceDims,
      int[] startIndexMap, int indexVectorDim, long[] sliceSizes) {
    Graph g = graphOf("gather", operand, indices);
    return g.single(() -> Gather.of(operand.value(), indices.value(), offsetDims, collapsedSliceDims, startIndexMap,
        indexVectorDim, sliceSizes, false));
  }

  /**
   * JAX's {@code _normalize_index}: negative indices count from the end of a dimension of size {@code n}
   * ({@code -1} is {@code n - 1}). Unsigned indices, and dtypes that cannot hold {@code n}, are left as they are.
   */
  static Tensor wrapNegativeIndices(Tensor indices, long n) {
    DType t = indices.dtype();
    long max = t.byteSize() >= 8 ? Long.MAX_VALUE : (1L << (8 * t.byteSize() - 1)) - 1;
    if (!t.isInteger() || t.isUnsigned() || n > max) {
      return indices;
    }
    return select(indices.lt(0.0), indices.add((double) n), indices);
  }

  /**
   * {@code jnp.take(x, indices, axis=0, mode="clip")}-style row lookup (embeddings): result shape
   * {@code indices.shape + x.shape[1:]}. Out-of-range indices are clamped, as XLA's gather does (and as that
   * mode does, a negative index is clamped to 0, not counted from the end).
   */
  public static Tensor take(Tensor x, Tensor indices) {
    int r = indices.rank();
    long[] sizes = x.dims();
    sizes[0] = 1;
    int[] offsetDims = new int[x.rank() - 1];
    for (int i = 0; i < offsetDims.length; i++) {
      offsetDims[i] = r + i;
    }
    return gather(x, indices, offsetDims, new int[] {0}, new int[] {0}, r, sizes);
  }

  /**
   * {@code jnp.take_along_axis(x, indices, axis)}: {@code indices} has x's rank, and the result (indices' shape)
   * picks {@code x[..., indices[i...], ...]} along {@code axis}; the other dims of {@code indices} must equal
   * x's. Negative indices count from the end, as in {@code jnp.take_along_axis(x, indices, axis, mode="clip")};
   * indices still out of range are clamped. Lowered to one gather with full index vectors (iota for the other dims).
   */
  public static Tensor takeAlongAxis(Tensor x, Tensor indices, int axis) {
    Graph g = graphOf("take_along_axis", x, indices);
    int a = x.axis(axis, "take_along_axis");
    if (indices.rank() != x.rank() || !indices.dtype().isInteger()) {
      throw new IllegalArgumentException("take_along_axis requires integer indices of the operand's rank, got "
          + indices.shape() + " for operand " + x.shape() + Graph.where(Graph.callerLocation()));
    }
    for (int d = 0; d < x.rank(); d++) {
      if (d != a && indices.dim(d) != x.dim(d)) {
        throw new IllegalArgumentException("take_along_axis requires indices to match the operand outside axis " + a
            + ", got " + Shapes.tuple(indices.dims()) + " and " + Shapes.tuple(x.dims()) + Graph.where(Graph.callerLocation()));
      }
    }
    int r = x.rank();
    long[] colShape = java.util.Arrays.copyOf(indices.dims(), r + 1);
    colShape[r] = 1;
    Tensor[] cols = new Tensor[r];
    for (int d = 0; d < r; d++) {
      Tensor c = d == a ? wrapNegativeIndices(indices, x.dim(a)) : g.iota(Shape.of(indices.dtype(), indices.dims()), d);
      cols[d] = c.reshape(colShape);
    }
    Tensor full = r == 1 ? cols[0] : concatenate(r, cols);
    int[] all = new int[r];
    long[] ones = new long[r];
    for (int d = 0; d < r; d++) {
      all[d] = d;
      ones[d] = 1;
    }
    return gather(x, full, new int[] {}, all, all, r, ones);
  }

  /** Raw {@code stablehlo.scatter} with explicit dimension numbers; {@code combine} merges (current, update). */
  public static Tensor scatter(Tensor operand, Tensor indices, Tensor updates, int[] updateWindowDims,
      int[] insertedWindowDims, int[] scatterDimsToOperandDims, int indexVectorDim, Reducer combine) {
    Graph g = graphOf("scatter", operand, indices, updates);
    TensorType s = TensorType.scalar(operand.dtype());
    Region body = combine == null
        ? g.region("scatter update computation", true, List.of(s, s), a -> List.of(a.get(1)))
        : binaryBody(g, "scatter update computation", combine, operand.dtype());
    return g.single(() -> Scatter.of(operand.value(), indices.value(), updates.value(), updateWindowDims,
        insertedWindowDims, scatterDimsToOperandDims, indexVectorDim, false, false, body));
  }

  /**
   * {@code x.at[indices].add(updates)} along axis 0 (or {@code .set} when {@code combine} is null): updates
   * have shape {@code indices.shape + x.shape[1:]}. Negative indices count from the end, as in JAX; updates at
   * indices still out of range are dropped, as XLA's scatter does.
   */
  public static Tensor scatterRows(Tensor x, Tensor indices, Tensor updates, Reducer combine) {
    graphOf("scatter", x, indices, updates);
    indices = wrapNegativeIndices(indices, x.rank() < 1 ? 0 : x.dim(0));
    int r = indices.rank();
    int[] window = new int[x.rank() - 1];
    for (int i = 0; i < window.length; i++) {
      window[i] = r + i;
    }
    return scatter(x, indices, updates, window, new int[] {0}, new int[] {0}, r, combine);
  }

  // ---------------------------------------------------------------------------------------------
  // Collectives. In a graph with a mesh they are cross-partition (channel handles, global device ids in the
  // groups); otherwise cross-replica (groups list replica ids), see Graph#withReplicas.

  /**
   * {@code stablehlo.all_reduce} with reducer {@code r} within each group of replica (or, with a mesh, device) ids;
   * result of x's shape.
   */
  public static Tensor allReduce(Tensor x, Reducer r, long[][] groups) {
    Graph g = graphOf("all_reduce", x);
    Region body = binaryBody(g, "all_reduce body", r, x.dtype());
    long ch = g.nextChannelId();
    return g.single(() -> Collectives.AllReduce.of(x.value(), groups, ch, ch > 0, body));
  }

  /**
   * {@code stablehlo.all_gather}: concatenates x along {@code axis} over each group, so that dimension grows by the
   * group size.
   */
  public static Tensor allGather(Tensor x, int axis, long[][] groups) {
    Graph g = graphOf("all_gather", x);
    int a = x.axis(axis, "all_gather");
    long ch = g.nextChannelId();
    return g.single(() -> Collectives.AllGather.of(x.value(), a, groups, ch, ch > 0));
  }

  /**
   * {@code stablehlo.reduce_scatter}: reduces over each group with {@code r} and keeps this member's slice of {@code
   * axis} (the dimension shrinks by the group size).
   */
  public static Tensor reduceScatter(Tensor x, Reducer r, int axis, long[][] groups) {
    Graph g = graphOf("reduce_scatter", x);
    int a = x.axis(axis, "reduce_scatter");
    Region body = binaryBody(g, "reduce_scatter body", r, x.dtype());
    long ch = g.nextChannelId();
    return g.single(() -> Collectives.ReduceScatter.of(x.value(), a, groups, ch, ch > 0, body));
  }

  /**
   * {@code stablehlo.all_to_all}: splits {@code splitAxis} into group-size pieces, exchanges them within each group and
   * concatenates the received pieces along {@code concatAxis}.
   */
  public static Tensor allToAll(Tensor x, int splitAxis, int concatAxis, long[][] groups) {
    Graph g = graphOf("all_to_all", x);
    int s = x.axis(splitAxis, "all_to_all");
    int c = x.axis(concatAxis, "all_to_all");
    long ch = g.nextChannelId();
    return g.single(() -> Collectives.AllToAll.of(x.value(), s, c, groups, ch));
  }

  /**
   * {@code stablehlo.collective_permute}: each {@code {source, target}} pair sends source's x to target; a target no
   * pair names receives zeros.
   */
  public static Tensor collectivePermute(Tensor x, long[][] sourceTargetPairs) {
    Graph g = graphOf("collective_permute", x);
    long ch = g.nextChannelId();
    return g.single(() -> Collectives.CollectivePermute.of(x.value(), sourceTargetPairs, ch));
  }

  // ---------------------------------------------------------------------------------------------
  // Axis-named collectives inside Graph#shardMap, as jax.lax's psum / all_gather / psum_scatter / all_to_all /
  // ppermute with tiled=True.

  /** {@code lax.psum(x, axes)}: sum over the devices along the mesh axes. */
  public static Tensor psum(Tensor x, String... axes) {
    return allReduce(x, Reducer.SUM, axes);
  }

  /** All-reduce with any reducer over the devices along the mesh axes ({@code pmax}, {@code pmin}...). */
  public static Tensor allReduce(Tensor x, Reducer r, String... axes) {
    Graph g = graphOf("all_reduce", x);
    g.checkManual("all_reduce");
    return allReduce(x, r, g.groupsOver("all_reduce", axes));
  }

  /** {@code lax.all_gather(x, axis_name, axis=axis, tiled=True)}: concatenates the shards along {@code axis}. */
  public static Tensor allGather(Tensor x, int axis, String meshAxis) {
    Graph g = graphOf("all_gather", x);
    g.checkManual("all_gather");
    return allGather(x, axis, g.groupsOver("all_gather", meshAxis));
  }

  /** {@code lax.psum_scatter(x, axis_name, scatter_dimension=axis, tiled=True)}. */
  public static Tensor psumScatter(Tensor x, int axis, String meshAxis) {
    Graph g = graphOf("reduce_scatter", x);
    g.checkManual("reduce_scatter");
    return reduceScatter(x, Reducer.SUM, axis, g.groupsOver("reduce_scatter", meshAxis));
  }

  /** {@code lax.all_to_all(x, axis_name, split_axis, concat_axis, tiled=True)}. */
  public static Tensor allToAll(Tensor x, int splitAxis, int concatAxis, String meshAxis) {
    Graph g = graphOf("all_to_all", x);
    g.checkManual("all_to_all");
    return allToAll(x, splitAxis, concatAxis, g.groupsOver("all_to_all", meshAxis));
  }

  /**
   * {@code lax.ppermute(x, axis_name, perm)}: {@code perm} pairs are (source, target) indices along the mesh axis;
   * devices that are no target get zeros.
   */
  public static Tensor ppermute(Tensor x, String meshAxis, long[][] perm) {
    Graph g = graphOf("collective_permute", x);
    g.checkManual("collective_permute");
    long[][] groups = g.groupsOver("collective_permute", meshAxis);
    List<long[]> pairs = new ArrayList<>();
    for (long[] group : groups) {
      for (long[] p : perm) {
        if (p.length != 2 || p[0] < 0 || p[1] < 0 || p[0] >= group.length || p[1] >= group.length) {
          throw new IllegalArgumentException("ppermute requires (source, target) pairs of indices in [0, " + group.length
              + ") along '" + meshAxis + "', got " + Shapes.tuple(p) + Graph.where(Graph.callerLocation()));
        }
        pairs.add(new long[] {group[(int) p[0]], group[(int) p[1]]});
      }
    }
    return collectivePermute(x, pairs.toArray(new long[0][]));
  }

  /** Elementwise op by table kind on tensors of equal shapes (no broadcasting), for generated code. */
  public static Tensor elementwise(xla4j.hlo.ElementwiseKind kind, Tensor... operands) {
    Graph g = graphOf(kind.shortName(), operands);
    return g.single(() -> Elementwise.of(kind, Graph.values(List.of(operands)).toArray(new xla4j.hlo.Value[0])));
  }
}
