package xla4j.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xla4j.array.DType;
import xla4j.array.NdArray;

/**
 * NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0 read; 1.0 written, 2.0 when the header
 * needs it) to and from {@link NdArray}. C order only.
 *
 * <p>Element types ({@code descr}): {@code |b1} pred, {@code |i1 <i2 <i4 <i8} s8..s64, {@code |u1 <u2
 * <u4 <u8} u8..u64, {@code <f2 <f4 <f8} f16/f32/f64 (big-endian {@code >} forms are read too). NumPy has
 * no bfloat16: {@code np.save} writes an ml_dtypes (or {@code jnp}) bfloat16 array with descr {@code <V2},
 * the only 2-byte void with a byte order, so xla4j writes bf16 as {@code <V2} and reads {@code <V2} as bf16.
 * A plain NumPy 2-byte void ({@code |V2}: {@code np.void} or raw bytes) is not bf16 and is refused.
 * Without ml_dtypes such a file loads in NumPy as void bytes; view it with
 * {@code np.load(f).view(ml_dtypes.bfloat16)}.
 *
 * <p>Stateless and thread-safe; a {@code .npy} opened as a {@link Checkpoint} is thread-safe for reading.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  private Npy() {}

  /**
   * Reads the one array of a {@code .npy} file; throws an {@link IOException} naming the file if it is not a valid,
   * complete {@code .npy}.
   */
  public static NdArray read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads one array; {@code name} appears in error messages. */
  public static NdArray read(InputStream in, String name) throws IOException {
    return readData(in, readHeader(in, name), name);
  }

  /**
   * Opens a {@code .npy} file as a checkpoint of one tensor, keyed by the file name without {@code .npy}; its
   * header is read now, its data when asked, by position (any size).
   */
  public static Checkpoint open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      String name = file.getFileName().toString();
      String key = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
      long size = channel.size();
      Header header;
      long headerBytes;
      try (Npz.CountingInputStream in = new Npz.CountingInputStream(
          new TensorData.RangeInputStream(file, key, channel, 0, size))) {
        header = readHeader(in, name);
        headerBytes = in.count;
      } catch (CheckpointException e) {
        throw e;
      } catch (IOException e) {
        throw new CheckpointException(file, key, e.getMessage(), e);
      }
      long need = header.dataBytes();
      if (size - headerBytes < need) {
        throw new CheckpointException(file, key, "truncated, expected " + need + " data bytes, got "
            + (size - headerBytes));
      }
      TensorEntry entry = new TensorEntry(key, header.dtype(), header.shape(), header.bigEndian(),
          new TensorData.FileRange(file, key, channel, headerBytes, need));
      return new NpyFile(file, channel, Map.of(key, entry));
    } catch (IOException | RuntimeException | Error e) {
      channel.close();
      throw e;
    }
  }

  /** A {@code .npy} file as a checkpoint of one tensor. */
  private static final class NpyFile implements Checkpoint {
    private final Path file;
    private final FileChannel channel;
    private final Map<String, TensorEntry> entries;

    NpyFile(Path file, FileChannel channel, Map<String, TensorEntry> entries) {
      this.file = file;
      this.channel = channel;
      this.entries = entries;
    }

    @Override
    public Path file() {
      return file;
    }

    @Override
    public Map<String, TensorEntry> entries() {
      return entries;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }

    @Override
    public String toString() {
      return "Npy(" + file + ")";
    }
  }

  /**
   * The parsed header of a {@code .npy} stream: element type, shape and byte order. {@link #dataBytes()}
   * is the number of data bytes that follow it.
   */
  public record Header(DType dtype, long[] shape, boolean bigEndian) {
    /** Copies the shape. */
    public Header {
      shape = shape.clone();
    }

    /** A copy of the dimensions. */
    @Override
    public long[] shape() {
      return shape.clone();
    }

    /** An {@link ArithmeticException} if the byte count overflows a {@code long} ({@link #readHeader} checks). */
    public long dataBytes() {
      return Math.multiplyExact(NdArray.numElements(shape), dtype.byteSize());
    }
  }

  /** Reads the magic, version and header dict of a {@code .npy} stream, leaving it at the first data byte. */
  public static Header readHeader(InputStream in, String name) throws IOException {
    byte[] head = in.readNBytes(8);
    if (head.length < 8 || !java.util.Arrays.equals(java.util.Arrays.copyOf(head, 6), MAGIC)) {
      throw new IOException(name + " is not a .npy file (no \\x93NUMPY magic)");
    }
    int major = head[6];
    if (major != 1 && major != 2 && major != 3) {
      throw new IOException(name + ": unsupported .npy format version " + major + "." + head[7]);
    }
    // the header length is a little-endian u16 in version 1.0, a u32 in 2.0 and 3.0
    int width = major == 1 ? 2 : 4;
    byte[] len = in.readNBytes(width);
    if (len.length != width) {
      throw new IOException(name + ": truncated .npy header, expected " + width + " header-length bytes, got "
          + len.length);
    }
    ByteBuffer lenBuffer = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = width == 2 ? lenBuffer.getShort() & 0xffffL : lenBuffer.getInt() & 0xffffffffL;
    if (headerLength > Integer.MAX_VALUE - 8) {
      throw new IOException(name + ": .npy header length " + headerLength + " is too large (2 GiB limit)");
    }
    byte[] headerBytes = in.readNBytes((int) headerLength);
    if (headerBytes.length != headerLength) {
      throw new IOException(name + ": truncated .npy header, expected " + headerLength + " bytes, got "
          + headerBytes.length);
    }
    String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Map<String, String> dict = HeaderDict.parse(header, name);
    String descr = dict.get("descr");
    if (descr == null || !dict.containsKey("fortran_order") || !dict.containsKey("shape")) {
      String missing = descr == null ? "descr" : !dict.containsKey("fortran_order") ? "fortran_order" : "shape";
      throw new IOException(name + ": .npy header has no '" + missing + "': " + header.trim());
    }
    if (dict.size() != 3) {
      throw new IOException(name + ": .npy header has the keys " + new java.util.TreeSet<>(dict.keySet())
          + "; NumPy requires exactly descr, fortran_order and shape");
    }
    if (!HeaderDict.isString(descr)) {
      throw new IOException(name + ": unsupported .npy dtype descr " + descr + " (structured dtypes are not "
          + "supported; supported: |b1, |i1, <i2, <i4, <i8, |u1, <u2, <u4, <u8, <f2, <f4, <f8, and <V2 for bfloat16)");
    }
    descr = HeaderDict.unquote(descr);
    String fortran = dict.get("fortran_order");
    if (!fortran.equals("True") && !fortran.equals("False")) {
      throw new IOException(name + ": .npy header's fortran_order is not a valid bool: " + fortran);
    }
    if (fortran.equals("True")) {
      throw new IOException(name + ": fortran_order=True arrays are not supported; save it in C order "
          + "(np.save(f, np.ascontiguousarray(a)))");
    }
    String shapeText = dict.get("shape");
    if (!shapeText.startsWith("(") || !shapeText.endsWith(")")) {
      throw new IOException(name + ": .npy header's shape is not a tuple: " + shapeText);
    }
    long[] shape = parseShape(shapeText.substring(1, shapeText.length() - 1), name);
    DType dtype = dtypeOf(descr, name);
    Header h = new Header(dtype, shape, descr.startsWith(">") && dtype.byteSize() > 1);
    try {
      h.dataBytes();
    } catch (ArithmeticException e) {
      throw new IOException(name + ": shape " + Checkpoints.shapeString(shape) + " of " + dtype.xlaName()
          + " is too large: its byte count overflows a long", e);
    }
    return h;
  }

  /** Reads the data that follows {@code header} (see {@link #readHeader}). */
  public static NdArray readData(InputStream in, Header header, String name) throws IOException {
    long n = header.dataBytes();
    if (n > Integer.MAX_VALUE) {
      throw new IOException(name + ": array of " + n + " bytes is too large (2 GiB limit)");
    }
    byte[] data = in.readNBytes((int) n);
    if (data.length != n) {
      throw new IOException(name + ": truncated, expected " + n + " data bytes, got " + data.length);
    }
    if (header.bigEndian()) {
      swap(data, header.dtype().byteSize());
    }
    return NdArray.fromBytes(header.dtype(), header.shape(), ByteBuffer.wrap(data));
  }

  /** Writes {@code array} as a {@code .npy} file (format 1.0, or 2.0 when the header needs it). */
  public static void write(Path file, NdArray array) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(out, array);
    }
  }

  /**
   * Writes {@code array} as a {@code .npy} stream (format 1.0, or 2.0 when the header needs it); bf16 as {@code <V2}.
   */
  public static void write(OutputStream out, NdArray array) throws IOException {
    StringBuilder shape = new StringBuilder("(");
    long[] dims = array.shape();
    for (int i = 0; i < dims.length; i++) {
      shape.append(i > 0 ? ", " : "").append(dims[i]);
    }
    shape.append(dims.length == 1 ? ",)" : ")");
    String dict = "{'descr': '" + descr(array.dtype()) + "', 'fortran_order': False, 'shape': " + shape + ", }";
    // header (magic + version + length + dict + padding + \n) is a multiple of 64 bytes
    int prefix = 10;
    int total = ((prefix + dict.length() + 1 + 63) / 64) * 64;
    boolean v2 = total - prefix > 0xffff;
    if (v2) {
      prefix = 12;
      total = ((prefix + dict.length() + 1 + 63) / 64) * 64;
    }
    StringBuilder header = new StringBuilder(dict);
    while (prefix + header.length() + 1 < total) {
      header.append(' ');
    }
    header.append('\n');
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(MAGIC);
    b.write(v2 ? 2 : 1);
    b.write(0);
    ByteBuffer len = ByteBuffer.allocate(v2 ? 4 : 2).order(ByteOrder.LITTLE_ENDIAN);
    if (v2) {
      len.putInt(header.length());
    } else {
      len.putShort((short) header.length());
    }
    b.write(len.array());
    b.write(header.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(b.toByteArray());
    ByteBuffer data = array.data();
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    out.write(bytes);
  }

  /** The descr xla4j writes for a dtype. */
  public static String descr(DType t) {
    switch (t) {
      case PRED: return "|b1";
      case S8: return "|i1";
      case U8: return "|u1";
      case S16: return "<i2";
      case S32: return "<i4";
      case S64: return "<i8";
      case U16: return "<u2";
      case U32: return "<u4";
      case U64: return "<u8";
      case F16: return "<f2";
      case F32: return "<f4";
      case F64: return "<f8";
      case BF16: return "<V2";
      default: throw new AssertionError(t);
    }
  }

  private static DType dtypeOf(String descr, String name) throws IOException {
    String d = descr;
    if (d.equals("<V2") || d.equals("bfloat16")) {
      return DType.BF16;
    }
    if (d.equals("|V2") || d.equals("V2")) {
      throw new IOException(name + ": .npy dtype descr '" + descr + "' is a plain 2-byte void, not bfloat16 "
          + "(np.save writes ml_dtypes.bfloat16 arrays as '<V2'); save the array as bfloat16 or a numeric dtype");
    }
    if (d.length() == 3 && (d.charAt(0) == '<' || d.charAt(0) == '>' || d.charAt(0) == '|' || d.charAt(0) == '=')) {
      d = d.substring(1);
    }
    switch (d) {
      case "b1": return DType.PRED;
      case "i1": return DType.S8;
      case "i2": return DType.S16;
      case "i4": return DType.S32;
      case "i8": return DType.S64;
      case "u1": return DType.U8;
      case "u2": return DType.U16;
      case "u4": return DType.U32;
      case "u8": return DType.U64;
      case "f2": return DType.F16;
      case "f4": return DType.F32;
      case "f8": return DType.F64;
      default:
        throw new IOException(name + ": unsupported .npy dtype descr '" + descr + "' (supported: |b1, |i1, <i2, <i4, "
            + "<i8, |u1, <u2, <u4, <u8, <f2, <f4, <f8, and <V2 for bfloat16)");
    }
  }

  /**
   * The dimensions of a Python tuple's contents: {@code ""}, {@code "2,"}, {@code "2, 3"} or {@code "2, 3,"}; an
   * empty element elsewhere ({@code "1, ,"}, {@code ","}) is a syntax error in Python, and so here.
   */
  private static long[] parseShape(String s, String name) throws IOException {
    String[] parts = s.split(",", -1);
    if (parts.length == 1 && HeaderDict.strip(parts[0]).isEmpty()) {
      return new long[0];
    }
    List<Long> dims = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      String t = HeaderDict.strip(parts[i]);
      if (t.isEmpty() && i == parts.length - 1 && i > 0) {
        break; // the trailing comma of (2,) or (2, 3,)
      }
      if (t.isEmpty()) {
        throw new IOException(name + ": bad shape (" + s + ") in .npy header: dimension " + i + " is empty");
      }
      if (t.matches("[+-]?0+[1-9][0-9]*L?")) {
        throw new IOException(name + ": bad shape (" + s + ") in .npy header: '" + t + "' has a leading zero, which "
            + "Python integers do not allow");
      }
      long d;
      try {
        d = Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
      } catch (NumberFormatException e) {
        throw new IOException(name + ": bad shape (" + s + ") in .npy header", e);
      }
      if (d < 0) {
        throw new IOException(name + ": bad shape (" + s + ") in .npy header: dimensions must be >= 0, got " + d);
      }
      dims.add(d);
    }
    return dims.stream().mapToLong(Long::longValue).toArray();
  }

  private static void swap(byte[] data, int width) {
    for (int i = 0; i < data.length; i += width) {
      for (int a = i, b = i + width - 1; a < b; a++, b--) {
        byte t = data[a];
        data[a] = data[b];
        data[b] = t;
      }
    }
  }
}
