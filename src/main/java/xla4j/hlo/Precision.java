package xla4j.hlo;

/** Operand precision for {@code dot_general} and {@code convolution}, as StableHLO names it. */
public enum Precision { DEFAULT, HIGH, HIGHEST }
