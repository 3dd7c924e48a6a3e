package xla4j.pjrt;

import static xla4j.pjrt.capi.global.PjrtC.*;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import xla4j.array.DType;
import xla4j.pjrt.capi.PJRT_Error;
import xla4j.pjrt.capi.PJRT_Error_Destroy_Args;
import xla4j.pjrt.capi.PJRT_Error_GetCode_Args;
import xla4j.pjrt.capi.PJRT_Error_Message_Args;
import xla4j.pjrt.capi.PJRT_NamedValue;

/** Small helpers over the generated bindings: errors, strings, named values, element types. */
final class CApi {
  private CApi() {}

  /** Throws a {@link PjrtException} for a non-null {@code error} (and frees it). */
  static void check(Api api, PJRT_Error error, String operation) {
    if (error == null || error.isNull()) {
      return;
    }
    String message;
    int code;
    PJRT_Error_Message_Args m = new PJRT_Error_Message_Args();
    PJRT_Error_GetCode_Args c = new PJRT_Error_GetCode_Args();
    PJRT_Error_Destroy_Args d = new PJRT_Error_Destroy_Args();
    try {
      m.struct_size(PJRT_Error_Message_Args_STRUCT_SIZE()).error(error);
      api.PJRT_Error_Message.call(m);
      message = string(m.message(), m.message_size());
      c.struct_size(PJRT_Error_GetCode_Args_STRUCT_SIZE()).error(error);
      PJRT_Error codeError = api.PJRT_Error_GetCode.call(c);
      d.struct_size(PJRT_Error_Destroy_Args_STRUCT_SIZE());
      if (codeError == null || codeError.isNull()) {
        code = c.code();
      } else {
        code = PJRT_Error_Code_UNKNOWN;
        api.PJRT_Error_Destroy.call(d.error(codeError)); // ours too, though we only learn that it failed
      }
      api.PJRT_Error_Destroy.call(d.error(error));
    } finally {
      m.close();
      c.close();
      d.close();
    }
    throw new PjrtException(operation, PjrtException.Code.of(code), message);
  }

  /** UTF-8 string of {@code size} bytes at {@code p} (not NUL-terminated in PJRT). */
  static String string(BytePointer p, long size) {
    if (p == null || p.isNull() || size == 0) {
      return "";
    }
    byte[] bytes = new byte[Math.toIntExact(size)];
    p.position(0).get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A NUL-terminated UTF-8 copy of {@code s}; its {@link #utf8Length} is the length without the NUL. */
  static BytePointer utf8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return new BytePointer(java.util.Arrays.copyOf(b, b.length + 1));
  }

  /** Length in bytes of a pointer made by {@link #utf8}. */
  static long utf8Length(BytePointer p) {
    return p.capacity() - 1;
  }

  /** Copies {@code size} bytes at {@code p} into a Java array. */
  static byte[] bytes(Pointer p, long size) {
    byte[] out = new byte[Math.toIntExact(size)];
    if (size > 0) {
      new BytePointer(p).position(0).capacity(size).get(out);
    }
    return out;
  }

  static long[] longs(LongPointer p, long offset, long count) {
    long[] out = new long[Math.toIntExact(count)];
    if (count > 0) {
      p.position(offset).get(out);
      p.position(0);
    }
    return out;
  }

  /** Reads a PJRT_NamedValue array into a map of String, Long, long[], Float or Boolean. */
  static Map<String, Object> namedValues(PJRT_NamedValue values, long count) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (long i = 0; i < count; i++) {
      PJRT_NamedValue v = values.getPointer(i);
      String name = string(v.name(), v.name_size());
      Object value;
      switch (v.type()) {
        case PJRT_NamedValue_kString:
          value = string(v.string_value(), v.value_size());
          break;
        case PJRT_NamedValue_kInt64:
          value = v.int64_value();
          break;
        case PJRT_NamedValue_kInt64List:
          value = longs(v.int64_array_value(), 0, v.value_size());
          break;
        case PJRT_NamedValue_kFloat:
          value = v.float_value();
          break;
        case PJRT_NamedValue_kBool:
          value = v.bool_value();
          break;
        default:
          value = "<named value type " + v.type() + ">";
      }
      out.put(name, value);
    }
    return out;
  }

  /**
   * Builds a PJRT_NamedValue array from a map of String, Integer/Long, long[], Float/Double or Boolean.
   * The returned pointers (array, names, strings) belong to the caller's PointerScope.
   */
  static PJRT_NamedValue toNamedValues(Map<String, ?> options) {
    PJRT_NamedValue out = new PJRT_NamedValue(Math.max(1, options.size()));
    out.zero();
    long i = 0;
    for (Map.Entry<String, ?> e : options.entrySet()) {
      PJRT_NamedValue v = out.getPointer(i++);
      BytePointer name = utf8(e.getKey());
      v.struct_size(PJRT_NamedValue_STRUCT_SIZE()).name(name).name_size(utf8Length(name));
      Object value = e.getValue();
      if (value instanceof String) {
        BytePointer s = utf8((String) value);
        v.type(PJRT_NamedValue_kString).string_value(s).value_size(utf8Length(s));
      } else if (value instanceof Integer || value instanceof Long) {
        v.type(PJRT_NamedValue_kInt64).int64_value(((Number) value).longValue()).value_size(1);
      } else if (value instanceof long[]) {
        long[] a = (long[]) value;
        v.type(PJRT_NamedValue_kInt64List).int64_array_value(new LongPointer(a)).value_size(a.length);
      } else if (value instanceof Float || value instanceof Double) {
        v.type(PJRT_NamedValue_kFloat).float_value(((Number) value).floatValue()).value_size(1);
      } else if (value instanceof Boolean) {
        v.type(PJRT_NamedValue_kBool).bool_value((Boolean) value).value_size(1);
      } else {
        throw new IllegalArgumentException("PJRT option '" + e.getKey() + "' must be a String, Integer, Long, "
            + "long[], Float, Double or Boolean, got " + (value == null ? "null" : value.getClass().getName()));
      }
    }
    return out;
  }

  /** DType to PJRT_Buffer_Type: the one mapping between the two. */
  static int bufferType(DType t) {
    switch (t) {
      case PRED: return PJRT_Buffer_Type_PRED;
      case S8: return PJRT_Buffer_Type_S8;
      case S16: return PJRT_Buffer_Type_S16;
      case S32: return PJRT_Buffer_Type_S32;
      case S64: return PJRT_Buffer_Type_S64;
      case U8: return PJRT_Buffer_Type_U8;
      case U16: return PJRT_Buffer_Type_U16;
      case U32: return PJRT_Buffer_Type_U32;
      case U64: return PJRT_Buffer_Type_U64;
      case F16: return PJRT_Buffer_Type_F16;
      case BF16: return PJRT_Buffer_Type_BF16;
      case F32: return PJRT_Buffer_Type_F32;
      case F64: return PJRT_Buffer_Type_F64;
      default: throw new AssertionError(t);
    }
  }

  /** PJRT_Buffer_Type to DType; throws for types xla4j has no host representation of. */
  static DType dtype(int bufferType) {
    for (DType t : DType.values()) {
      if (bufferType(t) == bufferType) {
        return t;
      }
    }
    throw new IllegalArgumentException("PJRT_Buffer_Type " + bufferType + " (" + bufferTypeName(bufferType)
        + ") has no xla4j DType (supported: " + java.util.Arrays.toString(DType.values()) + ")");
  }

  // PJRT_Buffer_Type's enumerators in order (pjrt_c_api.h), for messages about types xla4j lacks.
  private static final String[] BUFFER_TYPE_NAMES = {"INVALID", "PRED", "S8", "S16", "S32", "S64", "U8", "U16",
      "U32", "U64", "F16", "F32", "F64", "BF16", "C64", "C128", "F8E5M2", "F8E4M3FN", "F8E4M3B11FNUZ",
      "F8E5M2FNUZ", "F8E4M3FNUZ", "S4", "U4", "TOKEN", "S2", "U2", "F8E4M3", "F8E3M4", "F8E8M0FNU", "F4E2M1FN"};

  /** The enumerator's name without its prefix, e.g. "C64" for 14, or "unknown" past the known ones. */
  static String bufferTypeName(int bufferType) {
    return bufferType >= 0 && bufferType < BUFFER_TYPE_NAMES.length ? BUFFER_TYPE_NAMES[bufferType] : "unknown";
  }
}
