package xla4j.io;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import xla4j.array.HostBuffer;

/**
 * The data of one {@code .npy} member of an {@code .npz} archive. A stored member is read by position; a deflated
 * one is inflated as a stream, skipping what a box does not need and stopping after its last run.
 *
 * <p>The member's CRC-32 (over its {@code .npy} header and data, as the zip directory records it) is checked the
 * first time the member is read, as NumPy's {@code zipfile} checks it: reading the whole tensor checks it on the
 * way; a partial read or {@link TensorEntry#openData()} streams the whole member once first, through a small
 * buffer. A deflated member must inflate to exactly the size its zip entry declares.
 */
final class NpzMember extends TensorData {
  private static final int CHUNK = 1 << 20;

  private final ZipDirectory.Member member;
  private final long headerBytes;
  /** The data of a stored member, or null for a deflated one. */
  private final FileRange stored;
  private volatile boolean verified;

  NpzMember(Path file, String key, FileChannel channel, ZipDirectory.Member member, long headerBytes,
      long dataBytes) {
    super(file, key, channel, dataBytes);
    this.member = member;
    this.headerBytes = headerBytes;
    this.stored = member.method() == ZipDirectory.STORED
        ? new FileRange(file, key, channel, member.dataOffset() + headerBytes, dataBytes) : null;
  }

  /** The member's bytes ({@code .npy} header and data) from the start, inflated if deflated. */
  static InputStream openMember(Path file, String key, FileChannel channel, ZipDirectory.Member member) {
    if (member.method() == ZipDirectory.STORED) {
      return new RangeInputStream(file, key, channel, member.dataOffset(), member.size());
    }
    InputStream compressed = new RangeInputStream(file, key, channel, member.dataOffset(), member.compressedSize());
    return new Inflating(file, key, member.name(), compressed, (int) Math.min(1 << 16, member.compressedSize() + 1));
  }

  @Override
  void read(Box box, HostBuffer dst, long dstOffset) throws IOException {
    checkOpen();
    if (stored != null && verified) {
      stored.read(box, dst, dstOffset);
    } else if (stored != null && box.isWhole(dataBytes)) {
      stored.read(box, dst, dstOffset);
      CRC32 crc = new CRC32();
      try (InputStream in = new RangeInputStream(file, key, channel, member.dataOffset(), headerBytes)) {
        crc.update(in.readAllBytes());
      }
      for (long done = 0; done < dataBytes; ) {
        int n = (int) Math.min(WINDOW, dataBytes - done);
        crc.update(dst.window(dstOffset + done, n));
        done += n;
      }
      checkCrc(crc.getValue());
    } else {
      scan(box, dst, dstOffset);
    }
  }

  @Override
  InputStream open() throws IOException {
    checkOpen();
    if (!verified) {
      scan(null, null, 0);
    }
    if (stored != null) {
      return stored.open();
    }
    InputStream in = openMember(file, key, channel, member);
    try {
      long skipped = in.readNBytes((int) headerBytes).length;
      if (skipped < headerBytes) {
        throw new CheckpointException(file, key, "truncated: member '" + member.name() + "' ends inside its .npy "
            + "header, after " + skipped + " of " + headerBytes + " bytes");
      }
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    return new Bounded(in, dataBytes);
  }

  /**
   * One pass over the member from its start: copies the box's runs (if any) into {@code dst}; until the member is
   * verified, goes on to its end, checking its length and CRC-32.
   */
  private void scan(Box box, HostBuffer dst, long dstOffset) throws IOException {
    boolean verify = !verified;
    RunCopier copier = box == null || box.runCount() == 0 ? null : new RunCopier(box, dst, dstOffset, CHUNK);
    long stop = verify ? member.size()
        : copier == null ? 0 : headerBytes + box.runs().last() + box.runBytes();
    CRC32 crc = new CRC32();
    byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(1, stop))];
    try (InputStream in = openMember(file, key, channel, member)) {
      long position = 0;
      while (position < stop) {
        int want = (int) Math.min(chunk.length, stop - position);
        int n = in.readNBytes(chunk, 0, want);
        if (verify) {
          crc.update(chunk, 0, n);
        }
        if (copier != null) {
          copier.accept(position - headerBytes, chunk, n);
        }
        position += n;
        if (n < want) {
          throw new CheckpointException(file, key, "truncated: member '" + member.name() + "' inflates to "
              + position + " bytes, but its zip entry declares " + member.size());
        }
      }
      if (verify) {
        if (stored == null && in.read() >= 0) {
          throw new CheckpointException(file, key, "member '" + member.name() + "' inflates to more than the "
              + member.size() + " bytes its zip entry declares");
        }
        checkCrc(crc.getValue());
      }
    }
  }

  private void checkCrc(long actual) throws CheckpointException {
    if (actual != member.crc()) {
      throw new CheckpointException(file, key, String.format("Bad CRC-32 for member '%s' (the data's is %08x, the zip "
          + "directory records %08x): the archive is corrupt", member.name(), actual, member.crc()));
    }
    verified = true;
  }

  /** Copies the parts of a box's runs that fall in each chunk of a sequential pass into {@code dst}, densely. */
  private static final class RunCopier {
    private final Box.Runs runs;
    private final long run;
    private final HostBuffer dst;
    private final byte[] out;
    private long d;
    private long current;
    private long inRun;
    private boolean done;

    RunCopier(Box box, HostBuffer dst, long dstOffset, int chunk) {
      this.runs = box.runs();
      this.run = box.runBytes();
      this.dst = dst;
      this.d = dstOffset;
      // each chunk adds at most the box's bytes: a small box gets a small buffer, not a whole chunk
      this.out = new byte[(int) Math.min(chunk, box.totalBytes())];
      this.current = runs.next();
    }

    /** {@code buf[0, length)} holds the data bytes from {@code position} (negative inside the .npy header). */
    void accept(long position, byte[] buf, int length) {
      int o = 0;
      long chunkEnd = position + length;
      while (!done) {
        long from = current + inRun;
        if (from >= chunkEnd) {
          break;
        }
        int take = (int) (Math.min(current + run, chunkEnd) - from);
        System.arraycopy(buf, (int) (from - position), out, o, take);
        o += take;
        inRun += take;
        if (inRun == run) {
          inRun = 0;
          if (runs.hasNext()) {
            current = runs.next();
          } else {
            done = true;
          }
        }
      }
      if (o > 0) {
        dst.window(d, o).put(out, 0, o);
        d += o;
      }
    }
  }

  /** A raw-deflate stream whose errors name the file and member, and whose inflater is freed on close. */
  private static final class Inflating extends FilterInputStream {
    private final Path file;
    private final String key;
    private final String name;
    private final Inflater inflater;

    /** {@code buffer}: bytes of compressed input read at a time (the member's size, for a small one). */
    Inflating(Path file, String key, String name, InputStream compressed, int buffer) {
      this(file, key, name, compressed, new Inflater(true), buffer);
    }

    private Inflating(Path file, String key, String name, InputStream compressed, Inflater inflater, int buffer) {
      super(new InflaterInputStream(compressed, inflater, buffer));
      this.file = file;
      this.key = key;
      this.name = name;
      this.inflater = inflater;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (EOFException e) {
        throw truncated(e);
      } catch (ZipException e) {
        throw corrupt(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (EOFException e) {
        throw truncated(e);
      } catch (ZipException e) {
        throw corrupt(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return super.skip(n);
      } catch (EOFException e) {
        throw truncated(e);
      } catch (ZipException e) {
        throw corrupt(e);
      }
    }

    private CheckpointException truncated(EOFException e) {
      return new CheckpointException(file, key, "truncated: member '" + name + "' ends inside its compressed data",
          e);
    }

    private CheckpointException corrupt(ZipException e) {
      return new CheckpointException(file, key, "member '" + name + "' holds corrupt deflated data ("
          + e.getMessage() + ")", e);
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        inflater.end();
      }
    }
  }

  /** At most {@code length} bytes of a stream, then end of stream. */
  private static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long length) {
      super(in);
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long k = super.skip(Math.min(n, left));
      left -= k;
      return k;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(super.available(), left);
    }
  }
}
