package xla4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.DType;
import xla4j.array.NdArray;

class SafetensorsTest {
  @TempDir
  Path tmp;

  /** A file with the given JSON header and data, assembled by hand. */
  Path craft(String name, String json, byte[] data) throws IOException {
    byte[] h = json.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
    out.writeBytes(h);
    out.writeBytes(data);
    Path f = tmp.resolve(name);
    Files.write(f, out.toByteArray());
    return f;
  }

  @Test
  void readsWhatTheReferenceWriterWrites() throws IOException {
    try (Safetensors st = Safetensors.open(NpzTest.resource("reference.safetensors"))) {
      assertEquals(Map.of("format", "np", "source", "io_fixtures.py"), st.metadata());
      assertEquals(13, st.keys().size());
      NpzTest.assertFixtureArrays(st.readAll(), false);
    }
  }

  @Test
  void readsBf16() throws IOException {
    NdArray w = Safetensors.read(NpzTest.resource("bf16.safetensors")).get("w");
    assertEquals(DType.BF16, w.dtype());
    assertArrayEquals(new long[] {2, 3}, w.shape());
    assertArrayEquals(NpzTest.ramp(6, -1.0, 0.5), w.toDoubleArray());
  }

  @Test
  void openReadsTheHeaderOnly() throws IOException {
    try (Safetensors st = Safetensors.open(NpzTest.resource("reference.safetensors"))) {
      TensorEntry e = st.entry("embedding/kernel");
      assertEquals(DType.F32, e.dtype());
      assertArrayEquals(new long[] {2, 2, 3, 4}, e.shape());
      assertEquals(e.load(), st.get("embedding/kernel"));
    }
  }

  @Test
  void openDataStreamsTheRawElements() throws IOException {
    try (Safetensors st = Safetensors.open(NpzTest.resource("reference.safetensors"))) {
      for (TensorEntry e : st.entries().values()) {
        byte[] raw;
        try (var in = e.openData()) {
          raw = in.readAllBytes();
        }
        assertEquals(e.load(), NdArray.fromBytes(e.dtype(), e.shape(), ByteBuffer.wrap(raw)), e.name());
      }
    }
  }

  @Test
  void everyDtypeRoundTripsWithMetadata() throws IOException {
    Map<String, NdArray> m = NpzTest.everyDtype();
    Path f = tmp.resolve("rt.safetensors");
    Safetensors.write(f, m, Map.of("format", "flax"));
    assertEquals(0, (ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN).getLong(0)) % 8,
        "data starts 8-byte aligned");
    try (Safetensors st = Safetensors.open(f)) {
      assertEquals(Map.of("format", "flax"), st.metadata());
      assertEquals(List.copyOf(m.keySet()), List.copyOf(st.keys()));
      assertEquals(m, st.readAll());
    }
  }

  @Test
  void npzAndSafetensorsCarryTheSameArrays() throws IOException {
    Map<String, NdArray> fromNpz = Npz.read(NpzTest.resource("numpy_savez.npz"));
    fromNpz.remove("bf16");
    assertEquals(fromNpz, Safetensors.read(NpzTest.resource("reference.safetensors")));
  }

  @Test
  void boolBytesOtherThanZeroOrOneAreNormalised() throws IOException {
    Path f = craft("bool.safetensors", "{\"p\":{\"dtype\":\"BOOL\",\"shape\":[3],\"data_offsets\":[0,3]}}",
        new byte[] {2, (byte) 255, 0});
    try (Safetensors st = Safetensors.open(f)) {
      try (var in = st.entry("p").openData()) {
        assertArrayEquals(new byte[] {1, 1, 0}, in.readAllBytes(), "openData");
      }
      byte[] raw = new byte[3];
      st.get("p").data().get(raw);
      assertArrayEquals(new byte[] {1, 1, 0}, raw, "load");
    }
  }

  // ---- one test per error ----

  @Test
  void truncatedData() throws IOException {
    byte[] all = Files.readAllBytes(NpzTest.resource("reference.safetensors"));
    Path f = tmp.resolve("cut.safetensors");
    Files.write(f, Arrays.copyOf(all, all.length - 10));
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertTrue(e.getMessage().matches(".*\\[.+\\]: truncated: data_offsets end at \\d+ but the file holds only \\d+ "
        + "data bytes"), e.getMessage());
  }

  @Test
  void truncatedHeader() throws IOException {
    byte[] all = Files.readAllBytes(NpzTest.resource("reference.safetensors"));
    Path f = tmp.resolve("cut.safetensors");
    Files.write(f, Arrays.copyOf(all, 100));
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertTrue(e.getMessage().startsWith(f + ": truncated: header length is "), e.getMessage());
    assertTrue(e.getMessage().endsWith(" bytes but only 92 bytes follow it"), e.getMessage());
  }

  @Test
  void tooShortForTheLength() throws IOException {
    Path f = tmp.resolve("tiny.safetensors");
    Files.write(f, new byte[] {1, 2, 3});
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertEquals(f + ": truncated: 3 bytes, too short for the 8-byte header length", e.getMessage());
  }

  @Test
  void badMagic() {
    Path f = NpzTest.resource("numpy_savez.npz");
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertTrue(e.getMessage().startsWith(f + ": bad magic: header length "), e.getMessage());
    assertTrue(e.getMessage().endsWith(" is not plausible, not a .safetensors file (it starts like a zip / .npz "
        + "archive)"), e.getMessage());
  }

  @Test
  void headerThatIsNotJson() throws IOException {
    Path f = craft("x.safetensors", "hello world!", new byte[0]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertEquals(f + ": bad magic: the header does not start with '{', not a .safetensors file", e.getMessage());
  }

  @Test
  void unknownDtype() throws IOException {
    Path f = craft("f8.safetensors", "{\"w\":{\"dtype\":\"F8_E4M3\",\"shape\":[2],\"data_offsets\":[0,2]}}", new byte[2]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertEquals("w", e.key());
    assertEquals(f + " [w]: unsupported dtype 'F8_E4M3' (supported: F64, F32, F16, BF16, I64, I32, I16, I8, U64, "
        + "U32, U16, U8, BOOL)", e.getMessage());
  }

  @Test
  void shapeAndByteCountDisagree() throws IOException {
    Path f = craft("bad.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}",
        new byte[20]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertEquals(f + " [w]: shape (2, 3) of F32 needs 24 bytes, but data_offsets [0, 20] hold 20", e.getMessage());
  }

  @Test
  void byteCountThatOverflowsALong() throws IOException {
    // 2^62 F32 elements are 2^64 bytes, which wrapped to 0 and matched data_offsets [0, 0]
    Path wraps = craft("wraps.safetensors",
        "{\"w\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904],\"data_offsets\":[0,0]}}", new byte[0]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(wraps));
    assertEquals("w", e.key());
    assertEquals(wraps + " [w]: shape (4611686018427387904,) of F32 is too large: its byte count overflows a long",
        e.getMessage());
    Path count = craft("count.safetensors",
        "{\"w\":{\"dtype\":\"U8\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,0]}}", new byte[0]);
    CheckpointException c = assertThrows(CheckpointException.class, () -> Safetensors.open(count));
    assertEquals(count + " [w]: shape (4294967296, 4294967296) of U8 is too large: its byte count overflows a long",
        c.getMessage());
  }

  @Test
  void overlappingTensors() throws IOException {
    Path f = craft("overlap.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertEquals(f + " [b]: data_offsets [4, 8] overlap those of 'a'", e.getMessage());
  }

  @Test
  void unusedBytes() throws IOException {
    Path gap = craft("gap.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
        new byte[8]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(gap));
    assertEquals(gap + " [a]: data_offsets start at 4, leaving 4 bytes unused before them", e.getMessage());
    Path tail = craft("tail.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
        new byte[8]);
    CheckpointException t = assertThrows(CheckpointException.class, () -> Safetensors.open(tail));
    assertEquals(tail + ": 4 bytes after the last tensor's data (the header describes 4 of 8 data bytes)",
        t.getMessage());
  }

  @Test
  void malformedEntry() throws IOException {
    Path f = craft("bad.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}", new byte[8]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertEquals(f + " [w]: header entry lacks \"data_offsets\" (it has [dtype, shape])", e.getMessage());
    Path noType = craft("notype.safetensors", "{\"w\":{\"shape\":[2],\"data_offsets\":[0,8]}}", new byte[8]);
    assertEquals(noType + " [w]: header entry lacks \"dtype\" (it has [shape, data_offsets])",
        assertThrows(CheckpointException.class, () -> Safetensors.open(noType)).getMessage());
    Path numType = craft("numtype.safetensors", "{\"w\":{\"dtype\":7,\"shape\":[2],\"data_offsets\":[0,8]}}",
        new byte[8]);
    assertEquals(numType + " [w]: dtype must be a string, got 7",
        assertThrows(CheckpointException.class, () -> Safetensors.open(numType)).getMessage());
    Path notObject = craft("list.safetensors", "{\"w\":[1,2]}", new byte[8]);
    assertEquals(notObject + " [w]: header entry must be an object {\"dtype\", \"shape\", \"data_offsets\"}, got [1,2]",
        assertThrows(CheckpointException.class, () -> Safetensors.open(notObject)).getMessage());
    Path shapeObject = craft("shapeobj.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":{},\"data_offsets\":[0,8]}}",
        new byte[8]);
    assertEquals(shapeObject + " [w]: shape must be an array, got {}",
        assertThrows(CheckpointException.class, () -> Safetensors.open(shapeObject)).getMessage());
  }

  @Test
  void metadataThatIsNotAnObjectOfStrings() throws IOException {
    // a list was read with getAsJsonObject: IllegalStateException "Not a JSON Object", without the file name
    Path list = craft("list.safetensors", "{\"__metadata__\":[1,2],"
        + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(list));
    assertEquals("__metadata__", e.key());
    assertEquals(list + " [__metadata__]: must be a JSON object of strings, got [1,2]", e.getMessage());
    Path nested = craft("nested.safetensors", "{\"__metadata__\":{\"format\":{\"a\":1}},"
        + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]);
    CheckpointException n = assertThrows(CheckpointException.class, () -> Safetensors.open(nested));
    assertEquals(nested + " [__metadata__]: value of 'format' must be a string, got {\"a\":1}", n.getMessage());
  }

  @Test
  void nonIntegerShapeOrOffset() throws IOException {
    // Gson's getAsLong truncated 2.5 to 2, so this loaded as a 2-element tensor
    Path f = craft("half.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[2.5],\"data_offsets\":[0,8]}}",
        new byte[8]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertEquals("w", e.key());
    assertEquals(f + " [w]: shape must hold whole numbers below 2^63, got 2.5", e.getMessage());
    Path off = craft("off.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8.5]}}",
        new byte[8]);
    CheckpointException o = assertThrows(CheckpointException.class, () -> Safetensors.open(off));
    assertEquals(off + " [w]: data_offsets must hold whole numbers below 2^63, got 8.5", o.getMessage());
  }

  @Test
  void missingKey() throws IOException {
    try (Safetensors st = Safetensors.open(NpzTest.resource("reference.safetensors"))) {
      CheckpointException e = assertThrows(CheckpointException.class, () -> st.entry("img/embedding/kernel"));
      assertEquals(st.file() + " [img/embedding/kernel]: no such key among the file's 13 keys; similar: "
          + "[Transformer/encoderblock_0/MlpBlock_0/Dense_0/kernel, embedding/kernel]", e.getMessage());
    }
  }

  // ---- hostile headers: each a CheckpointException naming the file (and the key, where there is one) ----

  @Test
  void invalidUtf8InTheHeader() throws IOException {
    // the reference reader: "invalid UTF-8 in header"; read leniently, the name became "w\uFFFD"
    byte[] h = "{\"w?\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}".getBytes(StandardCharsets.US_ASCII);
    h[3] = (byte) 0xff;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
    out.writeBytes(h);
    out.write(1);
    Path f = tmp.resolve("utf8.safetensors");
    Files.write(f, out.toByteArray());
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertEquals(f + ": header is not valid UTF-8: 1 malformed byte(s) at header byte 3 (tensor names must be UTF-8)",
        e.getMessage());
  }

  @Test
  void aKeyGivenTwice() throws IOException {
    Path f = craft("twice.safetensors", "{\"w\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]},"
        + "\"w\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[1,2]}}", new byte[2]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertEquals("w", e.key());
    assertEquals(f + " [w]: key appears twice in the header", e.getMessage());
  }

  @Test
  void aFieldGivenTwice() throws IOException {
    Path f = craft("field.safetensors", "{\"w\":{\"dtype\":\"U8\",\"dtype\":\"I8\",\"shape\":[1],"
        + "\"data_offsets\":[0,1]}}", new byte[1]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertEquals(f + " [w]: field 'dtype' appears twice in the header", e.getMessage());
  }

  @Test
  void headerEntriesInAnotherOrderThanTheirData() throws IOException {
    // the reference reader sorts the ranges before checking that they tile the data; so do we
    Path f = craft("order.safetensors", "{\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[1,2]},"
        + "\"b\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}", new byte[] {7, 9});
    try (Safetensors st = Safetensors.open(f)) {
      assertEquals(List.of("a", "b"), List.copyOf(st.keys()));
      assertEquals(9, st.get("a").getLong(0));
      assertEquals(7, st.get("b").getLong(0));
    }
  }

  @Test
  void reversedDataOffsets() throws IOException {
    Path f = craft("reversed.safetensors", "{\"w\":{\"dtype\":\"U8\",\"shape\":[0],\"data_offsets\":[4,0]}}",
        new byte[4]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertEquals(f + " [w]: data_offsets [4, 0] must satisfy 0 <= begin <= end", e.getMessage());
  }

  @Test
  void dataOffsetsBeyondTheFile() throws IOException {
    Path f = craft("beyond.safetensors", "{\"w\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]}}",
        new byte[2]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertEquals(f + " [w]: truncated: data_offsets end at 4 but the file holds only 2 data bytes", e.getMessage());
  }

  @Test
  void headerLengthBeyondTheFile() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array());
    out.writeBytes("{}".getBytes(StandardCharsets.US_ASCII));
    Path f = tmp.resolve("length.safetensors");
    Files.write(f, out.toByteArray());
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertEquals(f + ": truncated: header length is 1000 bytes but only 2 bytes follow it", e.getMessage());
  }

  @Test
  void textAfterTheJson() throws IOException {
    Path f = craft("after.safetensors", "{\"w\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}} x",
        new byte[1]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertTrue(e.getMessage().startsWith(f + ": header is not a JSON object: "), e.getMessage());
  }

  @Test
  void lenientJsonIsRefused() throws IOException {
    // Gson's default parser took single quotes and comments; the reference reader (serde_json) does not
    Path f = craft("lenient.safetensors", "{'w':{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}",
        new byte[1]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.open(f));
    assertTrue(e.getMessage().startsWith(f + ": header is not a JSON object: "), e.getMessage());
  }

  @Test
  void spacePaddingAfterTheJsonIsFine() throws IOException {
    Path f = craft("pad.safetensors", "{\"w\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}    ",
        new byte[] {5});
    try (Safetensors st = Safetensors.open(f)) {
      assertEquals(5, st.get("w").getLong(0));
    }
  }
}
