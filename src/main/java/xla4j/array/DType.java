package xla4j.array;

/**
 * Element types xla4j moves between Java, files and devices, named as XLA names its primitive types.
 *
 * <p>This is a plain value shared by every layer (files, devices, graphs); each layer maps it to its own
 * encoding (npy descr, {@code PJRT_Buffer_Type}, StableHLO element type) in one place of its own.
 */
public enum DType {
  /** Boolean, one byte per element (0 or 1). */
  PRED(1, Kind.BOOL),
  /** Signed 8-bit integer. */
  S8(1, Kind.SIGNED),
  /** Signed 16-bit integer. */
  S16(2, Kind.SIGNED),
  /** Signed 32-bit integer. */
  S32(4, Kind.SIGNED),
  /** Signed 64-bit integer. */
  S64(8, Kind.SIGNED),
  /** Unsigned 8-bit integer. */
  U8(1, Kind.UNSIGNED),
  /** Unsigned 16-bit integer. */
  U16(2, Kind.UNSIGNED),
  /** Unsigned 32-bit integer. */
  U32(4, Kind.UNSIGNED),
  /** Unsigned 64-bit integer. */
  U64(8, Kind.UNSIGNED),
  /** IEEE 754 half precision. */
  F16(2, Kind.FLOAT),
  /** bfloat16: f32's exponent range with an 8-bit significand. */
  BF16(2, Kind.FLOAT),
  /** IEEE 754 single precision. */
  F32(4, Kind.FLOAT),
  /** IEEE 754 double precision. */
  F64(8, Kind.FLOAT);

  /** Coarse category of an element type. */
  public enum Kind {
    /** {@link #PRED}. */
    BOOL,
    /** Signed integers. */
    SIGNED,
    /** Unsigned integers. */
    UNSIGNED,
    /** Floating-point types. */
    FLOAT
  }

  private final int byteSize;
  private final Kind kind;

  DType(int byteSize, Kind kind) {
    this.byteSize = byteSize;
    this.kind = kind;
  }

  /** Bytes per element. */
  public int byteSize() {
    return byteSize;
  }

  /** Its coarse category. */
  public Kind kind() {
    return kind;
  }

  /** A floating-point type ({@code f16}, {@code bf16}, {@code f32}, {@code f64}). */
  public boolean isFloating() {
    return kind == Kind.FLOAT;
  }

  /** Signed or unsigned integer (not {@link #PRED}). */
  public boolean isInteger() {
    return kind == Kind.SIGNED || kind == Kind.UNSIGNED;
  }

  /** An unsigned integer type. */
  public boolean isUnsigned() {
    return kind == Kind.UNSIGNED;
  }

  /** XLA's lower-case name: {@code f32}, {@code bf16}, {@code s32}, {@code u8}, {@code pred}. */
  public String xlaName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses {@link #xlaName()} (case-insensitive). */
  public static DType fromXlaName(String name) {
    for (DType t : values()) {
      if (t.xlaName().equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown dtype '" + name + "', expected one of "
        + java.util.Arrays.toString(java.util.Arrays.stream(values()).map(DType::xlaName).toArray()));
  }
}
