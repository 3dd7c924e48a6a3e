package xla4j.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xla4j.array.DType;
import xla4j.array.NdArray;

/**
 * The {@code .safetensors} format (Hugging Face): an 8-byte little-endian header length {@code N}, {@code N}
 * bytes of JSON mapping each tensor name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (offsets
 * into the data that follows the header) plus an optional {@code "__metadata__"} string map, then the
 * little-endian, row-major data.
 *
 * <p>Element types: {@code F64 F32 F16 BF16 I64 I32 I16 I8 U64 U32 U16 U8 BOOL}. {@link #open} reads and
 * checks the header only, as the reference reader does: valid UTF-8 and strict JSON (a key given twice is an
 * error), every tensor's byte count against its shape, and the tensors' ranges (in any header order) tiling the
 * data exactly, without overlaps, gaps or bytes beyond the file. A tensor's data is read by position, whole or
 * a box of it ({@link TensorEntry#readBox}).
 *
 * <p>Errors are {@link CheckpointException}s naming the file and the key.
 *
 * <p>Thread-safe for reading, as every {@link Checkpoint}: entries may be read from several threads at once.
 */
public final class Safetensors implements Checkpoint {
  private static final String METADATA = "__metadata__";
  /** The reference implementation refuses headers over 100 MB; so do we (a corrupt length is caught early). */
  private static final long MAX_HEADER = 100_000_000L;

  private final Path file;
  private final FileChannel channel;
  private final Map<String, TensorEntry> entries;
  private final Map<String, String> metadata;

  private Safetensors(Path file, FileChannel channel, Map<String, TensorEntry> entries, Map<String, String> metadata) {
    this.file = file;
    this.channel = channel;
    this.entries = Collections.unmodifiableMap(entries);
    this.metadata = Collections.unmodifiableMap(metadata);
  }

  /** The format's name of a dtype ({@code F32}, {@code BF16}, {@code I64}, {@code BOOL}, ...). */
  public static String formatName(DType t) {
    switch (t) {
      case PRED: return "BOOL";
      case S8: return "I8";
      case S16: return "I16";
      case S32: return "I32";
      case S64: return "I64";
      case U8: return "U8";
      case U16: return "U16";
      case U32: return "U32";
      case U64: return "U64";
      case F16: return "F16";
      case BF16: return "BF16";
      case F32: return "F32";
      case F64: return "F64";
      default: throw new AssertionError(t);
    }
  }

  private static DType dtypeOf(String name) {
    for (DType t : DType.values()) {
      if (formatName(t).equals(name)) {
        return t;
      }
    }
    return null;
  }

  /** Opens a file and reads its header (names, dtypes, shapes, offsets), not its data. */
  public static Safetensors open(Path file) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      long fileSize = ch.size();
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, len, 0);
      if (len.position() < 8) {
        throw new CheckpointException(file, null, "truncated: " + fileSize + " bytes, too short for the 8-byte header length");
      }
      byte[] first = Arrays.copyOf(len.array(), 8);
      String hint = first[0] == 'P' && first[1] == 'K' ? " (it starts like a zip / .npz archive)"
          : first[0] == (byte) 0x93 && first[1] == 'N' ? " (it starts like a .npy array)" : "";
      long n = len.getLong(0);
      if (n < 2 || n > MAX_HEADER) {
        throw new CheckpointException(file, null, "bad magic: header length " + Long.toUnsignedString(n)
            + " is not plausible, not a .safetensors file" + hint);
      }
      if (n > fileSize - 8) {
        throw new CheckpointException(file, null, "truncated: header length is " + n + " bytes but only "
            + (fileSize - 8) + " bytes follow it");
      }
      ByteBuffer headerBytes = ByteBuffer.allocate((int) n);
      readFully(ch, headerBytes, 8);
      if (headerBytes.get(0) != '{') {
        throw new CheckpointException(file, null, "bad magic: the header does not start with '{', not a "
            + ".safetensors file" + hint);
      }
      String json;
      try {
        json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(headerBytes.flip()).toString();
      } catch (CharacterCodingException e) {
        int length = e instanceof MalformedInputException ? ((MalformedInputException) e).getInputLength() : 1;
        throw new CheckpointException(file, null, "header is not valid UTF-8: " + length + " malformed byte(s) at "
            + "header byte " + headerBytes.position() + " (tensor names must be UTF-8)", e);
      }
      JsonObject header = Checkpoints.parseJsonObject(file, json, "header", 1);
      long dataStart = 8 + n;
      long dataSize = fileSize - dataStart;
      Map<String, String> metadata = new LinkedHashMap<>();
      Map<String, TensorEntry> entries = new LinkedHashMap<>();
      Map<String, long[]> ranges = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> kv : header.entrySet()) {
        String key = kv.getKey();
        if (key.equals(METADATA)) {
          if (!kv.getValue().isJsonObject()) {
            throw new CheckpointException(file, key, "must be a JSON object of strings, got " + kv.getValue());
          }
          for (Map.Entry<String, JsonElement> m : kv.getValue().getAsJsonObject().entrySet()) {
            JsonElement v = m.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
              throw new CheckpointException(file, key, "value of '" + m.getKey() + "' must be a string, got " + v);
            }
            metadata.put(m.getKey(), v.getAsString());
          }
          continue;
        }
        entries.put(key, entry(file, ch, key, kv.getValue(), dataStart, dataSize, ranges));
      }
      checkTiling(file, ranges, dataSize);
      return new Safetensors(file, ch, entries, metadata);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** As the reference reader: the tensors' byte ranges tile the data exactly, without overlaps or gaps. */
  private static void checkTiling(Path file, Map<String, long[]> ranges, long dataSize) throws CheckpointException {
    List<Map.Entry<String, long[]>> sorted = new ArrayList<>(ranges.entrySet());
    sorted.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(a.getValue()[0], b.getValue()[0])
        : Long.compare(a.getValue()[1], b.getValue()[1]));
    long expected = 0;
    String previous = null;
    for (Map.Entry<String, long[]> r : sorted) {
      long begin = r.getValue()[0];
      if (begin < expected) {
        throw new CheckpointException(file, r.getKey(), "data_offsets [" + begin + ", " + r.getValue()[1]
            + "] overlap those of '" + previous + "'");
      }
      if (begin > expected) {
        throw new CheckpointException(file, r.getKey(), "data_offsets start at " + begin + ", leaving "
            + (begin - expected) + " bytes unused before them");
      }
      expected = r.getValue()[1];
      previous = r.getKey();
    }
    if (expected != dataSize) {
      throw new CheckpointException(file, null, (dataSize - expected) + " bytes after the last tensor's data "
          + "(the header describes " + expected + " of " + dataSize + " data bytes)");
    }
  }

  private static TensorEntry entry(Path file, FileChannel ch, String key, JsonElement value, long dataStart,
      long dataSize, Map<String, long[]> ranges) throws CheckpointException {
    DType dtype;
    long[] shape;
    long begin;
    long end;
    if (!value.isJsonObject()) {
      throw new CheckpointException(file, key, "header entry must be an object {\"dtype\", \"shape\", "
          + "\"data_offsets\"}, got " + abbreviate(value));
    }
    JsonObject o = value.getAsJsonObject();
    JsonElement dtField = field(file, key, o, "dtype");
    if (!dtField.isJsonPrimitive() || !dtField.getAsJsonPrimitive().isString()) {
      throw new CheckpointException(file, key, "dtype must be a string, got " + abbreviate(dtField));
    }
    String dt = dtField.getAsString();
    dtype = dtypeOf(dt);
    if (dtype == null) {
      throw new CheckpointException(file, key, "unsupported dtype '" + dt + "' (supported: F64, F32, F16, BF16, "
          + "I64, I32, I16, I8, U64, U32, U16, U8, BOOL)");
    }
    JsonArray s = array(file, key, o, "shape");
    shape = new long[s.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = exactLong(file, key, "shape", s.get(i));
      if (shape[i] < 0) {
        throw new CheckpointException(file, key, "negative dimension in shape " + s);
      }
    }
    JsonArray off = array(file, key, o, "data_offsets");
    if (off.size() != 2) {
      throw new CheckpointException(file, key, "data_offsets must be [begin, end], got " + off);
    }
    begin = exactLong(file, key, "data_offsets", off.get(0));
    end = exactLong(file, key, "data_offsets", off.get(1));
    long need;
    try {
      need = Math.multiplyExact(NdArray.numElements(shape), dtype.byteSize());
    } catch (ArithmeticException e) {
      throw new CheckpointException(file, key, "shape " + Checkpoints.shapeString(shape) + " of " + formatName(dtype)
          + " is too large: its byte count overflows a long", e);
    }
    if (begin < 0 || end < begin) {
      throw new CheckpointException(file, key, "data_offsets [" + begin + ", " + end + "] must satisfy 0 <= begin "
          + "<= end");
    }
    if (end - begin != need) {
      throw new CheckpointException(file, key, "shape " + Checkpoints.shapeString(shape) + " of "
          + formatName(dtype) + " needs " + need + " bytes, but data_offsets [" + begin + ", " + end + "] hold "
          + (end - begin));
    }
    if (end > dataSize) {
      throw new CheckpointException(file, key, "truncated: data_offsets end at " + end + " but the file holds only "
          + dataSize + " data bytes");
    }
    ranges.put(key, new long[] {begin, end});
    return new TensorEntry(key, dtype, shape, false, new TensorData.FileRange(file, key, ch, dataStart + begin, need));
  }

  /**
   * A JSON integer; an {@link ArithmeticException} for 2.5 or 1e30, which Gson's {@code getAsLong} would
   * silently truncate or wrap.
   */
  private static JsonElement field(Path file, String key, JsonObject o, String name) throws CheckpointException {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      throw new CheckpointException(file, key, "header entry lacks \"" + name + "\" (it has " + o.keySet() + ")");
    }
    return e;
  }

  private static JsonArray array(Path file, String key, JsonObject o, String name) throws CheckpointException {
    JsonElement e = field(file, key, o, name);
    if (!e.isJsonArray()) {
      throw new CheckpointException(file, key, name + " must be an array, got " + abbreviate(e));
    }
    return e.getAsJsonArray();
  }

  /** A JSON number that is a whole number fitting a long, or an error naming the field. */
  private static long exactLong(Path file, String key, String field, JsonElement e) throws CheckpointException {
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      try {
        return new java.math.BigDecimal(e.getAsString()).longValueExact();
      } catch (ArithmeticException | NumberFormatException x) {
        // below
      }
    }
    throw new CheckpointException(file, key, field + " must hold whole numbers below 2^63, got " + abbreviate(e));
  }

  private static String abbreviate(JsonElement e) {
    String t = String.valueOf(e);
    return t.length() <= 60 ? t : t.substring(0, 57) + "...";
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
    long p = position;
    while (b.hasRemaining()) {
      int n = ch.read(b, p);
      if (n < 0) {
        return;
      }
      p += n;
    }
  }

  @Override
  public Path file() {
    return file;
  }

  /** Every tensor, in header order, by name. */
  @Override
  public Map<String, TensorEntry> entries() {
    return entries;
  }

  /** The file's {@code __metadata__} (empty if it has none). */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** Reads a whole file. */
  public static Map<String, NdArray> read(Path file) throws IOException {
    try (Safetensors st = open(file)) {
      return st.readAll();
    }
  }

  /** Writes {@code tensors} as a {@code .safetensors} file, in map order, without metadata. */
  public static void write(Path file, Map<String, NdArray> tensors) throws IOException {
    write(file, tensors, Map.of());
  }

  /**
   * Writes tensors in the given order, contiguously, with {@code metadata} as {@code __metadata__} when it
   * is not empty. The header is padded with spaces so the data starts at a multiple of 8 bytes, as the
   * reference writer does. Written to a temporary file and moved into place.
   */
  public static void write(Path file, Map<String, NdArray> tensors, Map<String, String> metadata) throws IOException {
    JsonObject header = new JsonObject();
    if (!metadata.isEmpty()) {
      JsonObject m = new JsonObject();
      metadata.forEach(m::addProperty);
      header.add(METADATA, m);
    }
    long offset = 0;
    List<NdArray> order = new ArrayList<>();
    for (Map.Entry<String, NdArray> t : tensors.entrySet()) {
      if (t.getKey().isEmpty() || t.getKey().equals(METADATA)) {
        throw new IllegalArgumentException("safetensors tensor names must be non-empty and not '" + METADATA
            + "', got '" + t.getKey() + "'");
      }
      NdArray a = t.getValue();
      JsonObject o = new JsonObject();
      o.addProperty("dtype", formatName(a.dtype()));
      JsonArray shape = new JsonArray();
      for (long d : a.shape()) {
        shape.add(d);
      }
      o.add("shape", shape);
      JsonArray off = new JsonArray();
      off.add(offset);
      off.add(offset + a.byteSize());
      o.add("data_offsets", off);
      header.add(t.getKey(), o);
      offset += a.byteSize();
      order.add(a);
    }
    StringBuilder json = new StringBuilder(header.toString());
    while (json.toString().getBytes(StandardCharsets.UTF_8).length % 8 != 0) {
      json.append(' ');
    }
    byte[] headerBytes = json.toString().getBytes(StandardCharsets.UTF_8);
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerBytes.length).array());
        out.write(headerBytes);
        byte[] chunk = new byte[1 << 16];
        for (NdArray a : order) {
          ByteBuffer d = a.data();
          while (d.hasRemaining()) {
            int k = Math.min(chunk.length, d.remaining());
            d.get(chunk, 0, k);
            out.write(chunk, 0, k);
          }
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  @Override
  public String toString() {
    return "Safetensors(" + file + ", " + entries.size() + " tensors)";
  }
}
