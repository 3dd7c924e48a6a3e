package xla4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import xla4j.array.HostBuffer;

/**
 * Where the bytes of one tensor are: the raw data as the file stores it (its byte order, {@code PRED} bytes as
 * written). {@link TensorEntry} checks arguments and fixes byte order and {@code PRED} values after a read.
 */
abstract class TensorData {
  /** Runs at least this long are read straight into the destination, one positional read each. */
  static final long DIRECT_RUN = 256 << 10;
  /** Shorter runs are read by covering ranges of up to this many bytes, then copied out. */
  static final int SCRATCH = 4 << 20;
  /** Two runs further apart than this are not read by one covering range. */
  static final long GAP = 32 << 10;
  /** The most runs one covering range serves. */
  static final int GROUP = 1 << 16;
  /** The largest window used to walk a destination beyond 2 GiB. */
  static final int WINDOW = 1 << 30;

  final Path file;
  final String key;
  final FileChannel channel;
  final long dataBytes;

  TensorData(Path file, String key, FileChannel channel, long dataBytes) {
    this.file = file;
    this.key = key;
    this.channel = channel;
    this.dataBytes = dataBytes;
  }

  /** Writes the box's runs densely into {@code dst} from {@code dstOffset} (both already checked). */
  abstract void read(Box box, HostBuffer dst, long dstOffset) throws IOException;

  /** A stream of exactly {@link #dataBytes} raw bytes. */
  abstract InputStream open() throws IOException;

  /** An {@link IllegalStateException} once the checkpoint is closed. */
  void checkOpen() {
    if (!channel.isOpen()) {
      throw new IllegalStateException("checkpoint " + file + " is closed (reading '" + key + "')");
    }
  }

  /** Data stored as is at {@code [start, start + dataBytes)} of the file: read by position. */
  static final class FileRange extends TensorData {
    private final long start;

    FileRange(Path file, String key, FileChannel channel, long start, long dataBytes) {
      super(file, key, channel, dataBytes);
      this.start = start;
    }

    @Override
    void read(Box box, HostBuffer dst, long dstOffset) throws IOException {
      long run = box.runBytes();
      if (box.runCount() == 0) {
        return;
      }
      Box.Runs runs = box.runs();
      long d = dstOffset;
      if (run >= DIRECT_RUN) {
        while (runs.hasNext()) {
          readFully(start + runs.next(), dst, d, run);
          d += run;
        }
        return;
      }
      long span = runs.last() + run - box.runs().next(); // from the first run's start to the last one's end
      try (HostBuffer scratchBuffer = HostBuffer.allocate(Math.min(SCRATCH, span))) {
        ByteBuffer scratch = scratchBuffer.window(0, (int) scratchBuffer.byteSize());
        long[] offsets = new long[(int) Math.min(GROUP, box.runCount())];
        long pending = runs.next();
        boolean more = true;
        while (more) {
          long groupStart = pending;
          long groupEnd = pending + run;
          int count = 0;
          offsets[count++] = pending;
          more = runs.hasNext();
          if (more) {
            pending = runs.next();
          }
          while (more && count < offsets.length && pending - groupEnd <= GAP
              && pending + run - groupStart <= scratch.capacity()) {
            offsets[count++] = pending;
            groupEnd = pending + run;
            more = runs.hasNext();
            if (more) {
              pending = runs.next();
            }
          }
          int length = (int) (groupEnd - groupStart);
          ByteBuffer in = scratch.duplicate().limit(length);
          readFully(start + groupStart, in);
          ByteBuffer out = dst.window(d, (int) (count * run));
          for (int i = 0; i < count; i++) {
            out.put((int) (i * run), scratch, (int) (offsets[i] - groupStart), (int) run);
          }
          d += count * run;
        }
      }
    }

    @Override
    InputStream open() {
      return new RangeInputStream(file, key, channel, start, dataBytes);
    }

    /** Reads {@code length} bytes at file {@code position} into {@code dst[dstOffset, ...)}, by windows. */
    void readFully(long position, HostBuffer dst, long dstOffset, long length) throws IOException {
      for (long done = 0; done < length; ) {
        int n = (int) Math.min(WINDOW, length - done);
        readFully(position + done, dst.window(dstOffset + done, n));
        done += n;
      }
    }

    private void readFully(long position, ByteBuffer b) throws IOException {
      long p = position;
      while (b.hasRemaining()) {
        int n = channel.read(b, p);
        if (n < 0) {
          throw new CheckpointException(file, key, "truncated: the file ends at byte " + p + ", inside the tensor's "
              + "data [" + start + ", " + (start + dataBytes) + ")");
        }
        p += n;
      }
    }
  }

  /**
   * Positional reads of {@code [position, position + length)} of a shared channel (safe across threads); a file
   * that ends before the range does is a {@link CheckpointException}.
   */
  static final class RangeInputStream extends InputStream {
    private final Path file;
    private final String key;
    private final FileChannel channel;
    private long position;
    private long left;

    RangeInputStream(Path file, String key, FileChannel channel, long position, long length) {
      this.file = file;
      this.key = key;
      this.channel = channel;
      this.position = position;
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (left <= 0) {
        return -1;
      }
      int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, left)), position);
      if (n < 0) {
        throw new CheckpointException(file, key, "truncated: the file ends at byte " + position + ", " + left
            + " bytes before the end of the data being read");
      }
      if (n > 0) {
        position += n;
        left -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) {
      long k = Math.max(0, Math.min(n, left));
      position += k;
      left -= k;
      return k;
    }
  }
}
