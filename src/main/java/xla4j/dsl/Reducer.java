package xla4j.dsl;

import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.hlo.ElementwiseKind;

/** A monoid for reductions: the combining op and its identity per dtype (as JAX's reduce_* primitives pick). */
public enum Reducer {
  /** Sum; identity 0. */
  SUM(ElementwiseKind.ADD),
  /** Product; identity 1. */
  PROD(ElementwiseKind.MULTIPLY),
  /** Maximum; identity the dtype's lowest value ({@code -inf} for floats). */
  MAX(ElementwiseKind.MAXIMUM),
  /** Minimum; identity the dtype's highest value ({@code +inf} for floats). */
  MIN(ElementwiseKind.MINIMUM),
  /** Logical/bitwise and; identity all ones ({@code true}). */
  AND(ElementwiseKind.AND),
  /** Logical/bitwise or; identity 0 ({@code false}). */
  OR(ElementwiseKind.OR);

  private final ElementwiseKind op;

  Reducer(ElementwiseKind op) {
    this.op = op;
  }

  /** The elementwise op that combines two values. */
  public ElementwiseKind op() {
    return op;
  }

  /**
   * The identity: 0 / 1 for sum / prod; -inf, the smallest integer or false for max; +inf, the largest integer
   * or true for min; all ones / zero for and / or.
   */
  public NdArray identity(DType t) {
    switch (this) {
      case SUM: return scalar(t, 0, 0);
      case PROD: return scalar(t, 1, 1);
      case MAX:
        if (t.isFloating()) {
          return scalar(t, Double.NEGATIVE_INFINITY, 0);
        }
        return t == DType.PRED || t.isUnsigned() ? scalar(t, 0, 0) : scalar(t, 0, -(1L << (8 * t.byteSize() - 1)));
      case MIN:
        if (t.isFloating()) {
          return scalar(t, Double.POSITIVE_INFINITY, 0);
        }
        if (t == DType.PRED) {
          return scalar(t, 1, 1);
        }
        return t.isUnsigned() ? scalar(t, 0, -1L) : scalar(t, 0, t.byteSize() == 8 ? Long.MAX_VALUE : (1L << (8 * t.byteSize() - 1)) - 1);
      case AND: return t == DType.PRED ? scalar(t, 1, 1) : scalar(t, 0, -1L);
      case OR: return scalar(t, 0, 0);
      default: throw new AssertionError(this);
    }
  }

  /** A rank-0 array: {@code floatValue} for float dtypes, {@code intBits} (truncated) for integers and pred. */
  static NdArray scalar(DType t, double floatValue, long intBits) {
    if (t.isFloating()) {
      return NdArray.of(new double[] {floatValue}).astype(t);
    }
    if (t == DType.PRED) {
      return NdArray.of(new boolean[] {intBits != 0});
    }
    return NdArray.of(new long[] {intBits}).astype(t);
  }
}
