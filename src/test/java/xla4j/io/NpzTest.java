package xla4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xla4j.array.DType;
import xla4j.array.NdArray;

class NpzTest {
  @TempDir
  Path tmp;

  static Path resource(String name) {
    try {
      return Path.of(NpzTest.class.getResource("/io/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** tools/io_fixtures.py: value(i) = i * step + start. */
  static double[] ramp(int n, double start, double step) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i * step + start;
    }
    return v;
  }

  static void assertFixtureArrays(Map<String, NdArray> m, boolean withBf16) {
    NdArray scale = m.get("Transformer/encoder_norm/scale");
    assertEquals(DType.F32, scale.dtype());
    assertArrayEquals(new long[] {4}, scale.shape());
    assertArrayEquals(ramp(4, 1.0, 0.25), scale.toDoubleArray());
    NdArray kernel = m.get("Transformer/encoderblock_0/MlpBlock_0/Dense_0/kernel");
    assertArrayEquals(new long[] {2, 3}, kernel.shape());
    assertArrayEquals(ramp(6, -1.0, 0.5), kernel.toDoubleArray());
    NdArray emb = m.get("embedding/kernel");
    assertArrayEquals(new long[] {2, 2, 3, 4}, emb.shape());
    assertArrayEquals(ramp(48, -2.0, 1 / 16.0), emb.toDoubleArray());
    assertArrayEquals(ramp(3, 0.5, 1.5), m.get("f64").toDoubleArray());
    assertEquals(DType.F64, m.get("f64").dtype());
    assertEquals(DType.F16, m.get("f16").dtype());
    assertArrayEquals(ramp(4, -1.0, 0.75), m.get("f16").toDoubleArray());
    assertEquals(DType.S8, m.get("i8").dtype());
    assertArrayEquals(new long[] {-2, -1, 0, 1, 2}, m.get("i8").toLongArray());
    assertEquals(DType.S16, m.get("i16").dtype());
    assertArrayEquals(new long[] {-300, 400}, m.get("i16").toLongArray());
    assertEquals(DType.S32, m.get("i32").dtype());
    assertArrayEquals(new long[] {-70000, 0, 70000}, m.get("i32").toLongArray());
    assertEquals(DType.S64, m.get("i64").dtype());
    assertArrayEquals(new long[] {-5_000_000_000_000L, 5_000_000_000_000L}, m.get("i64").toLongArray());
    assertEquals(DType.U8, m.get("u8").dtype());
    assertArrayEquals(new long[] {250, 251, 252, 253}, m.get("u8").toLongArray());
    assertEquals(DType.PRED, m.get("bool").dtype());
    assertArrayEquals(new boolean[] {false, true, false}, m.get("bool").toBooleanArray());
    assertEquals(0, m.get("scalar").rank());
    assertEquals(3.5, m.get("scalar").getDouble(0));
    assertArrayEquals(new long[] {0, 3}, m.get("empty").shape());
    if (withBf16) {
      assertEquals(DType.BF16, m.get("bf16").dtype());
      assertArrayEquals(ramp(3, -1.0, 0.5), m.get("bf16").toDoubleArray());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"numpy_savez.npz", "numpy_savez_compressed.npz"})
  void readsWhatNumpyWrites(String name) throws IOException {
    Map<String, NdArray> m = Npz.read(resource(name));
    assertEquals(14, m.size());
    assertFixtureArrays(m, true);
  }

  @Test
  void openReadsHeadersOnlyAndKeepsArchiveOrder() throws IOException {
    try (Npz npz = Npz.open(resource("numpy_savez.npz"))) {
      List<String> keys = List.copyOf(npz.keys());
      assertEquals("Transformer/encoder_norm/scale", keys.get(0));
      assertEquals("bf16", keys.get(keys.size() - 1));
      TensorEntry e = npz.entry("embedding/kernel");
      assertEquals(DType.F32, e.dtype());
      assertArrayEquals(new long[] {2, 2, 3, 4}, e.shape());
      assertEquals(192, e.byteSize());
      assertEquals("embedding/kernel: f32[2, 2, 3, 4]", e.toString());
      assertEquals(e.load(), e.load());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"numpy_savez.npz", "numpy_savez_compressed.npz"})
  void openDataStreamsTheRawElements(String name) throws IOException {
    try (Npz npz = Npz.open(resource(name))) {
      for (TensorEntry e : npz.entries().values()) {
        byte[] raw;
        try (var in = e.openData()) {
          raw = in.readAllBytes();
        }
        assertEquals(e.load(), NdArray.fromBytes(e.dtype(), e.shape(), java.nio.ByteBuffer.wrap(raw)), e.name());
      }
    }
  }

  static Map<String, NdArray> everyDtype() {
    Map<String, NdArray> m = new LinkedHashMap<>();
    for (DType t : DType.values()) {
      m.put("params/" + t.xlaName() + "/kernel", NdArray.fromFloats(t, new float[] {0, 1, 2, 3, 4, 5}, 3, 2));
    }
    m.put("scalar", NdArray.scalar(-1.25f));
    m.put("empty", NdArray.zeros(DType.BF16, 0, 7));
    return m;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void everyDtypeRoundTrips(boolean compressed) throws IOException {
    Map<String, NdArray> m = everyDtype();
    Path f = tmp.resolve("rt.npz");
    if (compressed) {
      Npz.writeCompressed(f, m);
    } else {
      Npz.write(f, m);
    }
    Map<String, NdArray> back = Npz.read(f);
    assertEquals(List.copyOf(m.keySet()), List.copyOf(back.keySet()));
    assertEquals(m, back);
    try (var files = Files.list(tmp)) {
      assertEquals(List.of(f), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void rewritingTheFixtureGivesTheSameArrays() throws IOException {
    Map<String, NdArray> m = Npz.read(resource("numpy_savez.npz"));
    Path f = tmp.resolve("again.npz");
    Npz.write(f, m);
    assertEquals(m, Npz.read(f));
  }

  @Test
  void moreThan65535MembersUseZip64Records() throws IOException {
    Map<String, NdArray> m = new LinkedHashMap<>();
    for (int i = 0; i < 70_000; i++) {
      m.put("p/" + i, NdArray.of(new int[] {i}, 1));
    }
    Path f = tmp.resolve("many.npz");
    Npz.write(f, m);
    try (Npz npz = Npz.open(f)) {
      assertEquals(70_000, npz.keys().size());
      assertArrayEquals(new int[] {69_999}, npz.get("p/69999").toIntArray());
    }
  }

  @Test
  void badKeysAreRefusedWhenWriting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Npz.write(tmp.resolve("x.npz"), Map.of("a//b", NdArray.scalar(1))));
    assertEquals("checkpoint keys must be non-empty '/'-separated names without empty parts, got 'a//b'",
        e.getMessage());
  }

  // ---- one test per error ----

  @Test
  void truncatedFile() throws IOException {
    byte[] all = Files.readAllBytes(resource("numpy_savez.npz"));
    Path f = tmp.resolve("cut.npz");
    Files.write(f, Arrays.copyOf(all, all.length / 2));
    CheckpointException e = assertThrows(CheckpointException.class, () -> Npz.open(f));
    assertTrue(e.getMessage().startsWith(f + ": truncated or corrupt zip archive ("), e.getMessage());
    assertEquals(f, e.file());
  }

  @Test
  void badMagic() throws IOException {
    Path f = tmp.resolve("text.npz");
    Files.writeString(f, "hello, not a zip");
    CheckpointException e = assertThrows(CheckpointException.class, () -> Npz.open(f));
    assertEquals(f + ": bad magic: not an .npz (zip) archive", e.getMessage());
  }

  @Test
  void aSingleNpyIsNamedAsSuch() throws IOException {
    Path f = tmp.resolve("one.npz");
    Npy.write(f, NdArray.scalar(1));
    CheckpointException e = assertThrows(CheckpointException.class, () -> Npz.open(f));
    assertEquals(f + ": bad magic: not an .npz (zip) archive; it is a single .npy array, read it with Npy.read",
        e.getMessage());
  }

  @Test
  void unknownDtype() {
    Path f = resource("complex.npz");
    CheckpointException e = assertThrows(CheckpointException.class, () -> Npz.open(f));
    assertEquals("bad/c64", e.key());
    assertTrue(e.getMessage().startsWith(f + " [bad/c64]: bad/c64.npy: unsupported .npy dtype descr '<c8'"),
        e.getMessage());
  }

  @Test
  void shapeAndByteCountDisagree() throws IOException {
    Path f = tmp.resolve("short.npz");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      z.putNextEntry(new ZipEntry("w.npy"));
      z.write(NpyTest.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", new byte[12]));
      z.closeEntry();
    }
    CheckpointException e = assertThrows(CheckpointException.class, () -> Npz.open(f));
    assertEquals(f + " [w]: shape (2, 2) of f32 needs 16 data bytes, but the member holds 12", e.getMessage());
  }

  @Test
  void byteCountThatOverflowsALong() throws IOException {
    Path f = tmp.resolve("huge.npz");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      z.putNextEntry(new ZipEntry("w.npy"));
      z.write(NpyTest.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904,), }", new byte[0]));
      z.closeEntry();
    }
    CheckpointException e = assertThrows(CheckpointException.class, () -> Npz.open(f));
    assertEquals("w", e.key());
    assertEquals(f + " [w]: w.npy: shape (4611686018427387904,) of f32 is too large: its byte count overflows a long",
        e.getMessage());
  }

  @Test
  void negativeDimension() throws IOException {
    // (-2, -2) has 4 elements: open listed it as f32[-2, -2] and load failed without the file name
    Path f = tmp.resolve("negative.npz");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      z.putNextEntry(new ZipEntry("w.npy"));
      z.write(NpyTest.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-2, -2), }", new byte[16]));
      z.closeEntry();
    }
    CheckpointException e = assertThrows(CheckpointException.class, () -> Npz.open(f));
    assertEquals("w", e.key());
    assertEquals(f + " [w]: w.npy: bad shape (-2, -2) in .npy header: dimensions must be >= 0, got -2", e.getMessage());
  }

  @Test
  void truncatedNpyHeaderLength() throws IOException {
    Path f = tmp.resolve("cut.npz");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      z.putNextEntry(new ZipEntry("w.npy"));
      z.write(NpyTest.bytes(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 5));
      z.closeEntry();
    }
    CheckpointException e = assertThrows(CheckpointException.class, () -> Npz.open(f));
    assertEquals(f + " [w]: w.npy: truncated .npy header, expected 2 header-length bytes, got 1", e.getMessage());
  }

  @Test
  void memberThatIsNotNpy() throws IOException {
    Path f = tmp.resolve("junk.npz");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      z.putNextEntry(new ZipEntry("notes.txt"));
      z.write("plain text".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      z.closeEntry();
    }
    CheckpointException e = assertThrows(CheckpointException.class, () -> Npz.open(f));
    assertEquals(f + " [notes.txt]: notes.txt is not a .npy file (no \\x93NUMPY magic)", e.getMessage());
  }

  @Test
  void missingKey() throws IOException {
    try (Npz npz = Npz.open(resource("numpy_savez.npz"))) {
      CheckpointException e = assertThrows(CheckpointException.class, () -> npz.get("params/encoder_norm/scale"));
      assertEquals("params/encoder_norm/scale", e.key());
      assertEquals(npz.file() + " [params/encoder_norm/scale]: no such key among the file's 14 keys; similar: "
          + "[Transformer/encoder_norm/scale]", e.getMessage());
      assertFalse(npz.contains("params/encoder_norm/scale"));
    }
  }

  @Test
  void emptyFile() throws IOException {
    Path f = tmp.resolve("empty.npz");
    Files.write(f, new byte[0]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Npz.open(f));
    assertEquals(f + ": empty file, not an .npz archive", e.getMessage());
  }

}
