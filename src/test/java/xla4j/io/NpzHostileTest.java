package xla4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.HostBuffer;

/**
 * Damaged and hostile {@code .npz} archives, written field by field ({@link ZipBytes}); each is refused with an
 * exception naming the file and the member. The comment on each test says what NumPy 2.4.6 does with the same
 * archive (np.load, and Python 3.13's zipfile reading every member): most it refuses too; a few it loads, which
 * we refuse on purpose (a lying size field, a member named '/', zip64 and end records that disagree).
 */
class NpzHostileTest {
  @TempDir
  Path tmp;

  /** An f4 array of {@code n} elements 0.5, 1.5, ...: a 128-byte .npy header and 4n data bytes. */
  static byte[] npy(int n) {
    byte[] data = new byte[4 * n];
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      b.putFloat(i + 0.5f);
    }
    return NpyTest.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (" + n + ",), }", data);
  }

  Path write(String name, ZipBytes zip) throws IOException {
    Path f = tmp.resolve(name);
    Files.write(f, zip.build());
    return f;
  }

  static CheckpointException openFails(Path f) {
    return assertThrows(CheckpointException.class, () -> Npz.open(f).close());
  }

  static CheckpointException loadFails(Path f, String key) throws IOException {
    try (Npz npz = Npz.open(f)) {
      return assertThrows(CheckpointException.class, () -> npz.get(key));
    }
  }

  @Test
  void whatTheBuilderWritesLoads() throws IOException {
    ZipBytes zip = new ZipBytes();
    zip.stored("s.npy", npy(2));
    zip.deflated("d.npy", npy(3));
    try (Npz npz = Npz.open(write("ok.npz", zip))) {
      assertArrayEquals(new float[] {0.5f, 1.5f}, npz.get("s").toFloatArray());
      assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f}, npz.get("d").toFloatArray());
    }
  }

  // ---- CRC-32 ----

  @Test
  void aCorruptedByteInAStoredMember() throws IOException {
    // NumPy: BadZipFile Bad CRC-32 for file 'w.npy'
    byte[] content = npy(2);
    ZipBytes zip = new ZipBytes();
    ZipBytes.Member m = zip.stored("w.npy", content);
    m.data = content.clone();
    m.data[130] ^= 0x10; // a data byte; the directory keeps the CRC of the original
    long bad = ZipBytes.crc(m.data);
    Path f = write("crc.npz", zip);
    String expected = f + " [w]: " + String.format("Bad CRC-32 for member 'w.npy' (the data's is %08x, the zip "
        + "directory records %08x): the archive is corrupt", bad, m.crc);
    assertEquals(expected, loadFails(f, "w").getMessage(), "a whole read");
    try (Npz npz = Npz.open(f); HostBuffer dst = HostBuffer.allocate(4)) {
      TensorEntry e = npz.entry("w");
      CheckpointException box = assertThrows(CheckpointException.class,
          () -> e.readBox(new long[] {1}, new long[] {1}, dst, 0));
      assertEquals(expected, box.getMessage(), "a partial read checks the whole member first");
      CheckpointException stream = assertThrows(CheckpointException.class, e::openData);
      assertEquals(expected, stream.getMessage(), "openData checks the member first");
    }
  }

  @Test
  void aDeflatedMemberWhoseCrcDisagrees() throws IOException {
    // NumPy: BadZipFile Bad CRC-32 for file 'w.npy'
    ZipBytes zip = new ZipBytes();
    ZipBytes.Member m = zip.deflated("w.npy", npy(2));
    m.centralCrc = m.crc ^ 0xff;
    Path f = write("crc.npz", zip);
    assertEquals(f + " [w]: " + String.format("Bad CRC-32 for member 'w.npy' (the data's is %08x, the zip directory "
        + "records %08x): the archive is corrupt", m.crc, m.centralCrc), loadFails(f, "w").getMessage());
  }

  @Test
  void aFirstPartialReadVerifiesOnceAndGivesTheRightBytes() throws IOException {
    ZipBytes zip = new ZipBytes();
    zip.stored("s.npy", npy(100));
    zip.deflated("d.npy", npy(100));
    try (Npz npz = Npz.open(write("ok.npz", zip)); HostBuffer dst = HostBuffer.allocate(8)) {
      for (String key : new String[] {"s", "d"}) {
        for (int round = 0; round < 2; round++) { // unverified, then verified
          npz.entry(key).readBox(new long[] {97}, new long[] {2}, dst, 0);
          assertEquals(97.5f, dst.window(0, 8).getFloat(0), key);
          assertEquals(98.5f, dst.window(0, 8).getFloat(4), key);
        }
      }
    }
  }

  // ---- names NumPy would not load ----

  @Test
  void aMemberNamedSlash() throws IOException {
    // NumPy loads it as the key '/'; we refuse it rather than drop or guess
    ZipBytes zip = new ZipBytes();
    zip.stored("w.npy", npy(1));
    zip.stored("/", npy(1));
    Path f = write("slash.npz", zip);
    assertEquals(f + " [/]: member '/' is a directory or has no name; an .npz holds one .npy member per array "
        + "(name.npy)", openFails(f).getMessage());
  }

  @Test
  void aMemberWithAnEmptyKey() throws IOException {
    // NumPy loads it as the key ''
    ZipBytes zip = new ZipBytes();
    zip.stored(".npy", npy(1));
    Path f = write("empty.npz", zip);
    assertEquals(f + " [.npy]: member '.npy' is a directory or has no name; an .npz holds one .npy member per array "
        + "(name.npy)", openFails(f).getMessage());
  }

  // ---- sizes that lie ----

  @Test
  void aDeflatedMemberLongerThanItsSizeField() throws IOException {
    // NumPy reads the declared 136 bytes only (whose CRC matches) and loads it; we refuse a size field that lies
    byte[] content = npy(2);
    byte[] longer = java.util.Arrays.copyOf(content, content.length + 8); // 8 bytes past the declared size
    ZipBytes zip = new ZipBytes();
    ZipBytes.Member m = zip.deflated("w.npy", longer);
    m.centralSize = content.length;
    m.centralCrc = ZipBytes.crc(content);
    Path f = write("long.npz", zip);
    try (Npz npz = Npz.open(f)) {
      TensorEntry e = npz.entry("w");
      assertEquals(8, e.byteSize());
      CheckpointException stream = assertThrows(CheckpointException.class, e::openData);
      assertEquals(f + " [w]: member 'w.npy' inflates to more than the 136 bytes its zip entry declares",
          stream.getMessage());
      CheckpointException load = assertThrows(CheckpointException.class, e::load);
      assertEquals(stream.getMessage(), load.getMessage());
    }
  }

  @Test
  void aDeflatedMemberShorterThanItsSizeField() throws IOException {
    // NumPy: ValueError EOF: reading array data, expected 16 bytes got 8
    // the header says 4 elements (16 bytes) and the size field agrees (144), but only 8 data bytes inflate
    byte[] four = npy(4);
    byte[] content = java.util.Arrays.copyOf(four, four.length - 8);
    ZipBytes zip = new ZipBytes();
    ZipBytes.Member m = zip.deflated("w.npy", content);
    m.centralSize = four.length;
    Path f = write("short.npz", zip);
    assertEquals(f + " [w]: truncated: member 'w.npy' inflates to 136 bytes, but its zip entry declares 144",
        loadFails(f, "w").getMessage());
  }

  @Test
  void compressedDataCutShort() throws IOException {
    // NumPy: BadZipFile Bad CRC-32 for file 'w.npy'
    byte[] content = npy(64);
    java.util.Random r = new java.util.Random(1);
    for (int i = 128; i < content.length; i++) {
      content[i] = (byte) r.nextInt(); // incompressible: the cut loses data bytes, not the header
    }
    ZipBytes zip = new ZipBytes();
    ZipBytes.Member m = zip.deflated("w.npy", content);
    m.centralCompressedSize = m.compressedSize - 16;
    Path f = write("cut.npz", zip);
    CheckpointException e = loadFails(f, "w");
    assertEquals(f + " [w]: truncated: member 'w.npy' ends inside its compressed data", e.getMessage());
    assertEquals("w", e.key());
    assertInstanceOf(EOFException.class, e.getCause());
    try (Npz npz = Npz.open(f)) {
      CheckpointException stream = assertThrows(CheckpointException.class, () -> npz.entry("w").openData());
      assertEquals(e.getMessage(), stream.getMessage());
    }
  }

  // ---- archives NumPy's zipfile refuses ----

  @Test
  void overlappingMembers() throws IOException {
    // NumPy (zipfile of Python 3.12+): BadZipFile Overlapped entries: 'a.npy' (possible zip bomb)
    ZipBytes zip = new ZipBytes();
    ZipBytes.Member a = zip.stored("a.npy", npy(2));
    zip.stored("b.npy", npy(2));
    a.centralSize = a.centralCompressedSize = 176; // a's data would run 40 bytes into b's local header
    Path f = write("overlap.npz", zip);
    assertEquals(f + " [a]: member 'a.npy' overlaps member 'b.npy': its data [35, 211) runs past that member's local "
        + "header at 171 (overlapping members are refused, as NumPy's zipfile refuses them: a possible zip bomb)",
        openFails(f).getMessage());
  }

  @Test
  void twoMembersAtTheSameOffset() throws IOException {
    // NumPy (zipfile of Python 3.12+): BadZipFile Overlapped entries: 'a.npy' (possible zip bomb)
    ZipBytes zip = new ZipBytes();
    zip.stored("a.npy", npy(2));
    ZipBytes.Member b = zip.stored("b.npy", npy(2));
    b.localName = "a.npy";
    b.name = "a.npy";
    b.centralOffset = 0L; // both directory entries point at a's header: the classic zip bomb
    Path f = write("bomb.npz", zip);
    assertEquals(f + " [a]: member 'a.npy' overlaps member 'a.npy': its data [35, 171) runs past that member's local "
        + "header at 0 (overlapping members are refused, as NumPy's zipfile refuses them: a possible zip bomb)",
        openFails(f).getMessage());
  }

  @Test
  void sizesBeyondTheFile() throws IOException {
    // NumPy (zipfile of Python 3.12+): BadZipFile Overlapped entries: 'w.npy' (possible zip bomb)
    ZipBytes zip = new ZipBytes();
    ZipBytes.Member m = zip.stored("w.npy", npy(2));
    m.centralSize = m.centralCompressedSize = 10_000;
    Path f = write("beyond.npz", zip);
    assertEquals(f + " [w]: member 'w.npy' claims 10000 bytes of data at 35, past the start of the central directory "
        + "at 171 (the sizes in the zip directory are beyond the file)", openFails(f).getMessage());
  }

  @Test
  void storedMemberWhoseSizesDisagree() throws IOException {
    // NumPy: BadZipFile Bad CRC-32 for file 'w.npy'
    ZipBytes zip = new ZipBytes();
    ZipBytes.Member m = zip.stored("w.npy", npy(2));
    m.centralCompressedSize = 100;
    Path f = write("sizes.npz", zip);
    assertEquals(f + " [w]: member 'w.npy' is stored, but its compressed size 100 differs from its size 136",
        openFails(f).getMessage());
  }

  @Test
  void zip64ExtraFieldWithoutTheCompressedSize() throws IOException {
    // NumPy: BadZipFile Corrupt zip64 extra field. Compress size not found.
    ZipBytes zip = new ZipBytes();
    ZipBytes.Member m = zip.stored("w.npy", npy(2));
    m.zip64Extra = ZipBytes.zip64Extra(136); // the directory's sizes are 0xFFFFFFFF; only one 8-byte value follows
    Path f = write("zip64.npz", zip);
    assertEquals(f + " [w]: member 'w.npy' has a corrupt zip64 extra field: compressed size not found",
        openFails(f).getMessage());
  }

  @Test
  void zip64ExtraFieldIsRead() throws IOException {
    ZipBytes zip = new ZipBytes();
    ZipBytes.Member m = zip.stored("w.npy", npy(2));
    m.zip64Extra = ZipBytes.zip64Extra(136, 136);
    zip.zip64 = true;
    try (Npz npz = Npz.open(write("zip64.npz", zip))) {
      assertArrayEquals(new float[] {0.5f, 1.5f}, npz.get("w").toFloatArray());
    }
  }

  @Test
  void zip64EndRecordsThatDisagree() throws IOException {
    // NumPy takes the zip64 record's values and loads it; we refuse records that disagree
    ZipBytes zip = new ZipBytes();
    zip.stored("w.npy", npy(2));
    zip.zip64 = true;
    zip.zip64Count = 2L;
    Path f = write("count.npz", zip);
    assertEquals(f + ": truncated or corrupt zip archive (inconsistent zip64 records: zip64 end record counts 2 "
        + "members, the end record 1)", openFails(f).getMessage());
  }

  @Test
  void zip64LocatorPointingElsewhere() throws IOException {
    // NumPy ignores the locator's offset and loads it; we refuse records that disagree
    ZipBytes zip = new ZipBytes();
    zip.stored("w.npy", npy(2));
    zip.zip64 = true;
    zip.zip64LocatorOffset = 5L;
    Path f = write("locator.npz", zip);
    assertEquals(f + ": truncated or corrupt zip archive (inconsistent zip64 records: zip64 end of central directory "
        + "locator points at 5, but the record follows the central directory [171, 222))", openFails(f).getMessage());
  }

  @Test
  void memberCountThatDisagrees() throws IOException {
    // NumPy ignores the count and loads it; we refuse it
    ZipBytes zip = new ZipBytes();
    zip.stored("w.npy", npy(2));
    zip.endCount = 2;
    Path f = write("count.npz", zip);
    assertEquals(f + ": truncated or corrupt zip archive (member count: 1 in the central directory, 2 in its end "
        + "record)", openFails(f).getMessage());
  }

  @Test
  void namesThatDifferBetweenDirectoryAndLocalHeader() throws IOException {
    // NumPy: BadZipFile File name in directory 'w.npy' and header b'x.npy' differ.
    ZipBytes zip = new ZipBytes();
    ZipBytes.Member m = zip.stored("w.npy", npy(2));
    m.localName = "x.npy";
    Path f = write("names.npz", zip);
    assertEquals(f + " [w]: member 'w.npy' is named 'x.npy' in its local header (file name in directory and header "
        + "differ)", openFails(f).getMessage());
  }

  @Test
  void badLocalHeaderMagic() throws IOException {
    // NumPy: BadZipFile Bad magic number for file header
    ZipBytes zip = new ZipBytes();
    zip.stored("a.npy", npy(2));
    ZipBytes.Member m = zip.stored("w.npy", npy(2));
    m.localMagic = 0x12345678;
    Path f = write("magic.npz", zip);
    assertEquals(f + " [w]: member 'w.npy' has no local file header at 171 (bad magic number)",
        openFails(f).getMessage());
  }

  @Test
  void unsupportedCompressionMethod() throws IOException {
    // NumPy: OSError Invalid data stream (method 12 is bzip2, these bytes are not)
    ZipBytes zip = new ZipBytes();
    ZipBytes.Member m = zip.stored("w.npy", npy(2));
    m.method = 12;
    Path f = write("bzip2.npz", zip);
    assertEquals(f + " [w]: member 'w.npy' uses compression method 12; supported are 0 (stored) and 8 (deflated), "
        + "which np.savez and np.savez_compressed write", openFails(f).getMessage());
  }

  @Test
  void encryptedMember() throws IOException {
    // NumPy: RuntimeError File 'w.npy' is encrypted, password required for extraction
    ZipBytes zip = new ZipBytes();
    ZipBytes.Member m = zip.stored("w.npy", npy(2));
    m.flags = 1;
    Path f = write("secret.npz", zip);
    assertEquals(f + " [w]: member 'w.npy' is encrypted", openFails(f).getMessage());
  }

  @Test
  void noEndOfCentralDirectory() throws IOException {
    // NumPy: BadZipFile File is not a zip file
    ZipBytes zip = new ZipBytes();
    zip.stored("w.npy", npy(2));
    byte[] all = zip.build();
    Path f = tmp.resolve("cut.npz");
    Files.write(f, java.util.Arrays.copyOf(all, all.length - 1));
    assertEquals(f + ": truncated or corrupt zip archive (no end of central directory record)",
        openFails(f).getMessage());
  }
  /**
   * Found by FuzzTest: a copy of the end record inserted after the real one, describing no members, made the
   * archive load as empty (its member taken for prepended bytes). Python's zipfile takes the last end record too;
   * an .npz must start with its first member.
   */
  @Test
  void aSecondEndRecordThatHidesTheMembers() throws IOException {
    ZipBytes zip = new ZipBytes();
    zip.stored("w.npy", npy(2));
    byte[] all = zip.build();
    byte[] empty = new ZipBytes().build(); // just an end record: 0 members, directory at 0
    byte[] both = java.util.Arrays.copyOf(all, all.length + empty.length);
    System.arraycopy(empty, 0, both, all.length, empty.length);
    Path f = tmp.resolve("hidden.npz");
    Files.write(f, both);
    assertEquals(f + ": truncated or corrupt zip archive (the central directory is at byte " + all.length
        + ", not at the start of the file: the end record describes no members and leaves bytes [0, " + all.length
        + ") unaccounted for)", openFails(f).getMessage());
  }

  @Test
  void bytesBeforeTheFirstMember() throws IOException {
    ZipBytes zip = new ZipBytes();
    zip.stored("w.npy", npy(2));
    byte[] all = zip.build();
    byte[] local = java.util.Arrays.copyOf(all, 30 + "w.npy".length());
    byte[] shifted = new byte[local.length + all.length];
    System.arraycopy(local, 0, shifted, 0, local.length); // starts like a zip, then the real archive
    System.arraycopy(all, 0, shifted, local.length, all.length);
    Path f = tmp.resolve("shifted.npz");
    Files.write(f, shifted);
    assertEquals(f + ": truncated or corrupt zip archive (the first member's local header is at byte " + local.length
        + ", not at the start of the file: the end record describes 1 member(s) and leaves bytes [0, "
        + local.length + ") unaccounted for)", openFails(f).getMessage());
  }
}
