package xla4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.DType;
import xla4j.array.HostBuffer;

/**
 * Tensors just over 2 GiB (a u8 array of 2049 x 1 MiB) in sparse files: a header, a few known bytes at known
 * offsets, and holes that read as zeros, so the files cost no disk and the test no writing. Boxes and the whole
 * tensor are read into off-heap memory and checked at the known offsets.
 */
class BigTensorTest {
  static final long ROWS = 2049;
  static final long COLS = 1 << 20;
  static final long BYTES = ROWS * COLS;
  /** (row, column, value): on both sides of 2 GiB (row 2048 starts at byte 2^31). */
  static final long[][] SAMPLES = {{0, 0, 1}, {1024, 5, 2}, {2047, COLS - 1, 3}, {2048, 0, 4}, {2048, COLS - 1, 5}};

  @TempDir
  Path tmp;

  /** A sparse file: {@code header}, then {@link #BYTES} data bytes, zero but for the samples. */
  Path sparse(String name, byte[] header) throws IOException {
    Path f = tmp.resolve(name);
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.write(header);
      raf.setLength(header.length + BYTES);
      for (long[] s : SAMPLES) {
        raf.seek(header.length + s[0] * COLS + s[1]);
        raf.write((int) s[2]);
      }
    }
    return f;
  }

  static int at(HostBuffer b, long offset) {
    return b.window(offset, 1).get(0) & 0xff;
  }

  @Test
  void npyBoxesAndTheWholeTensor() throws IOException {
    Path f = sparse("big.npy", NpyTest.npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2049, 1048576), }",
        new byte[0]));
    try (Checkpoint c = Checkpoint.open(f)) {
      TensorEntry e = c.entry("big");
      assertEquals(DType.U8, e.dtype());
      assertArrayEquals(new long[] {ROWS, COLS}, e.shape());
      assertEquals(BYTES, e.byteSize());
      CheckpointException tooBig = assertThrows(CheckpointException.class, e::load);
      assertEquals(f + " [big]: tensor u8[2049, 1048576] of 2148532224 bytes is too large for an NdArray (2 GiB); read "
          + "it into a HostBuffer with readInto or readBox", tooBig.getMessage());

      // the last two rows, one contiguous run that starts below 2 GiB and ends above it
      try (HostBuffer rows = HostBuffer.allocate(2 * COLS)) {
        e.readBox(new long[] {2047, 0}, new long[] {2, COLS}, rows, 0);
        assertEquals(3, at(rows, COLS - 1));
        assertEquals(4, at(rows, COLS));
        assertEquals(5, at(rows, 2 * COLS - 1));
        assertEquals(0, at(rows, COLS + 1));
      }
      // one column: 2049 runs of one byte, 1 MiB apart
      try (HostBuffer column = HostBuffer.allocate(ROWS)) {
        e.readBox(new long[] {0, 5}, new long[] {ROWS, 1}, column, 0);
        for (long r = 0; r < ROWS; r++) {
          assertEquals(r == 1024 ? 2 : 0, at(column, r), "row " + r);
        }
      }
      // a corner beyond 2 GiB
      try (HostBuffer corner = HostBuffer.allocate(6)) {
        e.readBox(new long[] {2048, COLS - 6}, new long[] {1, 6}, corner, 0);
        byte[] got = new byte[6];
        corner.window(0, 6).get(got);
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 5}, got);
      }
      // the whole tensor, at an offset
      try (HostBuffer all = HostBuffer.allocate(64 + BYTES)) {
        e.readInto(all, 64);
        for (long[] s : SAMPLES) {
          assertEquals(s[2], at(all, 64 + s[0] * COLS + s[1]), "sample at " + s[0] + ", " + s[1]);
        }
        assertEquals(0, at(all, 64 + 2048 * COLS + 1));
        assertEquals(0, at(all, 64 + COLS));
      }
      // a stream skips to beyond 2 GiB without reading what it skips
      try (InputStream in = e.openData()) {
        in.skipNBytes(2048 * COLS);
        assertEquals(4, in.read());
      }
    }
  }

  @Test
  void safetensorsBoxBeyondTwoGiB() throws IOException {
    StringBuilder json = new StringBuilder("{\"big\":{\"dtype\":\"U8\",\"shape\":[2049,1048576],\"data_offsets\":[0,"
        + BYTES + "]}}");
    while (json.length() % 8 != 0) {
      json.append(' ');
    }
    byte[] h = json.toString().getBytes(StandardCharsets.US_ASCII);
    ByteBuffer header = ByteBuffer.allocate(8 + h.length).order(ByteOrder.LITTLE_ENDIAN);
    header.putLong(h.length).put(h);
    Path f = sparse("big.safetensors", header.array());
    try (Checkpoint c = Checkpoint.open(f); HostBuffer row = HostBuffer.allocate(COLS)) {
      TensorEntry e = c.entry("big");
      assertEquals(BYTES, e.byteSize());
      e.readBox(new long[] {2048, 0}, new long[] {1, COLS}, row, 0);
      assertEquals(4, at(row, 0));
      assertEquals(5, at(row, COLS - 1));
      assertEquals(0, at(row, 1));
    }
  }
}
