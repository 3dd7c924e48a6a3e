package xla4j.pjrt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * What {@link Executable#serialize()} returns and {@link Client#deserializeAndLoad} verifies before any byte
 * reaches the plugin: the plugin's serialized executable in a checked envelope. A plugin trusts its
 * serialized bytes (XLA:CPU crashed the process, or computed wrong results, on single flipped bits), so
 * only bytes whose SHA-256 matches, of the client's platform and platform version, are handed over.
 *
 * <p>Layout, little-endian: magic {@code "xla4jexe"} | u32 envelope version (1) | u32 length + UTF-8
 * platform name | u32 length + UTF-8 platform version | u64 length + the plugin's bytes | SHA-256 of all
 * preceding bytes (32 bytes). The digest catches damage, not deliberate tampering.
 */
record SerializedExecutable(String platform, String platformVersion, byte[] payload) {
  static final byte[] MAGIC = "xla4jexe".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  private static final int DIGEST = 32;
  private static final int MIN_SIZE = MAGIC.length + 4 + 4 + 4 + 8 + DIGEST;

  /** The envelope's bytes. */
  byte[] toByteArray() {
    byte[] p = platform.getBytes(StandardCharsets.UTF_8);
    byte[] v = platformVersion.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(Math.addExact(MIN_SIZE, Math.addExact(p.length + v.length, payload.length)))
        .order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).putInt(VERSION).putInt(p.length).put(p).putInt(v.length).put(v).putLong(payload.length)
        .put(payload);
    out.put(sha256(out.array(), out.position()));
    return out.array();
  }

  /**
   * Reads and verifies an envelope.
   *
   * @throws IllegalArgumentException if {@code bytes} are not an envelope of this version, are damaged
   *     (SHA-256 mismatch) or malformed
   */
  static SerializedExecutable parse(byte[] bytes) {
    if (bytes.length < MIN_SIZE || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IllegalArgumentException("a serialized executable requires xla4j's header \"xla4jexe\" (bytes from "
          + "Executable.serialize, or an artifact's executable.bin written by this xla4j), got " + describe(bytes));
    }
    int body = bytes.length - DIGEST;
    if (!MessageDigest.isEqual(sha256(bytes, body), Arrays.copyOfRange(bytes, body, bytes.length))) {
      throw new IllegalArgumentException("the serialized executable is damaged: the SHA-256 of its " + body
          + " bytes does not match the one it carries");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, body).order(ByteOrder.LITTLE_ENDIAN);
    in.position(MAGIC.length);
    int version = in.getInt();
    if (version != VERSION) {
      throw new IllegalArgumentException("a serialized executable requires envelope version " + VERSION + ", got "
          + Integer.toUnsignedString(version) + " (serialized by another xla4j version: recompile)");
    }
    String platform = utf8(in, in.getInt(), "platform name");
    String platformVersion = utf8(in, in.getInt(), "platform version");
    long size = in.getLong();
    if (size != in.remaining()) {
      throw new IllegalArgumentException("the serialized executable is malformed: it declares " + size
          + " executable bytes, " + in.remaining() + " follow");
    }
    byte[] payload = new byte[in.remaining()];
    in.get(payload);
    return new SerializedExecutable(platform, platformVersion, payload);
  }

  private static String utf8(ByteBuffer in, int length, String what) {
    if (length < 0 || length > in.remaining()) {
      throw new IllegalArgumentException("the serialized executable is malformed: its " + what + " needs "
          + Integer.toUnsignedString(length) + " bytes, " + in.remaining() + " remain");
    }
    ByteBuffer slice = in.slice().limit(length);
    in.position(in.position() + length);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the serialized executable is malformed: its " + what + " is not UTF-8", e);
    }
  }

  private static byte[] sha256(byte[] bytes, int length) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(bytes, 0, length);
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String describe(byte[] bytes) {
    StringBuilder s = new StringBuilder(bytes.length + " bytes");
    if (bytes.length > 0) {
      s.append(" starting");
      for (int i = 0; i < Math.min(8, bytes.length); i++) {
        s.append(String.format(" %02x", bytes[i] & 0xff));
      }
    }
    return s.toString();
  }
}
