package xla4j.hlo;

import xla4j.array.DType;

/**
 * The table of elementwise StableHLO ops (and {@code chlo.erf}): MLIR name, arity, accepted element
 * types, and whether the result is {@code i1}. {@link Elementwise} takes its rule and printing from here.
 */
public enum ElementwiseKind {
  // unary, float
  EXPONENTIAL("stablehlo.exponential", 1, Domain.FLOAT),
  EXPONENTIAL_MINUS_ONE("stablehlo.exponential_minus_one", 1, Domain.FLOAT),
  LOG("stablehlo.log", 1, Domain.FLOAT),
  LOG_PLUS_ONE("stablehlo.log_plus_one", 1, Domain.FLOAT),
  LOGISTIC("stablehlo.logistic", 1, Domain.FLOAT),
  SQRT("stablehlo.sqrt", 1, Domain.FLOAT),
  RSQRT("stablehlo.rsqrt", 1, Domain.FLOAT),
  CBRT("stablehlo.cbrt", 1, Domain.FLOAT),
  TANH("stablehlo.tanh", 1, Domain.FLOAT),
  SINE("stablehlo.sine", 1, Domain.FLOAT),
  COSINE("stablehlo.cosine", 1, Domain.FLOAT),
  TAN("stablehlo.tan", 1, Domain.FLOAT),
  FLOOR("stablehlo.floor", 1, Domain.FLOAT),
  CEIL("stablehlo.ceil", 1, Domain.FLOAT),
  ROUND_NEAREST_EVEN("stablehlo.round_nearest_even", 1, Domain.FLOAT),
  ROUND_NEAREST_AFZ("stablehlo.round_nearest_afz", 1, Domain.FLOAT),
  IS_FINITE("stablehlo.is_finite", 1, Domain.FLOAT),
  ERF("chlo.erf", 1, Domain.FLOAT),
  ERFC("chlo.erfc", 1, Domain.FLOAT),
  // unary, numeric
  ABS("stablehlo.abs", 1, Domain.SIGNED_OR_FLOAT),
  NEGATE("stablehlo.negate", 1, Domain.NUMERIC),
  SIGN("stablehlo.sign", 1, Domain.SIGNED_OR_FLOAT),
  // unary, integer / bool
  NOT("stablehlo.not", 1, Domain.INT_OR_BOOL),
  POPCNT("stablehlo.popcnt", 1, Domain.INT),
  COUNT_LEADING_ZEROS("stablehlo.count_leading_zeros", 1, Domain.INT),
  // binary
  ADD("stablehlo.add", 2, Domain.NUMERIC),
  SUBTRACT("stablehlo.subtract", 2, Domain.NUMERIC),
  MULTIPLY("stablehlo.multiply", 2, Domain.NUMERIC),
  DIVIDE("stablehlo.divide", 2, Domain.NUMERIC),
  REMAINDER("stablehlo.remainder", 2, Domain.NUMERIC),
  MAXIMUM("stablehlo.maximum", 2, Domain.ANY),
  MINIMUM("stablehlo.minimum", 2, Domain.ANY),
  POWER("stablehlo.power", 2, Domain.NUMERIC),
  ATAN2("stablehlo.atan2", 2, Domain.FLOAT),
  AND("stablehlo.and", 2, Domain.INT_OR_BOOL),
  OR("stablehlo.or", 2, Domain.INT_OR_BOOL),
  XOR("stablehlo.xor", 2, Domain.INT_OR_BOOL),
  SHIFT_LEFT("stablehlo.shift_left", 2, Domain.INT),
  SHIFT_RIGHT_ARITHMETIC("stablehlo.shift_right_arithmetic", 2, Domain.INT),
  SHIFT_RIGHT_LOGICAL("stablehlo.shift_right_logical", 2, Domain.INT);

  /** Element types an op accepts. */
  public enum Domain {
    FLOAT("a floating-point"),
    SIGNED_OR_FLOAT("a signed integer or floating-point"),
    NUMERIC("an integer or floating-point"),
    INT("an integer"),
    INT_OR_BOOL("an integer or boolean"),
    ANY("any");

    private final String description;

    Domain(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }

    public boolean accepts(DType t) {
      switch (this) {
        case FLOAT: return t.isFloating();
        case SIGNED_OR_FLOAT: return t.isFloating() || t.kind() == DType.Kind.SIGNED;
        case NUMERIC: return t.isFloating() || t.isInteger();
        case INT: return t.isInteger();
        case INT_OR_BOOL: return t.isInteger() || t == DType.PRED;
        default: return true;
      }
    }
  }

  private final String mlirName;
  private final int arity;
  private final Domain domain;

  ElementwiseKind(String mlirName, int arity, Domain domain) {
    this.mlirName = mlirName;
    this.arity = arity;
    this.domain = domain;
  }

  public String mlirName() {
    return mlirName;
  }

  /** Short name used in error messages: {@code add}, {@code exponential}, {@code erf}. */
  public String shortName() {
    return mlirName.substring(mlirName.indexOf('.') + 1);
  }

  public int arity() {
    return arity;
  }

  public Domain domain() {
    return domain;
  }

  /** Result element type for an operand element type. */
  public DType resultDType(DType operand) {
    return this == IS_FINITE ? DType.PRED : operand;
  }
}
