package xla4j.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import xla4j.array.NdArray;

/**
 * NumPy {@code .npz} archives as big_vision saves checkpoints: a zip of {@code .npy} members (stored as
 * {@code np.savez} writes them, or deflated as {@code np.savez_compressed} does), one per parameter, the
 * parameter tree flattened into {@code /}-separated keys ({@code Transformer/encoderblock_0/LayerNorm_0/scale}).
 *
 * <p>{@link #open} reads the zip's directory and each member's {@code .npy} header only; a tensor's data is read
 * when asked ({@link TensorEntry#load()}, {@link TensorEntry#readBox}): a stored member by position in the file,
 * never through a heap copy of the whole member, a deflated one by inflating only as far as needed. Every
 * member's CRC-32 is checked the first time it is read, and archives NumPy's {@code zipfile} refuses (overlapping
 * members, sizes beyond the file, inconsistent zip64 records, names that differ between directory and local
 * header) are refused at {@link #open}. {@link ZipOutputStream} writes archives (with
 * zip64 records when they need them).
 *
 * <p>Errors are {@link CheckpointException}s naming the file and the key.
 *
 * <p>Thread-safe for reading, as every {@link Checkpoint}: entries may be read from several threads at once.
 */
public final class Npz implements Checkpoint {
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};
  private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private final Path file;
  private final FileChannel channel;
  private final Map<String, TensorEntry> entries;

  private Npz(Path file, FileChannel channel, Map<String, TensorEntry> entries) {
    this.file = file;
    this.channel = channel;
    this.entries = Collections.unmodifiableMap(entries);
  }

  /** Opens an archive and reads the names, dtypes and shapes of its arrays (not their data). */
  public static Npz open(Path file) throws IOException {
    checkMagic(file);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      Map<String, TensorEntry> entries = new LinkedHashMap<>();
      for (ZipDirectory.Member m : ZipDirectory.read(file, channel)) {
        String key = ZipDirectory.key(m.name());
        if (m.name().endsWith("/") || key.isEmpty()) {
          throw new CheckpointException(file, m.name(), "member '" + m.name() + "' is a directory or has no name; an "
              + ".npz holds one .npy member per array (name.npy)");
        }
        if (entries.containsKey(key)) {
          throw new CheckpointException(file, key, "key appears twice in the archive");
        }
        entries.put(key, entry(file, channel, m, key));
      }
      return new Npz(file, channel, entries);
    } catch (IOException | RuntimeException | Error e) {
      channel.close();
      throw e;
    }
  }

  private static TensorEntry entry(Path file, FileChannel channel, ZipDirectory.Member m, String key)
      throws IOException {
    Npy.Header header;
    long headerBytes;
    // a small buffer: one read takes the whole .npy header of a stored member
    try (CountingInputStream in = new CountingInputStream(
        new BufferedInputStream(NpzMember.openMember(file, key, channel, m), 256))) {
      header = Npy.readHeader(in, m.name());
      headerBytes = in.count;
    } catch (CheckpointException ex) {
      throw ex;
    } catch (IOException ex) {
      throw new CheckpointException(file, key, ex.getMessage(), ex);
    } catch (RuntimeException ex) {
      throw new CheckpointException(file, key, "malformed .npy member " + m.name() + " (" + ex + ")", ex);
    }
    long need = header.dataBytes();
    if (headerBytes + need != m.size()) {
      throw new CheckpointException(file, key, "shape " + Checkpoints.shapeString(header.shape()) + " of "
          + header.dtype().xlaName() + " needs " + need + " data bytes, but the member holds "
          + (m.size() - headerBytes));
    }
    return new TensorEntry(key, header.dtype(), header.shape(), header.bigEndian(),
        new NpzMember(file, key, channel, m, headerBytes, need));
  }

  private static void checkMagic(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(6);
    }
    if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) {
      return;
    }
    if (head.length == 0) {
      throw new CheckpointException(file, null, "empty file, not an .npz archive");
    }
    throw new CheckpointException(file, null, "bad magic: not an .npz (zip) archive"
        + (startsWith(head, NPY_MAGIC) ? "; it is a single .npy array, read it with Npy.read" : ""));
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    return b.length >= prefix.length && java.util.Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
  }

  @Override
  public Path file() {
    return file;
  }

  /** Every array, in archive order, by key. */
  @Override
  public Map<String, TensorEntry> entries() {
    return entries;
  }

  /** Reads a whole archive. */
  public static Map<String, NdArray> read(Path file) throws IOException {
    try (Npz npz = open(file)) {
      return npz.readAll();
    }
  }

  /** Writes {@code arrays} uncompressed, as {@code np.savez} does; keys become {@code key + ".npy"}. */
  public static void write(Path file, Map<String, NdArray> arrays) throws IOException {
    write(file, arrays, false);
  }

  /** Writes {@code arrays} deflated, as {@code np.savez_compressed} does. */
  public static void writeCompressed(Path file, Map<String, NdArray> arrays) throws IOException {
    write(file, arrays, true);
  }

  /**
   * Writes to a temporary file beside {@code file} and then moves it into place, so a failed or
   * interrupted save never leaves a half-written checkpoint under the final name.
   */
  private static void write(Path file, Map<String, NdArray> arrays, boolean deflate) throws IOException {
    arrays.keySet().forEach(Checkpoints::checkKey);
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
        for (Map.Entry<String, NdArray> a : arrays.entrySet()) {
          ZipEntry e = new ZipEntry(a.getKey() + ".npy");
          e.setTimeLocal(ENTRY_TIME);
          if (deflate) {
            e.setMethod(ZipEntry.DEFLATED);
          } else {
            // a stored entry needs its size and CRC up front: one pass over the bytes computes them
            CRC32 crc = new CRC32();
            CountingOutputStream count = new CountingOutputStream(new CheckedOutputStream(OutputStream.nullOutputStream(), crc));
            Npy.write(count, a.getValue());
            e.setMethod(ZipEntry.STORED);
            e.setSize(count.count);
            e.setCompressedSize(count.count);
            e.setCrc(crc.getValue());
          }
          zip.putNextEntry(e);
          Npy.write(zip, a.getValue());
          zip.closeEntry();
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
    return "Npz(" + file + ", " + entries.size() + " arrays)";
  }

  /** Counts the bytes read. */
  static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  private static final class CountingOutputStream extends OutputStream {
    private final OutputStream out;
    long count;

    CountingOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
