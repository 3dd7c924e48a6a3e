package xla4j.array;

/**
 * Conversions between {@code float} and the 16-bit float formats bfloat16 and IEEE binary16.
 *
 * <p>Written by hand because JDK 17 has neither ({@code Float.floatToFloat16} arrived in JDK 20).
 * Rounding is round-to-nearest-even, NaN stays NaN, as in ml_dtypes / XLA.
 */
public final class HalfFloats {
  private HalfFloats() {}

  /** bfloat16 bits to float (exact). */
  public static float bf16ToFloat(short bits) {
    return Float.intBitsToFloat((bits & 0xffff) << 16);
  }

  /** float to bfloat16 bits, round-to-nearest-even; NaN maps to a quiet NaN. */
  public static short floatToBf16(float f) {
    int x = Float.floatToRawIntBits(f);
    if ((x & 0x7fffffff) > 0x7f800000) {
      return (short) ((x >>> 16) | 0x0040);
    }
    int lsb = (x >>> 16) & 1;
    return (short) ((x + 0x7fff + lsb) >>> 16);
  }

  /** IEEE binary16 bits to float (exact). */
  public static float f16ToFloat(short bits) {
    int h = bits & 0xffff;
    int sign = (h & 0x8000) << 16;
    int exp = (h >>> 10) & 0x1f;
    int mant = h & 0x3ff;
    if (exp == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    }
    if (exp == 0) {
      float v = mant * 0x1p-24f;
      return sign != 0 ? -v : v;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }

  /** float to IEEE binary16 bits, round-to-nearest-even; overflow gives infinity. */
  public static short floatToF16(float f) {
    int x = Float.floatToRawIntBits(f);
    int sign = (x >>> 16) & 0x8000;
    int abs = x & 0x7fffffff;
    if (abs > 0x7f800000) {
      return (short) (sign | 0x7e00 | ((abs >>> 13) & 0x3ff));
    }
    if (abs >= 0x477ff000) { // >= 65520 rounds to infinity
      return (short) (sign | 0x7c00);
    }
    if (abs < 0x38800000) { // below the smallest normal half: subnormal or zero
      float a = Float.intBitsToFloat(abs);
      int m = Math.round(a * 0x1p24f); // Math.round ties up; fix ties to even below
      float exact = a * 0x1p24f;
      if (exact - (float) Math.floor(exact) == 0.5f && (m & 1) == 1) {
        m -= 1;
      }
      return (short) (sign | m);
    }
    int e = ((abs >>> 23) - 112) << 10;
    int mant = abs & 0x7fffff;
    int h = e | (mant >>> 13);
    int rest = mant & 0x1fff;
    if (rest > 0x1000 || (rest == 0x1000 && (h & 1) == 1)) {
      h += 1;
    }
    return (short) (sign | h);
  }
}
