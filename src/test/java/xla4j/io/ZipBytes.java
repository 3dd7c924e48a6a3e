package xla4j.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip archives field by field (APPNOTE.TXT 4.3), so that tests can make the damaged and hostile archives
 * a zip library would never write. Each field of a member can be overridden after {@link #stored}/{@link #deflated}.
 */
final class ZipBytes {
  /** One member; the {@code central*} fields are what the central directory claims. */
  static final class Member {
    String name;
    String localName;
    int method;
    int flags;
    byte[] data;
    long crc;
    long size;
    long compressedSize;
    /** What the central directory says; by default the true values. */
    long centralCrc;
    long centralSize;
    long centralCompressedSize;
    Long centralOffset;
    /** Write 0xFFFFFFFF sizes in the central directory and this zip64 extra field instead (null: none). */
    byte[] zip64Extra;
    int localMagic = 0x04034b50;
  }

  final List<Member> members = new ArrayList<>();
  /** Adds a zip64 end record and locator, with these counts and positions (null: the true ones). */
  boolean zip64;
  Long zip64Count;
  Long zip64LocatorOffset;
  /** The regular end record's member count (null: the true one). */
  Integer endCount;

  Member stored(String name, byte[] content) {
    Member m = new Member();
    m.name = name;
    m.localName = name;
    m.method = 0;
    m.data = content;
    m.size = content.length;
    m.compressedSize = content.length;
    m.crc = crc(content);
    m.centralCrc = m.crc;
    m.centralSize = m.size;
    m.centralCompressedSize = m.compressedSize;
    members.add(m);
    return m;
  }

  Member deflated(String name, byte[] content) {
    Member m = stored(name, content);
    Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    d.setInput(content);
    d.finish();
    byte[] buf = new byte[content.length + 1024];
    int n = d.deflate(buf);
    d.end();
    m.method = 8;
    m.data = java.util.Arrays.copyOf(buf, n);
    m.compressedSize = n;
    m.centralCompressedSize = n;
    return m;
  }

  static long crc(byte[] b) {
    CRC32 c = new CRC32();
    c.update(b);
    return c.getValue();
  }

  byte[] build() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Long> offsets = new ArrayList<>();
    for (Member m : members) {
      offsets.add((long) out.size());
      byte[] name = m.localName.getBytes(StandardCharsets.UTF_8);
      ByteBuffer h = le(30);
      h.putInt(m.localMagic).putShort((short) 20).putShort((short) m.flags).putShort((short) m.method)
          .putShort((short) 0).putShort((short) 0x21).putInt((int) m.crc).putInt((int) m.compressedSize)
          .putInt((int) m.size).putShort((short) name.length).putShort((short) 0);
      out.writeBytes(h.array());
      out.writeBytes(name);
      out.writeBytes(m.data);
    }
    long directoryOffset = out.size();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      byte[] name = m.name.getBytes(StandardCharsets.UTF_8);
      byte[] extra = m.zip64Extra == null ? new byte[0] : m.zip64Extra;
      boolean big = m.zip64Extra != null;
      ByteBuffer c = le(46);
      c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) m.flags)
          .putShort((short) m.method).putShort((short) 0).putShort((short) 0x21).putInt((int) m.centralCrc)
          .putInt(big ? -1 : (int) m.centralCompressedSize).putInt(big ? -1 : (int) m.centralSize)
          .putShort((short) name.length).putShort((short) extra.length).putShort((short) 0).putShort((short) 0)
          .putShort((short) 0).putInt(0).putInt((int) (long) (m.centralOffset != null ? m.centralOffset : offsets.get(i)));
      out.writeBytes(c.array());
      out.writeBytes(name);
      out.writeBytes(extra);
    }
    long directorySize = out.size() - directoryOffset;
    if (zip64) {
      long recordOffset = out.size();
      long count = zip64Count != null ? zip64Count : members.size();
      ByteBuffer r = le(56);
      r.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
          .putLong(count).putLong(count).putLong(directorySize).putLong(directoryOffset);
      out.writeBytes(r.array());
      ByteBuffer l = le(20);
      l.putInt(0x07064b50).putInt(0).putLong(zip64LocatorOffset != null ? zip64LocatorOffset : recordOffset).putInt(1);
      out.writeBytes(l.array());
    }
    int count = endCount != null ? endCount : members.size();
    ByteBuffer e = le(22);
    e.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) count).putShort((short) count)
        .putInt((int) directorySize).putInt((int) directoryOffset).putShort((short) 0);
    out.writeBytes(e.array());
    return out.toByteArray();
  }

  /** A zip64 extra field (id 1) holding these 8-byte values. */
  static byte[] zip64Extra(long... values) {
    ByteBuffer b = le(4 + 8 * values.length);
    b.putShort((short) 1).putShort((short) (8 * values.length));
    for (long v : values) {
      b.putLong(v);
    }
    return b.array();
  }

  private static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }
}
