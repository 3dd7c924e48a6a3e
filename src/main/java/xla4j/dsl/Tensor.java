package xla4j.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import xla4j.array.DType;
import xla4j.hlo.BroadcastInDim;
import xla4j.hlo.Compare;
import xla4j.hlo.Convert;
import xla4j.hlo.DynamicSlice;
import xla4j.hlo.DynamicUpdateSlice;
import xla4j.hlo.Elementwise;
import xla4j.hlo.ElementwiseKind;
import xla4j.hlo.Pad;
import xla4j.hlo.Reshape;
import xla4j.hlo.Reverse;
import xla4j.hlo.ShardingConstraint;
import xla4j.hlo.Shapes;
import xla4j.hlo.Slice;
import xla4j.hlo.Transpose;
import xla4j.hlo.Value;

/**
 * A value in a {@link Graph}: an SSA value with a static {@link Shape}. Methods add ops to the graph and return
 * new tensors; binary ops broadcast NumPy-style (trailing dims aligned, size-1 dims stretched) but never promote
 * dtypes: operands must share a dtype, and Java number arguments take the tensor's dtype (as JAX's weak types).
 * Axis arguments may be negative (counted from the end).
 */
public final class Tensor {
  private final Graph graph;
  private final Value value;

  Tensor(Graph graph, Value value) {
    this.graph = graph;
    this.value = value;
  }

  /** The graph this tensor belongs to. */
  public Graph graph() {
    return graph;
  }

  /** The underlying IR value. */
  public Value value() {
    return value;
  }

  /** Its static shape and dtype. */
  public Shape shape() {
    return Shape.of(value.type());
  }

  /** Its element type. */
  public DType dtype() {
    return value.type().dtype();
  }

  /** Its number of dimensions. */
  public int rank() {
    return value.type().rank();
  }

  /**
   * Size of dimension {@code axis} (negative counts from the end); throws {@code IllegalArgumentException} out of
   * range.
   */
  public long dim(int axis) {
    return value.type().dim(axis(axis, "dim"));
  }

  /** A copy of its dimensions. */
  public long[] dims() {
    return value.type().dims();
  }

  @Override
  public String toString() {
    return "Tensor(" + shape() + ")";
  }

  // ---------------------------------------------------------------------------------------------
  // Elementwise

  Tensor unary(ElementwiseKind k) {
    graph.use(this, k.shortName());
    return graph.single(() -> Elementwise.of(k, value));
  }

  Tensor binary(ElementwiseKind k, Tensor other) {
    String op = k.shortName();
    graph.use(this, op);
    graph.use(other, op);
    Tensor[] ab = broadcastPair(op, this, other);
    return graph.single(() -> Elementwise.of(k, ab[0].value, ab[1].value));
  }

  /**
   * A scalar constant of this tensor's dtype (JAX's weak typing). Integer and pred tensors only take Java numbers
   * they can hold exactly.
   */
  Tensor scalarLike(double v) {
    DType t = dtype();
    if (t == DType.PRED && v != 0 && v != 1 || t.isInteger() && (v != Math.rint(v) || !fits(t, v))) {
      throw new IllegalArgumentException("a Java number combined with a " + t.xlaName() + " tensor must be representable"
          + " in " + t.xlaName() + ", got " + v + Graph.where(Graph.callerLocation()));
    }
    return graph.scalar(v, t);
  }

  private static boolean fits(DType t, double v) {
    int bits = 8 * t.byteSize();
    if (t.isUnsigned()) {
      return v >= 0 && v < Math.pow(2, bits);
    }
    return v >= -Math.pow(2, bits - 1) && v < Math.pow(2, bits - 1);
  }

  /** {@code -x} ({@code stablehlo.negate}). */
  public Tensor neg() { return unary(ElementwiseKind.NEGATE); }
  /** {@code |x|} ({@code stablehlo.abs}). */
  public Tensor abs() { return unary(ElementwiseKind.ABS); }
  /** -1, 0 or 1 by sign ({@code stablehlo.sign}). */
  public Tensor sign() { return unary(ElementwiseKind.SIGN); }
  /** {@code e^x} ({@code stablehlo.exponential}). */
  public Tensor exp() { return unary(ElementwiseKind.EXPONENTIAL); }
  /** {@code e^x - 1}, accurate near 0 ({@code stablehlo.exponential_minus_one}). */
  public Tensor expm1() { return unary(ElementwiseKind.EXPONENTIAL_MINUS_ONE); }
  /** Natural logarithm ({@code stablehlo.log}). */
  public Tensor log() { return unary(ElementwiseKind.LOG); }
  /** {@code log(1 + x)}, accurate near 0 ({@code stablehlo.log_plus_one}). */
  public Tensor log1p() { return unary(ElementwiseKind.LOG_PLUS_ONE); }
  /** {@code 1 / (1 + exp(-x))} ({@code stablehlo.logistic}). */
  public Tensor sigmoid() { return unary(ElementwiseKind.LOGISTIC); }
  /** Square root ({@code stablehlo.sqrt}). */
  public Tensor sqrt() { return unary(ElementwiseKind.SQRT); }
  /** {@code 1 / sqrt(x)} ({@code stablehlo.rsqrt}). */
  public Tensor rsqrt() { return unary(ElementwiseKind.RSQRT); }
  /** Cube root ({@code stablehlo.cbrt}). */
  public Tensor cbrt() { return unary(ElementwiseKind.CBRT); }
  /** Hyperbolic tangent ({@code stablehlo.tanh}). */
  public Tensor tanh() { return unary(ElementwiseKind.TANH); }
  /** Sine ({@code stablehlo.sine}). */
  public Tensor sin() { return unary(ElementwiseKind.SINE); }
  /** Cosine ({@code stablehlo.cosine}). */
  public Tensor cos() { return unary(ElementwiseKind.COSINE); }
  /** Tangent ({@code stablehlo.tan}). */
  public Tensor tan() { return unary(ElementwiseKind.TAN); }
  /** Round toward negative infinity ({@code stablehlo.floor}). */
  public Tensor floor() { return unary(ElementwiseKind.FLOOR); }
  /** Round toward positive infinity ({@code stablehlo.ceil}). */
  public Tensor ceil() { return unary(ElementwiseKind.CEIL); }
  /** Round half to even. */
  public Tensor round() { return unary(ElementwiseKind.ROUND_NEAREST_EVEN); }
  /** Round half away from zero. */
  public Tensor roundAwayFromZero() { return unary(ElementwiseKind.ROUND_NEAREST_AFZ); }
  /** Whether each element is neither infinite nor NaN, as pred ({@code stablehlo.is_finite}). */
  public Tensor isFinite() { return unary(ElementwiseKind.IS_FINITE); }
  /** Error function ({@code chlo.erf}, as JAX emits). */
  public Tensor erf() { return unary(ElementwiseKind.ERF); }
  /** Complementary error function {@code 1 - erf(x)}, accurate where erf is near 1 ({@code chlo.erfc}). */
  public Tensor erfc() { return unary(ElementwiseKind.ERFC); }
  /** Bitwise / logical not. */
  public Tensor not() { return unary(ElementwiseKind.NOT); }
  /** Number of set bits of each integer ({@code stablehlo.popcnt}). */
  public Tensor popcnt() { return unary(ElementwiseKind.POPCNT); }
  /** Number of leading zero bits of each integer ({@code stablehlo.count_leading_zeros}). */
  public Tensor countLeadingZeros() { return unary(ElementwiseKind.COUNT_LEADING_ZEROS); }
  /** {@code x * x}. */
  public Tensor square() { return mul(this); }
  /** {@code 1 / x}. */
  public Tensor reciprocal() { return scalarLike(1).div(this); }
  /** {@code max(x, 0)}. */
  public Tensor relu() { return maximum(0.0); }

  /** {@code x + o} ({@code stablehlo.add}), broadcasting as NumPy; dtypes must match. */
  public Tensor add(Tensor o) { return binary(ElementwiseKind.ADD, o); }
  /** {@code x - o} ({@code stablehlo.subtract}), broadcasting as NumPy; dtypes must match. */
  public Tensor sub(Tensor o) { return binary(ElementwiseKind.SUBTRACT, o); }
  /** {@code x * o} ({@code stablehlo.multiply}), broadcasting as NumPy; dtypes must match. */
  public Tensor mul(Tensor o) { return binary(ElementwiseKind.MULTIPLY, o); }
  /** {@code x / o} ({@code stablehlo.divide}; integers truncate toward zero), broadcasting as NumPy. */
  public Tensor div(Tensor o) { return binary(ElementwiseKind.DIVIDE, o); }
  /** Remainder with the dividend's sign (C fmod), as {@code stablehlo.remainder}. */
  public Tensor rem(Tensor o) { return binary(ElementwiseKind.REMAINDER, o); }
  /** {@code x^o} ({@code stablehlo.power}), broadcasting as NumPy. */
  public Tensor pow(Tensor o) { return binary(ElementwiseKind.POWER, o); }
  /** Elementwise maximum (NumPy's {@code maximum}); {@link #max(int...)} reduces over axes instead. */
  public Tensor maximum(Tensor o) { return binary(ElementwiseKind.MAXIMUM, o); }
  /** Elementwise minimum (NumPy's {@code minimum}); {@link #min(int...)} reduces over axes instead. */
  public Tensor minimum(Tensor o) { return binary(ElementwiseKind.MINIMUM, o); }
  /** Two-argument arctangent of {@code x / o} ({@code stablehlo.atan2}). */
  public Tensor atan2(Tensor o) { return binary(ElementwiseKind.ATAN2, o); }
  /** Bitwise / logical and ({@code stablehlo.and}). */
  public Tensor and(Tensor o) { return binary(ElementwiseKind.AND, o); }
  /** Bitwise / logical or ({@code stablehlo.or}). */
  public Tensor or(Tensor o) { return binary(ElementwiseKind.OR, o); }
  /** Bitwise / logical xor ({@code stablehlo.xor}). */
  public Tensor xor(Tensor o) { return binary(ElementwiseKind.XOR, o); }
  /** {@code x << o} ({@code stablehlo.shift_left}). */
  public Tensor shiftLeft(Tensor o) { return binary(ElementwiseKind.SHIFT_LEFT, o); }
  /** {@code x >> o}, sign-extending ({@code stablehlo.shift_right_arithmetic}). */
  public Tensor shiftRightArithmetic(Tensor o) { return binary(ElementwiseKind.SHIFT_RIGHT_ARITHMETIC, o); }
  /** {@code x >>> o}, zero-filling ({@code stablehlo.shift_right_logical}). */
  public Tensor shiftRightLogical(Tensor o) { return binary(ElementwiseKind.SHIFT_RIGHT_LOGICAL, o); }

  /**
   * {@code x + v}, v a scalar of x's dtype; throws {@code IllegalArgumentException} if the dtype cannot hold v exactly.
   */
  public Tensor add(double v) { return add(scalarLike(v)); }
  /** {@code x - v}, v a scalar of x's dtype. */
  public Tensor sub(double v) { return sub(scalarLike(v)); }
  /** {@code x * v}, v a scalar of x's dtype. */
  public Tensor mul(double v) { return mul(scalarLike(v)); }
  /** {@code x / v}, v a scalar of x's dtype. */
  public Tensor div(double v) { return div(scalarLike(v)); }
  /** {@code x^v}, v a scalar of x's dtype. */
  public Tensor pow(double v) { return pow(scalarLike(v)); }
  /** {@code max(x, v)} elementwise, v a scalar of x's dtype. */
  public Tensor maximum(double v) { return maximum(scalarLike(v)); }
  /** {@code min(x, v)} elementwise, v a scalar of x's dtype. */
  public Tensor minimum(double v) { return minimum(scalarLike(v)); }

  // Comparisons (result pred)
  Tensor compare(Compare.Direction d, Tensor o) {
    graph.use(this, "compare");
    graph.use(o, "compare");
    Tensor[] ab = broadcastPair("compare", this, o);
    return graph.single(() -> Compare.of(d, ab[0].value, ab[1].value));
  }

  /** {@code x == o} as pred ({@code stablehlo.compare EQ}), broadcasting as NumPy. */
  public Tensor eq(Tensor o) { return compare(Compare.Direction.EQ, o); }
  /** {@code x != o} as pred ({@code stablehlo.compare NE}), broadcasting as NumPy. */
  public Tensor ne(Tensor o) { return compare(Compare.Direction.NE, o); }
  /** {@code x < o} as pred ({@code stablehlo.compare LT}), broadcasting as NumPy. */
  public Tensor lt(Tensor o) { return compare(Compare.Direction.LT, o); }
  /** {@code x <= o} as pred ({@code stablehlo.compare LE}), broadcasting as NumPy. */
  public Tensor le(Tensor o) { return compare(Compare.Direction.LE, o); }
  /** {@code x > o} as pred ({@code stablehlo.compare GT}), broadcasting as NumPy. */
  public Tensor gt(Tensor o) { return compare(Compare.Direction.GT, o); }
  /** {@code x >= o} as pred ({@code stablehlo.compare GE}), broadcasting as NumPy. */
  public Tensor ge(Tensor o) { return compare(Compare.Direction.GE, o); }
  /** {@code x == v} as pred, v a scalar of x's dtype. */
  public Tensor eq(double v) { return eq(scalarLike(v)); }
  /** {@code x != v} as pred, v a scalar of x's dtype. */
  public Tensor ne(double v) { return ne(scalarLike(v)); }
  /** {@code x < v} as pred, v a scalar of x's dtype. */
  public Tensor lt(double v) { return lt(scalarLike(v)); }
  /** {@code x <= v} as pred, v a scalar of x's dtype. */
  public Tensor le(double v) { return le(scalarLike(v)); }
  /** {@code x > v} as pred, v a scalar of x's dtype. */
  public Tensor gt(double v) { return gt(scalarLike(v)); }
  /** {@code x >= v} as pred, v a scalar of x's dtype. */
  public Tensor ge(double v) { return ge(scalarLike(v)); }

  /** {@code stablehlo.convert} to {@code dtype} (float to int truncates toward zero; to pred is {@code != 0}). */
  public Tensor convert(DType dtype) {
    graph.use(this, "convert");
    if (dtype == dtype()) {
      return this;
    }
    return graph.single(() -> Convert.of(value, dtype));
  }

  /** {@code stablehlo.bitcast_convert}: reinterprets the bits (see {@link xla4j.hlo.BitcastConvert} for shapes). */
  public Tensor bitcastConvert(DType dtype) {
    graph.use(this, "bitcast_convert");
    return graph.single(() -> xla4j.hlo.BitcastConvert.of(value, dtype));
  }

  // ---------------------------------------------------------------------------------------------
  // Shapes

  /** Row-major reshape; one dimension may be -1 (inferred). */
  public Tensor reshape(long... dims) {
    graph.use(this, "reshape");
    long[] d = dims.clone();
    int infer = -1;
    long known = 1;
    for (int i = 0; i < d.length; i++) {
      if (d[i] == -1) {
        if (infer >= 0) {
          throw new IllegalArgumentException("reshape requires at most one -1 dimension, got " + Shapes.tuple(dims)
              + Graph.where(Graph.callerLocation()));
        }
        infer = i;
      } else {
        known *= d[i];
      }
    }
    if (infer >= 0) {
      d[infer] = known == 0 ? 0 : value.type().numElements() / known;
    }
    if (Arrays.equals(d, dims())) {
      return this;
    }
    return graph.single(() -> Reshape.of(value, d));
  }

  /** {@code result.dim(i) = dim(permutation[i])}. */
  public Tensor transpose(int... permutation) {
    graph.use(this, "transpose");
    return graph.single(() -> Transpose.of(value, permutation));
  }

  /** {@code stablehlo.broadcast_in_dim}: operand dim {@code i} goes to result dim {@code dims[i]}. */
  public Tensor broadcastInDim(long[] shape, int... dims) {
    graph.use(this, "broadcast_in_dim");
    return graph.single(() -> BroadcastInDim.of(value, shape, dims));
  }

  /** NumPy-style broadcast to {@code shape} (trailing dimensions aligned). */
  public Tensor broadcastTo(long... shape) {
    graph.use(this, "broadcast_to");
    if (Arrays.equals(shape, dims())) {
      return this;
    }
    int offset = shape.length - rank();
    if (offset < 0) {
      throw new IllegalArgumentException("broadcast_to requires a target rank >= operand rank, got " + Shapes.tuple(shape)
          + " for operand shape " + Shapes.tuple(dims()) + Graph.where(Graph.callerLocation()));
    }
    int[] bd = new int[rank()];
    for (int i = 0; i < bd.length; i++) {
      bd[i] = offset + i;
    }
    return broadcastInDim(shape, bd);
  }

  /** Inserts a size-1 dimension at {@code axis} (which may be {@code rank()} or negative). */
  public Tensor expandDims(int axis) {
    int r = rank() + 1;
    int a = axis < 0 ? axis + r : axis;
    if (a < 0 || a >= r) {
      throw new IllegalArgumentException("expand_dims requires axis in range [" + -r + ", " + r + "), got " + axis
          + Graph.where(Graph.callerLocation()));
    }
    long[] d = new long[r];
    long[] src = dims();
    for (int i = 0, j = 0; i < r; i++) {
      d[i] = i == a ? 1 : src[j++];
    }
    return reshape(d);
  }

  /** Removes the given size-1 dimensions (all of them when none are given, as {@code jnp.squeeze(x)}). */
  public Tensor squeeze(int... axes) {
    int[] a = axes.length > 0 ? axes("squeeze", axes)
        : java.util.stream.IntStream.range(0, rank()).filter(i -> dims()[i] == 1).toArray();
    List<Long> d = new ArrayList<>();
    for (int i = 0; i < rank(); i++) {
      final int axis = i;
      if (Arrays.stream(a).anyMatch(x -> x == axis)) {
        if (dim(i) != 1) {
          throw new IllegalArgumentException("squeeze requires the squeezed dimensions to have size 1, got shape "
              + Shapes.tuple(dims()) + " and axes " + Shapes.tuple(axes) + Graph.where(Graph.callerLocation()));
        }
      } else {
        d.add(dim(i));
      }
    }
    return reshape(d.stream().mapToLong(Long::longValue).toArray());
  }

  /** Static slice with strides. */
  public Tensor slice(long[] start, long[] limit, long[] strides) {
    graph.use(this, "slice");
    return graph.single(() -> Slice.of(value, start, limit, strides));
  }

  /** Static slice {@code [start, limit)} of one axis. */
  public Tensor slice(int axis, long start, long limit) {
    int a = axis(axis, "slice");
    long[] s = new long[rank()];
    long[] l = dims();
    long[] st = new long[rank()];
    Arrays.fill(st, 1);
    s[a] = start;
    l[a] = limit;
    return slice(s, l, st);
  }

  /** {@code stablehlo.dynamic_slice}: one integer scalar start per dimension (clamped so the slice fits). */
  public Tensor dynamicSlice(List<Tensor> starts, long... sizes) {
    graph.use(this, "dynamic_slice");
    starts.forEach(t -> graph.use(t, "dynamic_slice"));
    return graph.single(() -> DynamicSlice.of(value, Graph.values(starts), sizes));
  }

  /** {@code stablehlo.dynamic_update_slice}: writes {@code update} at the (clamped) starts. */
  public Tensor dynamicUpdateSlice(Tensor update, List<Tensor> starts) {
    graph.use(this, "dynamic_update_slice");
    graph.use(update, "dynamic_update_slice");
    starts.forEach(t -> graph.use(t, "dynamic_update_slice"));
    return graph.single(() -> DynamicUpdateSlice.of(value, update.value, Graph.values(starts)));
  }

  /** {@code stablehlo.pad} with a scalar padding value of this dtype. */
  public Tensor pad(double padValue, long[] low, long[] high, long[] interior) {
    return pad(scalarLike(padValue), low, high, interior);
  }

  /**
   * {@code stablehlo.pad}: {@code low}/{@code high} edge padding (negative crops) and {@code interior} padding between
   * elements, per dimension, with the scalar {@code padValue}.
   */
  public Tensor pad(Tensor padValue, long[] low, long[] high, long[] interior) {
    graph.use(this, "pad");
    graph.use(padValue, "pad");
    return graph.single(() -> Pad.of(value, padValue.value, low, high, interior));
  }

  /** Reverses the order of elements along {@code axes} ({@code stablehlo.reverse}); same shape. */
  public Tensor reverse(int... axes) {
    graph.use(this, "reverse");
    int[] a = axes("reverse", axes);
    return graph.single(() -> Reverse.of(value, a));
  }

  // ---------------------------------------------------------------------------------------------
  // Reductions and contractions

  /** Reduces over {@code axes} (all axes when none are given) with the reducer's identity as init. */
  public Tensor reduce(Reducer r, int... axes) {
    return Ops.reduce(this, r, axes.length == 0 ? allAxes() : axes);
  }

  /** Sum over {@code axes} (all when none are given), which are removed from the shape. */
  public Tensor sum(int... axes) { return reduce(Reducer.SUM, axes); }
  /** Product over {@code axes} (all when none are given), which are removed from the shape. */
  public Tensor prod(int... axes) { return reduce(Reducer.PROD, axes); }
  /**
   * Maximum over {@code axes} (all when none are given), which are removed; {@link #maximum(Tensor)} is elementwise.
   */
  public Tensor max(int... axes) { return reduce(Reducer.MAX, axes); }
  /**
   * Minimum over {@code axes} (all when none are given), which are removed; {@link #minimum(Tensor)} is elementwise.
   */
  public Tensor min(int... axes) { return reduce(Reducer.MIN, axes); }
  /** Logical and over {@code axes} (all when none are given), which are removed from the shape. */
  public Tensor all(int... axes) { return reduce(Reducer.AND, axes); }
  /** Logical or over {@code axes} (all when none are given), which are removed from the shape. */
  public Tensor any(int... axes) { return reduce(Reducer.OR, axes); }

  /** Mean over {@code axes} (all when none are given), in this dtype. */
  public Tensor mean(int... axes) {
    return Composites.meanAxes(this, axes.length == 0 ? allAxes() : axes);
  }

  /** Index of the largest element along a non-empty {@code axis} (first one on ties, NaN counts as largest), s32. */
  public Tensor argmax(int axis) {
    return Ops.argReduce(this, axis, true);
  }

  /** Index of the smallest element along a non-empty {@code axis} (first one on ties, NaN counts as smallest), s32. */
  public Tensor argmin(int axis) {
    return Ops.argReduce(this, axis, false);
  }

  /**
   * Matrix product as {@code jnp.matmul}: over the last axis of this and the second-to-last of {@code other} (the
   * last, if rank 1); when {@code other} has rank 3 or more, the leading dims of both are batch dims that broadcast
   * (NumPy rules), and a rank-1 lhs is a single row whose axis is dropped from the result.
   */
  public Tensor matmul(Tensor other) {
    return Ops.matmul(this, other);
  }

  /** {@code exp(x - max) / sum(exp(x - max))} over {@code axis}; same shape. */
  public Tensor softmax(int axis) {
    return Composites.softmax(this, axis);
  }

  /** A sharding constraint ({@code sdy.sharding_constraint}) over the graph's mesh. */
  public Tensor shard(PartitionSpec spec) {
    graph.use(this, "sharding_constraint");
    if (graph.mesh() == null) {
      throw new IllegalStateException("sharding_constraint needs a mesh, but graph '" + graph.name() + "' has none");
    }
    return graph.single(() -> ShardingConstraint.of(value, spec.toSharding(graph.mesh()), graph.gspmd()));
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  int[] allAxes() {
    int[] a = new int[rank()];
    for (int i = 0; i < a.length; i++) {
      a[i] = i;
    }
    return a;
  }

  /** Normalizes one possibly negative axis. */
  int axis(int axis, String op) {
    int r = rank();
    if (axis < -r || axis >= r) {
      throw new IllegalArgumentException(op + " requires axis in range [" + -r + ", " + r + "), got " + axis
          + " for shape " + Shapes.tuple(dims()) + Graph.where(Graph.callerLocation()));
    }
    return axis < 0 ? axis + r : axis;
  }

  int[] axes(String op, int... axes) {
    int r = rank();
    int[] out = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      if (axes[i] < -r || axes[i] >= r) {
        throw new IllegalArgumentException(op + " requires axes in range [" + -r + ", " + r + "), got "
            + Shapes.tuple(axes) + " for shape " + Shapes.tuple(dims()) + Graph.where(Graph.callerLocation()));
      }
      out[i] = axes[i] < 0 ? axes[i] + r : axes[i];
    }
    return out;
  }

  /** NumPy broadcasting of two operands to their common shape. */
  static Tensor[] broadcastPair(String op, Tensor a, Tensor b) {
    long[] s = broadcastShape(op, a.dims(), b.dims());
    return new Tensor[] {a.broadcastTo(s), b.broadcastTo(s)};
  }

  static long[] broadcastShape(String op, long[] a, long[] b) {
    int r = Math.max(a.length, b.length);
    long[] out = new long[r];
    for (int i = 0; i < r; i++) {
      long x = i - (r - a.length) >= 0 ? a[i - (r - a.length)] : 1;
      long y = i - (r - b.length) >= 0 ? b[i - (r - b.length)] : 1;
      if (x != y && x != 1 && y != 1) {
        throw new IllegalArgumentException(op + " requires shapes compatible for broadcasting, got "
            + Shapes.tuple(a) + " and " + Shapes.tuple(b) + Graph.where(Graph.callerLocation()));
      }
      out[i] = x == 1 ? y : x;
    }
    return out;
  }
}
