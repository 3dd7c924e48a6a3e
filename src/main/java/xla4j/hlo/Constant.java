package xla4j.hlo;

import java.nio.ByteBuffer;
import java.util.List;
import xla4j.array.DType;
import xla4j.array.HalfFloats;
import xla4j.array.NdArray;

/**
 * {@code stablehlo.constant} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#constant">constant</a>) holding an {@link NdArray}. Printed as a splat
 * ({@code dense<1.0> : tensor<2x3xf32>}) when all elements are equal, as nested lists for small arrays,
 * and as a little-endian hex blob ({@code dense<"0x...">}) for large ones.
 */
public record Constant(NdArray value, Value result) implements Operation {
  /** Arrays with more elements than this (and not pred) print as a hex blob. */
  public static final int MAX_DECIMAL_ELEMENTS = 64;

  public static Constant of(NdArray value) {
    Shapes.check(value != null, "constant requires a value, got null");
    return new Constant(value, Value.of(TensorType.of(value.dtype(), value.shape())));
  }

  @Override
  public String name() {
    return "stablehlo.constant";
  }

  @Override
  public List<Value> operands() {
    return List.of();
  }

  @Override
  public List<Value> results() {
    return List.of(result);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.append("stablehlo.constant ").append(denseLiteral(value)).append(" : ").append(result.type());
  }

  /** {@code dense<...>} text of an array. */
  public static String denseLiteral(NdArray a) {
    long n = a.size();
    if (n == 0) {
      return "dense<>";
    }
    if (isSplat(a)) {
      return "dense<" + element(a, 0) + ">";
    }
    if (n > MAX_DECIMAL_ELEMENTS && a.dtype() != DType.PRED) {
      ByteBuffer b = a.data();
      StringBuilder sb = new StringBuilder("dense<\"0x");
      while (b.hasRemaining()) {
        sb.append(String.format("%02X", b.get() & 0xff));
      }
      return sb.append("\">").toString();
    }
    StringBuilder sb = new StringBuilder("dense<");
    nested(sb, a, a.shape(), 0, 0);
    return sb.append('>').toString();
  }

  private static long nested(StringBuilder sb, NdArray a, long[] shape, int axis, long index) {
    if (axis == shape.length) {
      sb.append(element(a, index));
      return index + 1;
    }
    sb.append('[');
    for (long i = 0; i < shape[axis]; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      index = nested(sb, a, shape, axis + 1, index);
    }
    sb.append(']');
    return index;
  }

  private static boolean isSplat(NdArray a) {
    ByteBuffer b = a.data();
    int w = a.dtype().byteSize();
    for (int i = w; i < b.limit(); i++) {
      if (b.get(i) != b.get(i % w)) {
        return false;
      }
    }
    return true;
  }

  /** One element as an MLIR literal: integers in decimal, floats round-trippable or as hex bits. */
  static String element(NdArray a, long i) {
    DType t = a.dtype();
    int at = Math.toIntExact(i * t.byteSize());
    ByteBuffer b = a.data();
    switch (t) {
      case PRED: return b.get(at) != 0 ? "true" : "false";
      case U64: return Long.toUnsignedString(b.getLong(at));
      case F16: return half(HalfFloats.f16ToFloat(b.getShort(at)), b.getShort(at) & 0xffff, 4);
      case BF16: return half(HalfFloats.bf16ToFloat(b.getShort(at)), b.getShort(at) & 0xffff, 4);
      case F32: {
        float f = b.getFloat(at);
        return Float.isFinite(f) ? decimal(Float.toString(f)) : String.format("0x%08X", Float.floatToRawIntBits(f));
      }
      case F64: {
        double d = b.getDouble(at);
        return Double.isFinite(d) ? decimal(Double.toString(d)) : String.format("0x%016X", Double.doubleToRawLongBits(d));
      }
      default: return Long.toString(a.getLong(i));
    }
  }

  private static String half(float f, int bits, int hexDigits) {
    return Float.isFinite(f) ? decimal(Float.toString(f)) : String.format("0x%0" + hexDigits + "X", bits);
  }

  /** Java prints {@code 1.0E-5}; MLIR wants {@code 1.0E-5} or {@code 1.0e-05}: both parse, keep Java's. */
  private static String decimal(String s) {
    return s;
  }
}
