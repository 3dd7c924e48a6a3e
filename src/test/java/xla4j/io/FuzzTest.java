package xla4j.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.Mutator;
import xla4j.array.DType;
import xla4j.array.HostBuffer;
import xla4j.array.NdArray;

/**
 * Seeded mutation fuzzing of the checkpoint readers ({@link Checkpoint#open} of {@code .npy}, {@code .npz} with
 * stored and with deflated members, {@code .safetensors}). Each case writes tiny tensors of known content with the
 * library's writer, mutates the file once ({@link Mutator}: bit flips, interesting bytes, truncation, appended
 * junk, duplicated or deleted chunks, integer fields and header numbers/strings edited), opens it and reads every
 * tensor through two of {@link TensorEntry#load}, {@link TensorEntry#readInto(HostBuffer, long)} and
 * {@link TensorEntry#openData}, plus a random {@link TensorEntry#readBox}, in random order (so a partial read of a
 * deflated member may come first).
 *
 * <p>The oracle, per case: the reader throws a {@link CheckpointException} (it names the file) with a message, or
 * it returns tensors whose names, types, shapes and bytes are
 * <ul>
 *   <li>{@code .npz}: exactly the known content (the CRC-32 of every member and the zip's structure must catch
 *       every other change), every read path agreeing;
 *   <li>{@code .npy} and {@code .safetensors}, which have no checksum (a flipped data bit is a valid file, and NumPy
 *       and the Rust reader load it too): what an independent decoding of the mutated bytes in this test says
 *       (a regex reading of the {@code .npy} dict; Gson's lenient parser for the safetensors header), and nothing
 *       is returned that that decoding refuses.
 * </ul>
 * Any other exception (NullPointerException, IndexOutOfBounds, NegativeArraySize, OutOfMemoryError, Arithmetic,
 * a plain IOException without the file's name), any other result, or a batch over its time limit fails the test,
 * naming the seed and the case; {@code -Dxla4j.fuzz.case=npz-deflated:123} replays one case and prints it.
 *
 * <p>Last run (seed 20240611, 8,000 cases, 2.3 s on 2 busy cores, files in /dev/shm), all refusals
 * CheckpointExceptions naming the file (the cause, where one is attached, in brackets):
 * <pre>
 *   npy           2000: refused 1577 (1489 IOException, 88 none); returned what the mutated bytes say 423
 *   npz stored    2000: refused 1652 (321 IOException, 1331 none); returned the known content 348
 *   npz deflated  2000: refused 1525 (141 IOException, 77 ZipException, 7 EOFException, 1300 none);
 *                       returned the known content 475
 *   safetensors   2000: refused 1854 (540 MalformedJson, 295 MalformedInput, 157 NullPointer (a field missing
 *                       from an entry; since then named: "header entry lacks \"dtype\""), 59 EOF, 3 Arithmetic, 800 none);
 *                       returned what the mutated bytes say 146
 * </pre>
 * Found and fixed on the way: control characters taken for whitespace and "(1, ,)" read as (1,) in .npy headers;
 * an appended second end record that made an .npz load as empty.
 */
class FuzzTest {
  static final long SEED = Long.getLong("xla4j.fuzz.seed", 20240611L);
  static final String ONLY = System.getProperty("xla4j.fuzz.case");

  enum Format {
    NPY("npy", 2000, "t.npy"),
    NPZ_STORED("npz-stored", 2000, "c.npz"),
    NPZ_DEFLATED("npz-deflated", 2000, "c.npz"),
    SAFETENSORS("safetensors", 2000, "c.safetensors");

    final String id;
    final int cases;
    final String fileName;

    Format(String id, int cases, String fileName) {
      this.id = id;
      this.cases = cases;
      this.fileName = fileName;
    }
  }

  static final DType[] DTYPES = {DType.F32, DType.S32, DType.U8, DType.PRED, DType.F64, DType.S16, DType.BF16,
      DType.F16, DType.S64, DType.S8, DType.U16, DType.U32, DType.U64};
  static final int BASES = 16;

  @TempDir
  Path tempDir;
  /** Where the mutated files go: a folder in /dev/shm where there is one (writes there are ~10x faster), else tempDir. */
  Path dir;

  /** One tensor as the test knows it: type, shape, little-endian bytes (PRED as 0/1). */
  record T(DType dtype, long[] shape, byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof T t && t.dtype == dtype && Arrays.equals(t.shape, shape) && Arrays.equals(t.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return dtype.hashCode();
    }

    @Override
    public String toString() {
      return dtype.xlaName() + Arrays.toString(shape) + " " + java.util.HexFormat.of().formatHex(bytes);
    }
  }

  static final class Stats {
    final Map<String, Map<String, Integer>> byFormat = new LinkedHashMap<>();
    final List<String> failures = new ArrayList<>();
    final Map<String, String> samples = new TreeMap<>();

    void count(Format f, String what) {
      byFormat.computeIfAbsent(f.id, k -> new TreeMap<>()).merge(what, 1, Integer::sum);
    }

    void fail(Format f, int index, Mutator.Mutation m, String what) {
      if (failures.size() < 40) {
        failures.add(f.id + ":" + index + " (seed " + SEED + ", " + m.what() + "): " + what);
      }
    }
  }

  private volatile String current = "";

  @Test
  void mutatedCheckpointsAreRefusedOrReadExactly() throws Exception {
    Stats stats = new Stats();
    long t0 = System.nanoTime();
    Path shm = Path.of("/dev/shm");
    dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "xla4j-fuzz") : tempDir;
    try {
      for (Format f : Format.values()) {
        long t = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> fuzz(f, stats),
            () -> "fuzz batch " + f.id + " hung (over 60 s) at case " + current);
        stats.count(f, "ms " + (System.nanoTime() - t) / 1_000_000);
      }
    } finally {
      if (!dir.equals(tempDir)) {
        try (var files = Files.list(dir)) {
          for (Path p : (Iterable<Path>) files::iterator) {
            Files.delete(p);
          }
        }
        Files.delete(dir);
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    StringBuilder report = new StringBuilder("checkpoint fuzz, seed " + SEED + ", " + ms + " ms:\n");
    stats.byFormat.forEach((k, v) -> report.append("  ").append(k).append(' ').append(v).append('\n'));
    if (Boolean.getBoolean("xla4j.fuzz.samples")) {
      stats.samples.forEach((k, v) -> report.append("  e.g. ").append(k).append(": ").append(v).append('\n'));
    }
    System.out.print(report);
    assertTrue(stats.failures.isEmpty(), report + String.join("\n", stats.failures));
  }

  private void fuzz(Format f, Stats stats) throws IOException {
    List<Map<String, T>> contents = new ArrayList<>();
    List<byte[]> bases = new ArrayList<>();
    SplittableRandom base = new SplittableRandom(SEED * 31 + f.ordinal());
    for (int b = 0; b < BASES; b++) {
      Map<String, T> content = content(base, f == Format.NPY ? 1 : 1 + base.nextInt(3));
      contents.add(content);
      bases.add(write(f, content));
    }
    Path file = dir.resolve(f.fileName);
    for (int i = 0; i < f.cases; i++) {
      if (ONLY != null && !ONLY.equals(f.id + ":" + i)) {
        continue;
      }
      current = f.id + ":" + i;
      SplittableRandom r = new SplittableRandom(SEED ^ (0x9E3779B97F4A7C15L * (f.ordinal() + 1)) ^ (i * 0xBF58476D1CE4E5B9L));
      int which = i % BASES;
      byte[] original = bases.get(which);
      int[] hot = hot(f, original, r);
      Mutator.Mutation m = Mutator.mutate(original, r, hot[0], hot[1]);
      Files.write(file, m.bytes());
      Map<String, T> known = contents.get(which);
      Map<String, T> got;
      try {
        got = read(file, r);
      } catch (CheckpointException e) {
        if (e.getMessage() == null || e.getMessage().isBlank() || !e.getMessage().contains(file.toString())) {
          stats.fail(f, i, m, "CheckpointException without a message naming the file: " + e.getMessage());
        }
        stats.count(f, "refused: " + kind(e));
        stats.samples.putIfAbsent(f.id + " " + kind(e), e.getMessage());
        if (ONLY != null) {
          System.out.println(current + " " + m.what() + ": " + e);
        }
        continue;
      } catch (Throwable e) {
        stats.count(f, "BAD " + e.getClass().getSimpleName());
        stats.fail(f, i, m, "escaped " + e + "\n    at " + stackTop(e));
        continue;
      }
      if (ONLY != null) {
        System.out.println(new String(m.bytes(), 0, Math.min(m.bytes().length, 200), StandardCharsets.ISO_8859_1));
        System.out.println(current + " " + m.what() + ": read " + got + "\n  known " + known);
      }
      if (got.equals(known)) {
        stats.count(f, "returned the known content");
        continue;
      }
      if (f == Format.NPZ_STORED || f == Format.NPZ_DEFLATED) {
        stats.count(f, "BAD returned other content");
        stats.fail(f, i, m, "returned " + got + " instead of " + known);
        continue;
      }
      Map<String, T> reference = f == Format.NPY ? referenceNpy(m.bytes(), "t") : referenceSafetensors(m.bytes());
      if (got.equals(reference)) {
        stats.count(f, "returned what the mutated bytes say (no checksum in this format)");
      } else {
        stats.count(f, "BAD returned other content");
        stats.fail(f, i, m, "returned " + got + "; the independent decoding says " + reference);
      }
    }
  }

  private static String kind(CheckpointException e) {
    Throwable c = e.getCause();
    return "CheckpointException" + (c == null ? "" : " (cause " + c.getClass().getSimpleName() + ")");
  }

  private static String stackTop(Throwable e) {
    StringBuilder sb = new StringBuilder();
    StackTraceElement[] st = e.getStackTrace();
    for (int k = 0; k < Math.min(6, st.length); k++) {
      sb.append(st[k]).append(" <- ");
    }
    return sb.toString();
  }

  /** Where mutations concentrate half of the time: the header (npy, safetensors) or a zip record. */
  private static int[] hot(Format f, byte[] b, SplittableRandom r) {
    switch (f) {
      case NPY:
        return new int[] {0, 10 + (b[8] & 0xff | (b[9] & 0xff) << 8)};
      case SAFETENSORS:
        return new int[] {0, (int) Math.min(b.length, 8 + ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(0))};
      default: {
        List<Integer> records = new ArrayList<>();
        for (int i = 0; i + 4 <= b.length; i++) {
          if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] < 8 && b[i + 3] < 8) {
            records.add(i);
          }
        }
        int at = records.get(r.nextInt(records.size()));
        return new int[] {at, Math.min(b.length, at + 30 + 128)};
      }
    }
  }

  // ---- known content and the library's writers ----

  static Map<String, T> content(SplittableRandom r, int count) {
    Map<String, T> out = new LinkedHashMap<>();
    for (int k = 0; k < count; k++) {
      DType t = DTYPES[r.nextInt(DTYPES.length)];
      long[] shape = new long[r.nextInt(4)];
      for (int d = 0; d < shape.length; d++) {
        shape[d] = r.nextInt(12) == 0 ? 0 : 1 + r.nextInt(4);
      }
      byte[] bytes = new byte[(int) (NdArray.numElements(shape) * t.byteSize())];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) (t == DType.PRED ? r.nextInt(2) : r.nextInt(256));
      }
      String key = r.nextBoolean() ? "p" + k : "enc/layer_" + k + "/" + (r.nextBoolean() ? "kernel" : "scale");
      out.put(key, new T(t, shape, bytes));
    }
    return out;
  }

  private byte[] write(Format f, Map<String, T> content) throws IOException {
    Map<String, NdArray> arrays = new LinkedHashMap<>();
    content.forEach((k, v) -> arrays.put(k, NdArray.fromBytes(v.dtype, v.shape, ByteBuffer.wrap(v.bytes))));
    Path p = dir.resolve("base-" + f.fileName);
    switch (f) {
      case NPY:
        Npy.write(p, arrays.values().iterator().next());
        break;
      case NPZ_STORED:
        Npz.write(p, arrays);
        break;
      case NPZ_DEFLATED:
        Npz.writeCompressed(p, arrays);
        break;
      default:
        Safetensors.write(p, arrays);
    }
    byte[] b = Files.readAllBytes(p);
    Files.delete(p);
    return b;
  }

  // ---- the reads under test ----

  /** Opens the file and reads every tensor by two whole-tensor paths and one box, in random order. */
  private static Map<String, T> read(Path file, SplittableRandom r) throws IOException {
    Map<String, T> out = new LinkedHashMap<>();
    try (Checkpoint c = Checkpoint.open(file)) {
      for (TensorEntry e : c.entries().values()) {
        long[] shape = e.shape();
        long[] start = new long[shape.length];
        long[] size = new long[shape.length];
        for (int d = 0; d < shape.length; d++) {
          start[d] = r.nextInt((int) shape[d] + 1);
          size[d] = r.nextInt((int) (shape[d] - start[d]) + 1);
        }
        int first = r.nextInt(3);
        int second = (first + 1 + r.nextInt(2)) % 3;
        boolean boxFirst = r.nextBoolean();
        byte[] box = boxFirst ? readBox(e, start, size) : null;
        byte[] a = readWhole(e, first);
        byte[] b = readWhole(e, second);
        if (!boxFirst) {
          box = readBox(e, start, size);
        }
        if (!Arrays.equals(a, b)) {
          throw new AssertionError("read paths " + first + " and " + second + " of '" + e.name() + "' disagree");
        }
        byte[] want = subBox(a, shape, e.dtype().byteSize(), start, size);
        if (!Arrays.equals(box, want)) {
          throw new AssertionError("readBox " + Arrays.toString(start) + "+" + Arrays.toString(size) + " of '"
              + e.name() + "' disagrees with the whole tensor");
        }
        out.put(e.name(), new T(e.dtype(), shape, a));
      }
    }
    return out;
  }

  private static byte[] readWhole(TensorEntry e, int path) throws IOException {
    switch (path) {
      case 0: {
        ByteBuffer d = e.load().data();
        byte[] b = new byte[d.remaining()];
        d.get(b);
        return b;
      }
      case 1: {
        int n = (int) e.byteSize();
        try (HostBuffer h = HostBuffer.allocate(n + 24)) {
          e.readInto(h, 24);
          byte[] b = new byte[n];
          h.window(24, n).get(b);
          return b;
        }
      }
      default:
        try (InputStream in = e.openData()) {
          byte[] b = in.readAllBytes();
          if (b.length != e.byteSize()) {
            throw new AssertionError("openData of '" + e.name() + "' gave " + b.length + " bytes, byteSize() is "
                + e.byteSize());
          }
          return b;
        }
    }
  }

  private static byte[] readBox(TensorEntry e, long[] start, long[] size) throws IOException {
    int n = (int) (NdArray.numElements(size) * e.dtype().byteSize());
    try (HostBuffer h = HostBuffer.allocate(n + 8)) {
      e.readBox(start, size, h, 8);
      byte[] b = new byte[n];
      h.window(8, n).get(b);
      return b;
    }
  }

  /** The row-major box of a dense tensor, element by element. */
  static byte[] subBox(byte[] all, long[] shape, int width, long[] start, long[] size) {
    int n = (int) NdArray.numElements(size);
    byte[] out = new byte[n * width];
    long[] idx = new long[shape.length];
    for (int k = 0; k < n; k++) {
      long rem = k;
      long flat = 0;
      for (int d = shape.length - 1; d >= 0; d--) {
        idx[d] = start[d] + rem % size[d];
        rem /= size[d];
      }
      for (int d = 0; d < shape.length; d++) {
        flat = flat * shape[d] + idx[d];
      }
      System.arraycopy(all, (int) flat * width, out, k * width, width);
    }
    return out;
  }

  // ---- independent decodings of the mutated bytes (formats without a checksum) ----

  /** Python's whitespace between tokens. */
  private static final String SP = "[ \\t\\f\\r\\n]*";
  private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]" + SP + ":" + SP + "['\"]([^'\"]*)['\"]");
  private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]" + SP + ":" + SP + "(True|False)");
  private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]" + SP + ":" + SP + "\\(([^)]*)\\)");
  private static final Pattern DIM = Pattern.compile("[+-]?(0+|[1-9][0-9]*)L?");

  /** NumPy's format read with regexes: the last descr, fortran_order and shape; null if anything is off. */
  static Map<String, T> referenceNpy(byte[] b, String key) {
    byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    if (b.length < 10 || !Arrays.equals(Arrays.copyOf(b, 6), magic) || b[6] < 1 || b[6] > 3) {
      return null;
    }
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    long hl = b[6] == 1 ? bb.getShort(8) & 0xffff : bb.getInt(8) & 0xffffffffL;
    int at = b[6] == 1 ? 10 : 12;
    if (at + hl > b.length) {
      return null;
    }
    String header = new String(b, at, (int) hl, b[6] == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = last(DESCR, header);
    String fortran = last(FORTRAN, header);
    String shapeText = last(SHAPE, header);
    if (descr == null || !"False".equals(fortran) || shapeText == null) {
      return null;
    }
    List<Long> dims = new ArrayList<>();
    String[] parts = shapeText.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].replaceAll("^" + SP + "|" + SP + "$", "");
      if (p.isEmpty() && (i == parts.length - 1 || parts.length == 1)) {
        continue;
      }
      if (!DIM.matcher(p).matches() || p.length() > 19) {
        return null;
      }
      long d = Long.parseLong(p.replace("+", "").replace("L", ""));
      if (d < 0) {
        return null;
      }
      dims.add(d);
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    boolean big = descr.startsWith(">");
    DType t;
    if (descr.equals("<V2") || descr.equals("bfloat16")) {
      t = DType.BF16;
      big = false;
    } else {
      String code = descr.length() == 3 && "<>|=".indexOf(descr.charAt(0)) >= 0 ? descr.substring(1) : descr;
      String[] codes = {"b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8"};
      DType[] types = {DType.PRED, DType.S8, DType.S16, DType.S32, DType.S64, DType.U8, DType.U16, DType.U32,
          DType.U64, DType.F16, DType.F32, DType.F64};
      int k = Arrays.asList(codes).indexOf(code);
      if (k < 0) {
        return null;
      }
      t = types[k];
    }
    java.math.BigInteger count = java.math.BigInteger.ONE;
    for (long d : shape) {
      count = count.multiply(java.math.BigInteger.valueOf(d));
    }
    if (count.compareTo(java.math.BigInteger.valueOf(b.length)) > 0) {
      return null;
    }
    long n = count.longValueExact() * t.byteSize();
    if (at + hl + n > b.length) {
      return null;
    }
    byte[] data = Arrays.copyOfRange(b, (int) (at + hl), (int) (at + hl + n));
    normalise(data, t, big);
    return Map.of(key, new T(t, shape, data));
  }

  private static String last(Pattern p, String s) {
    Matcher m = p.matcher(s);
    String v = null;
    while (m.find()) {
      v = m.group(1);
    }
    return v;
  }

  /** The header read by Gson's lenient parser; the data by the offsets it gives. Null if anything is off. */
  static Map<String, T> referenceSafetensors(byte[] b) {
    try {
      long n = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
      if (n < 0 || 8 + n > b.length) {
        return null;
      }
      JsonObject o = JsonParser.parseString(new String(b, 8, (int) n, StandardCharsets.UTF_8)).getAsJsonObject();
      Map<String, T> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> kv : o.entrySet()) {
        if (kv.getKey().equals("__metadata__")) {
          continue;
        }
        JsonObject e = kv.getValue().getAsJsonObject();
        DType t = null;
        for (DType d : DTYPES) {
          if (Safetensors.formatName(d).equals(e.get("dtype").getAsString())) {
            t = d;
          }
        }
        JsonArray s = e.getAsJsonArray("shape");
        long[] shape = new long[s.size()];
        for (int i = 0; i < shape.length; i++) {
          shape[i] = s.get(i).getAsBigDecimal().longValueExact();
        }
        JsonArray off = e.getAsJsonArray("data_offsets");
        long begin = off.get(0).getAsBigDecimal().longValueExact();
        long end = off.get(1).getAsBigDecimal().longValueExact();
        if (t == null || begin < 0 || end < begin || 8 + n + end > b.length) {
          return null;
        }
        byte[] data = Arrays.copyOfRange(b, (int) (8 + n + begin), (int) (8 + n + end));
        normalise(data, t, false);
        out.put(kv.getKey(), new T(t, shape, data));
      }
      return out;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void normalise(byte[] data, DType t, boolean bigEndian) {
    int w = t.byteSize();
    if (bigEndian && w > 1) {
      for (int i = 0; i + w <= data.length; i += w) {
        for (int a = i, z = i + w - 1; a < z; a++, z--) {
          byte x = data[a];
          data[a] = data[z];
          data[z] = x;
        }
      }
    }
    if (t == DType.PRED) {
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) (data[i] != 0 ? 1 : 0);
      }
    }
  }
}
