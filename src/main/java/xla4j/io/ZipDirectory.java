package xla4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The table of contents of a zip archive, read as Python's {@code zipfile} (which {@code np.load} uses) reads it,
 * with the checks it makes and a few it leaves to chance, so that what NumPy refuses is refused here too: the end
 * of central directory record (and its zip64 form), the central directory, and each member's local header, which
 * gives the offset of the member's data in the file.
 *
 * <p>Hand-written because the JDK's {@code ZipFile} does not reveal where a member's data lies (needed to read a
 * stored member by position) and neither it nor a library refuses exactly what NumPy refuses. The format is
 * PKWARE's APPNOTE.TXT (sections 4.3.7 local header, 4.3.12 central directory, 4.3.14-16 end records, 4.5.3
 * zip64 extra field). Inflating and checksums are the JDK's {@link java.util.zip.Inflater} and
 * {@link java.util.zip.CRC32}.
 */
final class ZipDirectory {
  static final int STORED = 0;
  static final int DEFLATED = 8;

  private static final int LOCAL_SIG = 0x04034b50;
  private static final int CENTRAL_SIG = 0x02014b50;
  private static final int END_SIG = 0x06054b50;
  private static final int END64_SIG = 0x06064b50;
  private static final int END64_LOCATOR_SIG = 0x07064b50;
  private static final int END_SIZE = 22;
  private static final int END64_SIZE = 56;
  private static final int END64_LOCATOR_SIZE = 20;
  private static final int CENTRAL_SIZE = 46;
  private static final int LOCAL_SIZE = 30;
  private static final long U32_MAX = 0xffff_ffffL;
  /** Python's zipfile.MAX_EXTRACT_VERSION (6.3). */
  private static final int MAX_EXTRACT_VERSION = 63;

  private ZipDirectory() {}

  /**
   * One member. {@code dataOffset} is where its (compressed) bytes start in the file; they end at
   * {@code dataOffset + compressedSize}, which is checked to lie before the next member and the central directory.
   */
  record Member(String name, int method, int flags, long crc, long compressedSize, long size, long headerOffset,
      long dataOffset) {
    /** The length of the name as stored (its UTF-8 or code page 437 bytes). */
    int nameBytes() {
      return (flags & 0x800) != 0 ? name.getBytes(StandardCharsets.UTF_8).length : name.length();
    }
  }

  /** Reads and checks the archive's table of contents, in central directory order. */
  static List<Member> read(Path file, FileChannel ch) throws IOException {
    long fileSize = ch.size();
    int tailLength = (int) Math.min(fileSize, END_SIZE + 0xffff);
    ByteBuffer tail = read(file, ch, fileSize - tailLength, tailLength);
    int end = -1;
    for (int i = tailLength - END_SIZE; i >= 0; i--) {
      if (tail.getInt(i) == END_SIG && i + END_SIZE + u16(tail, i + 20) <= tailLength) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      throw corrupt(file, "no end of central directory record");
    }
    long endPosition = fileSize - tailLength + end;
    int disk = u16(tail, end + 4);
    int directoryDisk = u16(tail, end + 6);
    long entriesHere = u16(tail, end + 8);
    long entries = u16(tail, end + 10);
    long directorySize = u32(tail, end + 12);
    long directoryOffset = u32(tail, end + 16);
    if (disk != 0 || directoryDisk != 0 || entriesHere != entries) {
      throw corrupt(file, "zip archives that span multiple disks are not supported");
    }
    boolean zip64 = false;
    if (endPosition >= END64_LOCATOR_SIZE) {
      ByteBuffer locator = read(file, ch, endPosition - END64_LOCATOR_SIZE, END64_LOCATOR_SIZE);
      if (locator.getInt(0) == END64_LOCATOR_SIG) {
        if (locator.getInt(4) != 0 || u32(locator, 16) > 1) {
          throw corrupt(file, "zip archives that span multiple disks are not supported");
        }
        long recordPosition = endPosition - END64_LOCATOR_SIZE - END64_SIZE;
        ByteBuffer record = recordPosition < 0 ? null : read(file, ch, recordPosition, END64_SIZE);
        if (record == null || record.getInt(0) != END64_SIG) {
          throw corrupt(file, "zip64 end of central directory locator without a zip64 end of central directory "
              + "record before it");
        }
        long count = record.getLong(24);
        long total = record.getLong(32);
        long size64 = record.getLong(40);
        long offset64 = record.getLong(48);
        if (record.getInt(16) != 0 || record.getInt(20) != 0 || count != total) {
          throw corrupt(file, "zip archives that span multiple disks are not supported");
        }
        check(file, entries == 0xffff || entries == total, "zip64 end record counts " + total
            + " members, the end record " + entries);
        check(file, directorySize == U32_MAX || directorySize == size64, "zip64 end record gives a central "
            + "directory of " + size64 + " bytes, the end record " + directorySize);
        check(file, directoryOffset == U32_MAX || directoryOffset == offset64, "zip64 end record puts the central "
            + "directory at " + offset64 + ", the end record at " + directoryOffset);
        long locatorOffset = locator.getLong(8);
        check(file, size64 >= 0 && offset64 >= 0 && locatorOffset == offset64 + size64,
            "zip64 end of central directory locator points at " + locatorOffset + ", but the record follows the "
            + "central directory [" + offset64 + ", " + (offset64 + size64) + ")");
        entries = total;
        directorySize = size64;
        directoryOffset = offset64;
        zip64 = true;
      }
    }
    // Data prepended to the archive (a self-extractor) shifts every offset; zipfile allows it, as we do.
    long directoryEnd = endPosition - (zip64 ? END64_SIZE + END64_LOCATOR_SIZE : 0);
    long concat = directoryEnd - directorySize - directoryOffset;
    if (directorySize < 0 || directoryOffset < 0 || concat < 0) {
      throw corrupt(file, "bad offset for central directory: the end record puts it at [" + directoryOffset + ", "
          + (directoryOffset + directorySize) + "), past the record itself at " + directoryEnd);
    }
    if (directorySize > Integer.MAX_VALUE - 8) {
      throw corrupt(file, "central directory of " + directorySize + " bytes is too large");
    }
    long directoryStart = directoryOffset + concat;
    ByteBuffer dir = read(file, ch, directoryStart, (int) directorySize);
    List<Member> central = new ArrayList<>();
    int p = 0;
    while (p < directorySize) {
      if (p + CENTRAL_SIZE > directorySize) {
        throw corrupt(file, "truncated central directory");
      }
      if (dir.getInt(p) != CENTRAL_SIG) {
        throw corrupt(file, "bad magic number for central directory");
      }
      int extractVersion = u16(dir, p + 6);
      int flags = u16(dir, p + 8);
      int method = u16(dir, p + 10);
      long crc = u32(dir, p + 16);
      long compressedSize = u32(dir, p + 20);
      long size = u32(dir, p + 24);
      int nameLength = u16(dir, p + 28);
      int extraLength = u16(dir, p + 30);
      int commentLength = u16(dir, p + 32);
      long headerOffset = u32(dir, p + 42);
      int next = p + CENTRAL_SIZE + nameLength + extraLength + commentLength;
      if (next > directorySize) {
        throw corrupt(file, "truncated central directory");
      }
      String name = name(file, dir, p + CENTRAL_SIZE, nameLength, flags);
      String key = key(name);
      // zip64 extra field: the 8-byte values of the fields that hold 0xFFFFFFFF, in this order
      int e = p + CENTRAL_SIZE + nameLength;
      int extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        int id = u16(dir, e);
        int length = u16(dir, e + 2);
        if (e + 4 + length > extraEnd) {
          throw member(file, key, name, String.format("has a corrupt extra field %04x (size=%d)", id, length));
        }
        if (id == 0x0001) {
          int z = e + 4;
          int zEnd = z + length;
          if (size == U32_MAX) {
            size = zip64Field(file, key, name, dir, z, zEnd, "file size");
            z += 8;
          }
          if (compressedSize == U32_MAX) {
            compressedSize = zip64Field(file, key, name, dir, z, zEnd, "compressed size");
            z += 8;
          }
          if (headerOffset == U32_MAX) {
            headerOffset = zip64Field(file, key, name, dir, z, zEnd, "header offset");
          }
        }
        e += 4 + length;
      }
      if (extractVersion > MAX_EXTRACT_VERSION) {
        throw member(file, key, name, "needs zip version " + extractVersion / 10 + "." + extractVersion % 10
            + " to extract (at most 6.3 is supported)");
      }
      if ((flags & 0x1) != 0 || (flags & 0x40) != 0) {
        throw member(file, key, name, "is encrypted");
      }
      if ((flags & 0x20) != 0) {
        throw member(file, key, name, "holds compressed patched data (flag bit 5), which is not supported");
      }
      if (method != STORED && method != DEFLATED) {
        throw member(file, key, name, "uses compression method " + method + "; supported are 0 (stored) and 8 "
            + "(deflated), which np.savez and np.savez_compressed write");
      }
      if (size < 0 || compressedSize < 0 || headerOffset < 0) {
        throw member(file, key, name, "has sizes or an offset beyond 2^63 bytes");
      }
      if (method == STORED && compressedSize != size) {
        throw member(file, key, name, "is stored, but its compressed size " + compressedSize + " differs from its "
            + "size " + size);
      }
      if (headerOffset > directoryStart - concat - LOCAL_SIZE) {
        throw member(file, key, name, "has its local header at " + headerOffset + ", past the start of the "
            + "central directory at " + (directoryStart - concat));
      }
      central.add(new Member(name, method, flags, crc, compressedSize, size, headerOffset + concat, -1));
      p = next;
    }
    if (central.size() != entries) {
      throw corrupt(file, "member count: " + central.size() + " in the central directory, " + entries
          + " in its end record");
    }
    List<Member> members = new ArrayList<>(central.size());
    for (Member m : central) {
      members.add(withDataOffset(file, ch, m, directoryStart));
    }
    checkNoOverlap(file, members, directoryStart);
    checkStartsAtZero(file, members, directoryStart);
    return members;
  }

  /**
   * The archive starts where the file does: its first member at byte 0, or (no members) its central directory.
   * {@link Npz} accepts only files that begin with a zip record, so a shift here is not a self-extractor's stub but
   * damage, such as a second end record appended after the real one that describes fewer members (or none), which
   * would otherwise hide the arrays before it.
   */
  private static void checkStartsAtZero(Path file, List<Member> members, long directoryStart)
      throws CheckpointException {
    long first = members.stream().mapToLong(Member::headerOffset).min().orElse(directoryStart);
    if (first != 0) {
      throw corrupt(file, "the " + (members.isEmpty() ? "central directory" : "first member's local header")
          + " is at byte " + first + ", not at the start of the file: the end record describes "
          + (members.isEmpty() ? "no members" : members.size() + " member(s)") + " and leaves bytes [0, " + first
          + ") unaccounted for");
    }
  }

  /** Reads a member's local header: its magic, its name (must equal the central directory's), its length. */
  private static Member withDataOffset(Path file, FileChannel ch, Member m, long directoryStart) throws IOException {
    String key = key(m.name());
    // one read for the header and (normally) its name, which has the central directory's length
    int guess = (int) Math.min(LOCAL_SIZE + m.nameBytes(), directoryStart - m.headerOffset());
    ByteBuffer h = read(file, ch, m.headerOffset(), guess);
    if (h.getInt(0) != LOCAL_SIG) {
      throw member(file, key, m.name(), "has no local file header at " + m.headerOffset() + " (bad magic number)");
    }
    int nameLength = u16(h, 26);
    int extraLength = u16(h, 28);
    long nameAt = m.headerOffset() + LOCAL_SIZE;
    if (nameAt + nameLength > directoryStart) {
      throw member(file, key, m.name(), "has a local header at " + m.headerOffset() + " that runs past the start "
          + "of the central directory at " + directoryStart);
    }
    ByteBuffer nameBytes = LOCAL_SIZE + nameLength <= guess ? h : read(file, ch, m.headerOffset(), LOCAL_SIZE + nameLength);
    String local = name(file, nameBytes, LOCAL_SIZE, nameLength, u16(h, 6));
    if (!local.equals(m.name())) {
      throw member(file, key, m.name(), "is named '" + local + "' in its local header (file name in directory "
          + "and header differ)");
    }
    return new Member(m.name(), m.method(), m.flags(), m.crc(), m.compressedSize(), m.size(), m.headerOffset(),
        nameAt + nameLength + extraLength);
  }

  /** Every member's data ends before the next member's local header, and the last before the central directory. */
  private static void checkNoOverlap(Path file, List<Member> members, long directoryStart) throws CheckpointException {
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparingLong(Member::headerOffset));
    for (int i = 0; i < sorted.size(); i++) {
      Member m = sorted.get(i);
      long end = m.compressedSize() > Long.MAX_VALUE - m.dataOffset() ? Long.MAX_VALUE
          : m.dataOffset() + m.compressedSize();
      if (i + 1 < sorted.size() && end > sorted.get(i + 1).headerOffset()) {
        Member n = sorted.get(i + 1);
        throw member(file, key(m.name()), m.name(), "overlaps member '" + n.name() + "': its data [" + m.dataOffset()
            + ", " + end + ") runs past that member's local header at " + n.headerOffset()
            + " (overlapping members are refused, as NumPy's zipfile refuses them: a possible zip bomb)");
      }
      if (end > directoryStart) {
        throw member(file, key(m.name()), m.name(), "claims " + m.compressedSize() + " bytes of data at "
            + m.dataOffset() + ", past the start of the central directory at " + directoryStart
            + " (the sizes in the zip directory are beyond the file)");
      }
    }
  }

  /** The checkpoint key of a member: its name without {@code .npy}. */
  static String key(String name) {
    return name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
  }

  private static long zip64Field(Path file, String key, String name, ByteBuffer b, int at, int end, String field)
      throws CheckpointException {
    if (at + 8 > end) {
      throw member(file, key, name, "has a corrupt zip64 extra field: " + field + " not found");
    }
    return b.getLong(at);
  }

  private static String name(Path file, ByteBuffer b, int at, int length, int flags) throws CheckpointException {
    byte[] raw = new byte[length];
    b.get(at, raw);
    boolean ascii = true;
    for (byte x : raw) {
      ascii &= x >= 0;
    }
    if (ascii) {
      return new String(raw, StandardCharsets.US_ASCII);
    }
    // bit 11: UTF-8; otherwise code page 437, as zipfile decodes it
    Charset charset = (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : cp437();
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      throw corrupt(file, "member name " + java.util.HexFormat.of().formatHex(raw) + " is not valid "
          + charset.name());
    }
  }

  private static Charset cp437() {
    try {
      return Charset.forName("IBM437");
    } catch (IllegalArgumentException e) {
      return StandardCharsets.ISO_8859_1; // a JDK without jdk.charsets
    }
  }

  private static ByteBuffer read(Path file, FileChannel ch, long position, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    long p = position;
    while (b.hasRemaining()) {
      int n = ch.read(b, p);
      if (n < 0) {
        throw corrupt(file, "the file ends at byte " + p + ", inside a zip record");
      }
      p += n;
    }
    return b.flip();
  }

  private static int u16(ByteBuffer b, int at) {
    return b.getShort(at) & 0xffff;
  }

  private static long u32(ByteBuffer b, int at) {
    return b.getInt(at) & U32_MAX;
  }

  private static void check(Path file, boolean ok, String what) throws CheckpointException {
    if (!ok) {
      throw corrupt(file, "inconsistent zip64 records: " + what);
    }
  }

  private static CheckpointException corrupt(Path file, String what) {
    return new CheckpointException(file, null, "truncated or corrupt zip archive (" + what + ")");
  }

  private static CheckpointException member(Path file, String key, String name, String what) {
    return new CheckpointException(file, key, "member '" + name + "' " + what);
  }
}
