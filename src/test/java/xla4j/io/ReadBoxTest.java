package xla4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xla4j.array.DType;
import xla4j.array.HostBuffer;
import xla4j.array.NdArray;

/**
 * {@link TensorEntry#readBox} and {@link TensorEntry#readInto} over every format: the same tensors written as
 * {@code .npy} files, a stored and a deflated {@code .npz} and a {@code .safetensors}, each box checked against
 * values computed here from the element's index (row-major), independently of the reader's run arithmetic.
 */
class ReadBoxTest {
  @TempDir
  Path tmp;

  private final List<Checkpoint> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws IOException {
    for (Checkpoint c : open) {
      c.close();
    }
  }

  /** s32 value of element i of "a". */
  static int a(long i) {
    return (int) (i * 3 - 100);
  }

  /** u8 value of element i of "b" (not periodic in any row length used here). */
  static int b(long i) {
    return (int) ((i * 31 + i / 251) & 0xff);
  }

  static final long[] A = {5, 6, 7};
  static final long[] B = {100, 40_000};

  static Map<String, NdArray> tensors() {
    int[] av = new int[5 * 6 * 7];
    for (int i = 0; i < av.length; i++) {
      av[i] = a(i);
    }
    ByteBuffer bv = ByteBuffer.allocate((int) (B[0] * B[1]));
    for (int i = 0; i < bv.capacity(); i++) {
      bv.put(i, (byte) b(i));
    }
    Map<String, NdArray> m = new LinkedHashMap<>();
    m.put("a", NdArray.of(av, A));
    m.put("b", NdArray.fromBytes(DType.U8, B, bv));
    m.put("s", NdArray.scalar(-2.25f));
    return m;
  }

  /** The checkpoint of one format holding {@link #tensors()}. */
  Checkpoint checkpoint(String format) throws IOException {
    Map<String, NdArray> m = tensors();
    Checkpoint c;
    switch (format) {
      case "npz":
        Npz.write(tmp.resolve("t.npz"), m);
        c = Checkpoint.open(tmp.resolve("t.npz"));
        break;
      case "npz-compressed":
        Npz.writeCompressed(tmp.resolve("t.npz"), m);
        c = Checkpoint.open(tmp.resolve("t.npz"));
        break;
      case "safetensors":
        Safetensors.write(tmp.resolve("t.safetensors"), m);
        c = Checkpoint.open(tmp.resolve("t.safetensors"));
        break;
      default: {
        // one .npy per tensor, gathered in a small checkpoint of their entries
        Map<String, TensorEntry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, NdArray> t : m.entrySet()) {
          Path f = tmp.resolve(t.getKey() + ".npy");
          Npy.write(f, t.getValue());
          Checkpoint one = Checkpoint.open(f);
          open.add(one);
          entries.put(t.getKey(), one.entry(t.getKey()));
        }
        c = new Checkpoint() {
          @Override
          public Path file() {
            return tmp;
          }

          @Override
          public Map<String, TensorEntry> entries() {
            return entries;
          }

          @Override
          public void close() {}
        };
      }
    }
    open.add(c);
    return c;
  }

  /** The expected bytes of a box, element by element, from the index formula. */
  static byte[] expected(String key, long[] shape, long[] start, long[] size) {
    int width = key.equals("a") ? 4 : 1;
    long n = 1;
    for (long z : size) {
      n *= z;
    }
    ByteBuffer out = ByteBuffer.allocate((int) (n * width)).order(ByteOrder.LITTLE_ENDIAN);
    long[] idx = new long[shape.length];
    for (long k = 0; k < n; k++) {
      long rem = k;
      for (int d = shape.length - 1; d >= 0; d--) {
        idx[d] = start[d] + rem % size[d];
        rem /= size[d];
      }
      long flat = 0;
      for (int d = 0; d < shape.length; d++) {
        flat = flat * shape[d] + idx[d];
      }
      if (width == 4) {
        out.putInt(a(flat));
      } else {
        out.put((byte) b(flat));
      }
    }
    return out.array();
  }

  /** Reads the box at offset 13 of a buffer filled with 0x5a, and checks the box and the bytes around it. */
  static void checkBox(TensorEntry e, long[] start, long[] size) throws IOException {
    byte[] want = expected(e.name(), e.shape(), start, size);
    try (HostBuffer dst = HostBuffer.allocate(want.length + 20)) {
      ByteBuffer all = dst.window(0, want.length + 20);
      for (int i = 0; i < all.capacity(); i++) {
        all.put(i, (byte) 0x5a);
      }
      e.readBox(start, size, dst, 13);
      byte[] got = new byte[want.length];
      all.get(13, got);
      assertArrayEquals(want, got, e.name() + " box " + java.util.Arrays.toString(start) + " + "
          + java.util.Arrays.toString(size));
      for (int i = 0; i < 13; i++) {
        assertEquals(0x5a, all.get(i), "byte before the box");
      }
      for (int i = 13 + want.length; i < all.capacity(); i++) {
        assertEquals(0x5a, all.get(i), "byte after the box");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"npy", "npz", "npz-compressed", "safetensors"})
  void boxesOfASmallTensor(String format) throws IOException {
    TensorEntry a = checkpoint(format).entry("a");
    checkBox(a, new long[] {0, 0, 0}, A); // whole
    checkBox(a, new long[] {1, 0, 0}, new long[] {2, 6, 7}); // leading dimension: one run
    checkBox(a, new long[] {0, 2, 0}, new long[] {5, 2, 7}); // middle dimension: a run per row
    checkBox(a, new long[] {0, 0, 3}, new long[] {5, 6, 2}); // last-dimension split: many short runs
    checkBox(a, new long[] {1, 2, 3}, new long[] {3, 4, 2});
    checkBox(a, new long[] {4, 5, 6}, new long[] {1, 1, 1}); // the last element
    checkBox(a, new long[] {2, 0, 0}, new long[] {0, 6, 7}); // empty
  }

  @ParameterizedTest
  @ValueSource(strings = {"npy", "npz", "npz-compressed", "safetensors"})
  void boxesOfALargerTensorTakeEveryReadPath(String format) throws IOException {
    TensorEntry b = checkpoint(format).entry("b");
    checkBox(b, new long[] {10, 0}, new long[] {10, 40_000}); // one run of 400000 bytes, read in place
    checkBox(b, new long[] {0, 100}, new long[] {100, 4}); // rows 40000 apart: a read per run
    checkBox(b, new long[] {0, 7}, new long[] {100, 20_000}); // runs 20000 apart: covering reads, copied out
    checkBox(b, new long[] {3, 39_999}, new long[] {97, 1});
    checkBox(b, new long[] {0, 0}, B);
  }

  @ParameterizedTest
  @ValueSource(strings = {"npy", "npz", "npz-compressed", "safetensors"})
  void readIntoAndLoadAgree(String format) throws IOException {
    Checkpoint c = checkpoint(format);
    for (TensorEntry e : c.entries().values()) {
      try (HostBuffer dst = HostBuffer.allocate(e.byteSize())) {
        e.readInto(dst, 0);
        assertEquals(tensors().get(e.name()), dst.toNdArray(e.dtype(), e.shape()), e.name());
      }
      assertEquals(tensors().get(e.name()), e.load(), e.name());
      byte[] raw;
      try (InputStream in = e.openData()) {
        raw = in.readAllBytes();
      }
      assertEquals(tensors().get(e.name()), NdArray.fromBytes(e.dtype(), e.shape(), ByteBuffer.wrap(raw)), e.name());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"npy", "npz", "npz-compressed", "safetensors"})
  void aScalar(String format) throws IOException {
    TensorEntry s = checkpoint(format).entry("s");
    try (HostBuffer dst = HostBuffer.allocate(4)) {
      s.readBox(new long[0], new long[0], dst, 0);
      assertEquals(-2.25f, dst.window(0, 4).getFloat(0));
    }
  }

  @Test
  void aBoxOfWhatNumpyWrote() throws IOException {
    // embedding/kernel of tools/io_fixtures.py: shape (2, 2, 3, 4), value(i) = -2 + i / 16
    for (String name : new String[] {"numpy_savez.npz", "numpy_savez_compressed.npz"}) {
      try (Checkpoint c = Checkpoint.open(NpzTest.resource(name)); HostBuffer dst = HostBuffer.allocate(32)) {
        c.entry("embedding/kernel").readBox(new long[] {1, 0, 1, 2}, new long[] {1, 2, 2, 2}, dst, 0);
        float[] got = new float[8];
        dst.window(0, 32).asFloatBuffer().get(got);
        // indices (1, j, k, l) for j in 0..1, k in 1..2, l in 2..3: flat = 24 + 12j + 4k + l
        float[] want = new float[8];
        int n = 0;
        for (int j = 0; j < 2; j++) {
          for (int k = 1; k < 3; k++) {
            for (int l = 2; l < 4; l++) {
              want[n++] = -2f + (24 + 12 * j + 4 * k + l) / 16f;
            }
          }
        }
        assertArrayEquals(want, got, name);
      }
    }
  }

  @Test
  void bigEndianNpyIsSwapped() throws IOException {
    ByteBuffer data = ByteBuffer.allocate(48).order(ByteOrder.BIG_ENDIAN);
    for (int i = 0; i < 12; i++) {
      data.putInt(i * 1000 + 1);
    }
    Path f = tmp.resolve("be.npy");
    Files.write(f, NpyTest.npy("{'descr': '>i4', 'fortran_order': False, 'shape': (3, 4), }", data.array()));
    try (Checkpoint c = Checkpoint.open(f); HostBuffer dst = HostBuffer.allocate(24)) {
      TensorEntry e = c.entry("be");
      e.readBox(new long[] {0, 1}, new long[] {3, 2}, dst, 0);
      int[] got = new int[6];
      dst.window(0, 24).asIntBuffer().get(got);
      assertArrayEquals(new int[] {1001, 2001, 5001, 6001, 9001, 10001}, got);
      try (InputStream in = e.openData()) {
        NdArray all = NdArray.fromBytes(DType.S32, new long[] {3, 4}, ByteBuffer.wrap(in.readAllBytes()));
        assertEquals(e.load(), all);
        assertEquals(11001, all.getLong(11));
      }
    }
  }

  @Test
  void predBytesAreNormalised() throws IOException {
    Path f = tmp.resolve("p.npy");
    Files.write(f, NpyTest.npy("{'descr': '|b1', 'fortran_order': False, 'shape': (4,), }", NpyTest.bytes(0, 2, 255, 1)));
    try (Checkpoint c = Checkpoint.open(f); HostBuffer dst = HostBuffer.allocate(3)) {
      c.entry("p").readBox(new long[] {1}, new long[] {3}, dst, 0);
      byte[] got = new byte[3];
      dst.window(0, 3).get(got);
      assertArrayEquals(NpyTest.bytes(1, 1, 1), got);
    }
  }

  // ---- one test per error ----

  @Test
  void boxOfAnotherRank() throws IOException {
    TensorEntry a = checkpoint("npz").entry("a");
    try (HostBuffer dst = HostBuffer.allocate(1000)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> a.readBox(new long[] {0, 0}, new long[] {1, 1}, dst, 0));
      assertEquals("readBox of 'a' requires start and size of the tensor's rank 3 (shape (5, 6, 7)), got [0, 0] and "
          + "[1, 1]", e.getMessage());
    }
  }

  @Test
  void boxOutsideTheShape() throws IOException {
    TensorEntry a = checkpoint("npz").entry("a");
    try (HostBuffer dst = HostBuffer.allocate(1000)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> a.readBox(new long[] {0, 5, 0}, new long[] {1, 2, 7}, dst, 0));
      assertEquals("readBox of 'a' requires 0 <= start[i] and start[i] + size[i] <= shape[i] in every dimension, got "
          + "start [0, 5, 0] and size [1, 2, 7] for shape (5, 6, 7) (dimension 1)", e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> a.readBox(new long[] {-1, 0, 0}, new long[] {1, 1, 1}, dst, 0));
      assertThrows(IllegalArgumentException.class, () -> a.readBox(new long[] {0, 0, 0}, new long[] {1, 1, -1}, dst, 0));
    }
  }

  @Test
  void destinationTooSmall() throws IOException {
    TensorEntry a = checkpoint("npz").entry("a");
    try (HostBuffer dst = HostBuffer.allocate(100)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.readInto(dst, 0));
      assertEquals("readBox of 'a' requires dstOffset >= 0 and dstOffset + 840 bytes <= the destination's 100 bytes, "
          + "got dstOffset 0", e.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> a.readBox(new long[] {0, 0, 0}, new long[] {1, 1, 1}, dst, 97));
    }
  }

  @Test
  void closedDestination() throws IOException {
    TensorEntry a = checkpoint("npz").entry("a");
    HostBuffer dst = HostBuffer.allocate(840);
    dst.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.readInto(dst, 0));
    assertEquals("readBox of 'a' requires an open destination, got a closed HostBuffer[840 bytes, closed]",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"npy", "npz", "npz-compressed", "safetensors"})
  void readingAfterCloseIsAnError(String format) throws IOException {
    Map<String, NdArray> m = tensors();
    Path f = tmp.resolve(format.equals("safetensors") ? "t.safetensors" : format.equals("npy") ? "a.npy" : "t.npz");
    if (format.equals("npz")) {
      Npz.write(f, m);
    } else if (format.equals("npz-compressed")) {
      Npz.writeCompressed(f, m);
    } else if (format.equals("safetensors")) {
      Safetensors.write(f, m);
    } else {
      Npy.write(f, m.get("a"));
    }
    Checkpoint c = Checkpoint.open(f);
    TensorEntry a = c.entry("a");
    c.close();
    c.close();
    try (HostBuffer dst = HostBuffer.allocate(840)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.readInto(dst, 0));
      assertEquals("checkpoint " + f + " is closed (reading 'a')", e.getMessage());
      assertThrows(IllegalStateException.class, a::load);
      assertThrows(IllegalStateException.class, a::openData);
    }
  }

  @Test
  void aFileCutAfterOpen() throws IOException {
    Path f = tmp.resolve("w.npy");
    Npy.write(f, NdArray.of(new float[] {1, 2, 3, 4}, 4));
    try (Checkpoint c = Checkpoint.open(f)) {
      try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
        raf.setLength(136);
      }
      CheckpointException e = assertThrows(CheckpointException.class, () -> c.get("w"));
      assertEquals(f + " [w]: truncated: the file ends at byte 136, inside the tensor's data [128, 144)",
          e.getMessage());
      CheckpointException stream = assertThrows(CheckpointException.class, () -> {
        try (InputStream in = c.entry("w").openData()) {
          in.readAllBytes();
        }
      });
      assertEquals(f + " [w]: truncated: the file ends at byte 136, 8 bytes before the end of the data being read",
          stream.getMessage());
    }
  }
}
