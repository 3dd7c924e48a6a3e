package xla4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import xla4j.array.DType;
import xla4j.array.NdArray;

class NpyTest {
  static byte[] write(NdArray a) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, a);
    return out.toByteArray();
  }

  static NdArray read(byte[] b) throws IOException {
    return Npy.read(new ByteArrayInputStream(b), "test.npy");
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void everyDtypeRoundTrips(DType dtype) throws IOException {
    NdArray a = NdArray.fromFloats(dtype, new float[] {0, 1, 2, 3, 4, 5}, 2, 3);
    byte[] bytes = write(a);
    assertEquals(0, (bytes.length - a.byteSize()) % 64, "header padded to 64 bytes");
    assertEquals(a, read(bytes));
  }

  @Test
  void headerIsWhatNumpyWrites() throws IOException {
    byte[] bytes = write(NdArray.of(new float[] {1, 2, 3}, 3));
    String header = new String(bytes, 10, bytes[8] & 0xff, StandardCharsets.ISO_8859_1);
    assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", header.trim());
    assertEquals(0, (10 + (bytes[8] & 0xff)) % 64, "magic + header length is a multiple of 64");
  }

  @Test
  void scalarAndBf16Descr() throws IOException {
    NdArray s = NdArray.scalar(2.5f);
    assertEquals(s, read(write(s)));
    byte[] bf = write(NdArray.fromFloats(DType.BF16, new float[] {1, 2}, 2));
    assertTrue(new String(bf, StandardCharsets.ISO_8859_1).contains("'descr': '<V2'"));
  }

  static byte[] npy(String dict, byte[] data) {
    StringBuilder h = new StringBuilder(dict);
    while ((10 + h.length() + 1) % 64 != 0) {
      h.append(' ');
    }
    h.append('\n');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length(), 0});
    out.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(data);
    return out.toByteArray();
  }

  @Test
  void readsBigEndian() throws IOException {
    NdArray a = read(npy("{'descr': '>i4', 'fortran_order': False, 'shape': (2,), }", new byte[] {0, 0, 0, 1, 0, 0, 1, 0}));
    assertArrayEquals(new int[] {1, 256}, a.toIntArray());
  }

  @Test
  void fortranOrderIsAClearError() {
    IOException e = assertThrows(IOException.class,
        () -> read(npy("{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", new byte[4])));
    assertTrue(e.getMessage().startsWith("test.npy: fortran_order=True arrays are not supported"), e.getMessage());
  }

  @Test
  void unsupportedDtypeIsAClearError() {
    IOException e = assertThrows(IOException.class,
        () -> read(npy("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", new byte[8])));
    assertTrue(e.getMessage().startsWith("test.npy: unsupported .npy dtype descr '<c8'"), e.getMessage());
  }

  @Test
  void truncatedAndNotNpyAreClearErrors() {
    IOException t = assertThrows(IOException.class,
        () -> read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", new byte[4])));
    assertEquals("test.npy: truncated, expected 16 data bytes, got 4", t.getMessage());
    IOException n = assertThrows(IOException.class, () -> read("hello world".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("test.npy is not a .npy file (no \\x93NUMPY magic)", n.getMessage());
  }

  @Test
  void byteCountThatOverflowsALongIsAClearError() {
    // 2^62 f4 elements are 2^64 bytes, which wrapped to 0: the file loaded as an array of 2^62 elements and no data
    IOException wraps = assertThrows(IOException.class,
        () -> read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904,), }", new byte[0])));
    assertEquals("test.npy: shape (4611686018427387904,) of f32 is too large: its byte count overflows a long",
        wraps.getMessage());
    IOException count = assertThrows(IOException.class,
        () -> read(npy("{'descr': '|u1', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", new byte[0])));
    assertEquals("test.npy: shape (4294967296, 4294967296) of u8 is too large: its byte count overflows a long",
        count.getMessage());
  }

  static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  @Test
  void truncatedHeaderLengthIsAClearError() {
    // version 1.0 has a 2-byte header length, 2.0 a 4-byte one; both were read with a BufferUnderflowException
    IOException v1 = assertThrows(IOException.class, () -> read(bytes(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 5)));
    assertEquals("test.npy: truncated .npy header, expected 2 header-length bytes, got 1", v1.getMessage());
    IOException v2 = assertThrows(IOException.class, () -> read(bytes(0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 5, 0, 0)));
    assertEquals("test.npy: truncated .npy header, expected 4 header-length bytes, got 3", v2.getMessage());
  }

  @Test
  void headerLengthOver2GiBIsAClearError() {
    // a u32 length of 0x80000000 was read as a negative int: IllegalArgumentException "len < 0"
    IOException e = assertThrows(IOException.class,
        () -> read(bytes(0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 0, 0, 0, 0x80, '{', '}')));
    assertEquals("test.npy: .npy header length 2147483648 is too large (2 GiB limit)", e.getMessage());
  }

  @Test
  void headerShorterThanItsLengthIsAClearError() {
    byte[] full = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[0]);
    IOException e = assertThrows(IOException.class, () -> read(java.util.Arrays.copyOf(full, 70)));
    assertEquals("test.npy: truncated .npy header, expected 118 bytes, got 60", e.getMessage());
  }

  @Test
  void negativeDimensionIsAClearError() {
    IOException one = assertThrows(IOException.class,
        () -> read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", new byte[4])));
    assertEquals("test.npy: bad shape (-1,) in .npy header: dimensions must be >= 0, got -1", one.getMessage());
    // (-2, -2) has 4 elements, so the byte count matched and only NdArray refused it, without the file name
    IOException two = assertThrows(IOException.class,
        () -> read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-2, -2), }", new byte[16])));
    assertEquals("test.npy: bad shape (-2, -2) in .npy header: dimensions must be >= 0, got -2", two.getMessage());
  }

  @Test
  void boolBytesOtherThanZeroOrOneAreNormalised() throws IOException {
    // NumPy reads any non-zero |b1 byte as True; the raw 2 and 255 used to be kept and sent to the device as such
    NdArray a = read(npy("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", bytes(2, 255, 0)));
    assertEquals(DType.PRED, a.dtype());
    byte[] raw = new byte[3];
    a.data().get(raw);
    assertArrayEquals(bytes(1, 1, 0), raw);
    assertEquals(NdArray.of(new boolean[] {true, true, false}, 3), a);
  }

  @Test
  void bf16IsTheOrderedVoidOnly() throws IOException {
    // np.save writes ml_dtypes.bfloat16 as '<V2' (tools/io_fixtures.py; numpy_savez.npz holds one)
    NdArray bf = read(npy("{'descr': '<V2', 'fortran_order': False, 'shape': (2,), }", bytes(0x80, 0x3f, 0, 0xc0)));
    assertEquals(DType.BF16, bf.dtype());
    assertArrayEquals(new float[] {1, -2}, bf.toFloatArray());
    // a plain NumPy 2-byte void (np.dtype('V2').str == '|V2') is raw bytes, not bf16; it was read as bf16
    IOException e = assertThrows(IOException.class,
        () -> read(npy("{'descr': '|V2', 'fortran_order': False, 'shape': (2,), }", new byte[4])));
    assertEquals("test.npy: .npy dtype descr '|V2' is a plain 2-byte void, not bfloat16 (np.save writes "
        + "ml_dtypes.bfloat16 arrays as '<V2'); save the array as bfloat16 or a numeric dtype", e.getMessage());
  }

  // ---- the header dict, as NumPy 2.x reads it (ast.literal_eval) ----

  @Test
  void aRepeatedHeaderKeyTakesItsLastValueAsNumpyDoes() throws IOException {
    // NumPy evaluates the dict literal: numpy 2.4.6 loads this header as float32, shape (1,)
    byte[] one = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).array();
    NdArray a = read(npy("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), 'shape': (1,), 'descr': '<f4', }",
        one));
    assertEquals(DType.F32, a.dtype());
    assertArrayEquals(new long[] {1}, a.shape());
    assertEquals(1.5, a.getDouble(0));
  }

  @Test
  void doubleQuotesAndPython2LongsAreRead() throws IOException {
    NdArray a = read(npy("{\"descr\": \"<i2\", \"fortran_order\": False, \"shape\": (2L,)}", bytes(1, 0, 2, 0)));
    assertArrayEquals(new int[] {1, 2}, a.toIntArray());
  }

  @Test
  void anExtraHeaderKeyIsRefusedAsNumpyRefusesIt() {
    // NumPy: ValueError: Header does not contain the correct keys: ['descr', 'extra', 'fortran_order', 'shape']
    IOException e = assertThrows(IOException.class,
        () -> read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'extra': 1}", new byte[4])));
    assertEquals("test.npy: .npy header has the keys [descr, extra, fortran_order, shape]; NumPy requires exactly "
        + "descr, fortran_order and shape", e.getMessage());
  }

  @Test
  void aMissingHeaderKey() {
    IOException e = assertThrows(IOException.class,
        () -> read(npy("{'descr': '<f4', 'fortran_order': False}", new byte[4])));
    assertEquals("test.npy: .npy header has no 'shape': {'descr': '<f4', 'fortran_order': False}", e.getMessage());
  }

  @Test
  void fortranOrderThatIsNotABool() {
    IOException e = assertThrows(IOException.class,
        () -> read(npy("{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}", new byte[4])));
    assertEquals("test.npy: .npy header's fortran_order is not a valid bool: 0", e.getMessage());
  }

  @Test
  void shapeThatIsNotATuple() {
    IOException e = assertThrows(IOException.class,
        () -> read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': [1]}", new byte[4])));
    assertEquals("test.npy: .npy header's shape is not a tuple: [1]", e.getMessage());
  }

  @Test
  void structuredDescr() {
    IOException e = assertThrows(IOException.class,
        () -> read(npy("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,)}", new byte[4])));
    assertEquals("test.npy: unsupported .npy dtype descr [('a', '<f4')] (structured dtypes are not supported; "
        + "supported: |b1, |i1, <i2, <i4, <i8, |u1, <u2, <u4, <u8, <f2, <f4, <f8, and <V2 for bfloat16)", e.getMessage());
  }

  /** Found by FuzzTest: "(1, ,)" was read as (1,); Python's literal_eval (so NumPy) refuses it. */
  @Test
  void aShapeWithAnEmptyElementIsRefused() {
    IOException e = assertThrows(IOException.class,
        () -> read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1, ,), }", new byte[4])));
    assertEquals("test.npy: bad shape (1, ,) in .npy header: dimension 1 is empty", e.getMessage());
    IOException comma = assertThrows(IOException.class,
        () -> read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (,), }", new byte[4])));
    assertEquals("test.npy: bad shape (,) in .npy header: dimension 0 is empty", comma.getMessage());
    IOException zero = assertThrows(IOException.class,
        () -> read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (01,), }", new byte[4])));
    assertEquals("test.npy: bad shape (01,) in .npy header: '01' has a leading zero, which Python integers do not "
        + "allow", zero.getMessage());
  }

  @Test
  void trailingCommasAndEmptyTuplesStillRead() throws IOException {
    assertArrayEquals(new long[] {1, 1}, read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1,), }",
        new byte[4])).shape());
    assertArrayEquals(new long[0], read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': ( ), }",
        new byte[4])).shape());
  }

  /**
   * Found by FuzzTest: Java's isWhitespace skips the control characters 0x1c-0x1f, so "'fortran_order':\u001fFalse"
   * was read as False; Python's tokenizer (so NumPy) refuses them.
   */
  @Test
  void controlCharactersAreNotWhitespace() {
    IOException e = assertThrows(IOException.class,
        () -> read(npy("{'descr': '<f4', 'fortran_order':\u001fFalse, 'shape': (1,), }", new byte[4])));
    assertEquals("test.npy: .npy header's fortran_order is not a valid bool: \u001fFalse", e.getMessage());
    IOException key = assertThrows(IOException.class,
        () -> read(npy("{\u001e'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[4])));
    assertEquals("test.npy: cannot parse the .npy header {\u001e'descr': '<f4', 'fortran_order': False, 'shape': "
        + "(1,), } (expected a string key at offset 1)", key.getMessage().stripTrailing());
  }

  @Test
  void aHeaderThatIsNotADict() {
    IOException e = assertThrows(IOException.class,
        () -> read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,)", new byte[4])));
    assertEquals("test.npy: cannot parse the .npy header {'descr': '<f4', 'fortran_order': False, 'shape': (1,) "
        + "(the dict has no closing '}')", e.getMessage());
  }

  // ---- Npy.open: a .npy file as a checkpoint ----

  @org.junit.jupiter.api.io.TempDir
  java.nio.file.Path tmp;

  @Test
  void openReadsTheHeaderAndKeysTheTensorByFileName() throws IOException {
    java.nio.file.Path f = tmp.resolve("weights.npy");
    Npy.write(f, NdArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
    try (Checkpoint c = Npy.open(f)) {
      assertEquals(java.util.List.of("weights"), java.util.List.copyOf(c.keys()));
      assertEquals(f, c.file());
      assertEquals(NdArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3), c.get("weights"));
    }
  }

  @Test
  void openOfATruncatedFile() throws IOException {
    java.nio.file.Path f = tmp.resolve("w.npy");
    java.nio.file.Files.write(f, npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", new byte[4]));
    CheckpointException e = assertThrows(CheckpointException.class, () -> Npy.open(f));
    assertEquals(f + " [w]: truncated, expected 16 data bytes, got 4", e.getMessage());
  }

  @Test
  void openOfAFileThatIsNotNpy() throws IOException {
    java.nio.file.Path f = tmp.resolve("x.npy");
    java.nio.file.Files.writeString(f, "not an array");
    CheckpointException e = assertThrows(CheckpointException.class, () -> Npy.open(f));
    assertEquals(f + " [x]: x.npy is not a .npy file (no \\x93NUMPY magic)", e.getMessage());
  }
}
