package xla4j.array;

/**
 * Element types xla4j moves between Java, files and devices, named as XLA names its primitive types.
 *
 * <p>This is a plain value shared by every layer (files, devices, graphs); each layer maps it to its own
 * encoding (npy descr, {@code PJRT_Buffer_Type}, StableHLO element type) in one place of its own.
 */
public enum DType {
  PRED(1, Kind.BOOL),
  S8(1, Kind.SIGNED),
  S16(2, Kind.SIGNED),
  S32(4, Kind.SIGNED),
  S64(8, Kind.SIGNED),
  U8(1, Kind.UNSIGNED),
  U16(2, Kind.UNSIGNED),
  U32(4, Kind.UNSIGNED),
  U64(8, Kind.UNSIGNED),
  F16(2, Kind.FLOAT),
  BF16(2, Kind.FLOAT),
  F32(4, Kind.FLOAT),
  F64(8, Kind.FLOAT);

  /** Coarse category of an element type. */
  public enum Kind { BOOL, SIGNED, UNSIGNED, FLOAT }

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

  public Kind kind() {
    return kind;
  }

  public boolean isFloating() {
    return kind == Kind.FLOAT;
  }

  /** Signed or unsigned integer (not {@link #PRED}). */
  public boolean isInteger() {
    return kind == Kind.SIGNED || kind == Kind.UNSIGNED;
  }

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
