package xla4j;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a file's bytes for the fuzz tests: bit flips, overwrites with interesting bytes,
 * truncation, appended junk, duplicated or deleted chunks, little-endian integer fields overwritten with edge
 * values, and edits of the text fields in headers (a number replaced by a huge, negative or fractional one; a
 * quoted string replaced by another dtype name, an empty or a non-ASCII string). Every mutation changes the bytes.
 */
public final class Mutator {
  private Mutator() {}

  /**
   * The mutated bytes; {@code what} describes the edit, {@code [lo, hi)} is the range of the original it touched
   * ({@code lo == hi == length} for appended bytes), {@code resized} whether the length changed.
   */
  public record Mutation(byte[] bytes, String what, int lo, int hi, boolean resized) {
    /** Whether the edit lies inside {@code [from, to)} of the original and keeps the length. */
    public boolean onlyWithin(int from, int to) {
      return !resized && lo >= from && hi <= to;
    }
  }

  private static final int[] BYTES = {0, 0xff, 0x7f, 0x80, '0', '1', '9', '\'', '"', ' ', '{', '}', ',', '-', 'x',
      '(', ')', '[', ']', ':', '\\', 1, 0xc3, '\n'};
  private static final long[] INTS = {0, -1, 1, 0x7f, 0x80, 0xff, 0xffff, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL,
      Long.MAX_VALUE, Long.MIN_VALUE, 0x1_0000_0000L};
  private static final String[] NUMBERS = {"0", "-1", "-0", "1", "7", "4294967296", "2147483648",
      "9223372036854775807", "9223372036854775808", "99999999999999999999", "-9223372036854775808", "1e3", "2.5",
      "0x10", "", "65536", "1000000000000"};
  private static final String[] STRINGS = {"<f4", ">f4", "|b1", "<V2", "|V2", "<i8", ">i2", "<u2", "|u1", "<f2",
      "<c8", "O", "F32", "BF16", "I64", "BOOL", "F8_E4M3", "U16", "C64", "", "\u00fc", "\\u0000", "f32", "i1",
      "descr", "shape", "data_offsets", "__metadata__", "fortran_order"};

  /**
   * One mutation of {@code in}; positions fall inside {@code [hotLo, hotHi)} (the header, say) half of the time.
   */
  public static Mutation mutate(byte[] in, SplittableRandom r, int hotLo, int hotHi) {
    for (int attempt = 0; ; attempt++) {
      Mutation m = once(in, r, hotLo, hotHi);
      if (m != null && !Arrays.equals(m.bytes, in)) {
        return m;
      }
      if (attempt > 50) {
        return flip(in, r.nextInt(Math.max(1, in.length)), 1);
      }
    }
  }

  private static Mutation once(byte[] in, SplittableRandom r, int hotLo, int hotHi) {
    int n = in.length;
    if (n == 0) {
      return new Mutation(new byte[] {(byte) r.nextInt(256)}, "append 1 byte", 0, 0, true);
    }
    boolean hot = hotHi > hotLo && r.nextBoolean();
    int pos = hot ? hotLo + r.nextInt(Math.min(hotHi, n) - hotLo) : r.nextInt(n);
    switch (r.nextInt(10)) {
      case 0:
      case 1:
        return flip(in, pos, 1 + r.nextInt(r.nextInt(4) == 0 ? 3 : 1));
      case 2: {
        byte[] b = in.clone();
        int v = BYTES[r.nextInt(BYTES.length)];
        b[pos] = (byte) v;
        return new Mutation(b, "byte " + pos + " = 0x" + Integer.toHexString(v), pos, pos + 1, false);
      }
      case 3: {
        int at = r.nextInt(4) == 0 ? n - 1 - r.nextInt(Math.min(n, 8)) : pos;
        return new Mutation(Arrays.copyOf(in, at), "truncate to " + at, at, n, true);
      }
      case 4: {
        int k = 1 + r.nextInt(r.nextBoolean() ? 8 : 64);
        byte[] b = Arrays.copyOf(in, n + k);
        boolean copy = r.nextBoolean();
        for (int i = 0; i < k; i++) {
          b[n + i] = copy ? in[(pos + i) % n] : (byte) r.nextInt(256);
        }
        return new Mutation(b, "append " + k + (copy ? " copied" : " random") + " bytes", n, n, true);
      }
      case 5: {
        int len = 1 + r.nextInt(Math.min(n - pos, 32));
        int at = r.nextInt(n + 1);
        byte[] b = new byte[n + len];
        System.arraycopy(in, 0, b, 0, at);
        System.arraycopy(in, pos, b, at, len);
        System.arraycopy(in, at, b, at + len, n - at);
        return new Mutation(b, "insert a copy of [" + pos + ", " + (pos + len) + ") at " + at, Math.min(at, n),
            Math.min(at, n), true);
      }
      case 6: {
        int len = 1 + r.nextInt(Math.min(n - pos, 32));
        byte[] b = new byte[n - len];
        System.arraycopy(in, 0, b, 0, pos);
        System.arraycopy(in, pos + len, b, pos, n - pos - len);
        return new Mutation(b, "delete [" + pos + ", " + (pos + len) + ")", pos, pos + len, true);
      }
      case 7: {
        int width = new int[] {2, 4, 8}[r.nextInt(3)];
        if (pos + width > n) {
          return null;
        }
        long v;
        if (r.nextBoolean()) {
          v = INTS[r.nextInt(INTS.length)];
        } else {
          long old = 0;
          for (int i = width - 1; i >= 0; i--) {
            old = old << 8 | (in[pos + i] & 0xff);
          }
          v = old + (r.nextBoolean() ? 1 : -1) * (1 + r.nextInt(r.nextBoolean() ? 2 : 100));
        }
        byte[] b = in.clone();
        for (int i = 0; i < width; i++) {
          b[pos + i] = (byte) (v >>> (8 * i));
        }
        return new Mutation(b, "u" + (8 * width) + " at " + pos + " = " + Long.toUnsignedString(v, 16) + " (hex)",
            pos, pos + width, false);
      }
      case 8:
        return number(in, r, pos);
      default:
        return string(in, r, pos);
    }
  }

  private static Mutation flip(byte[] in, int pos, int bits) {
    byte[] b = in.clone();
    int mask = 0;
    for (int i = 0; i < bits; i++) {
      mask |= 1 << ((pos * 7 + i * 3) & 7);
    }
    b[pos] ^= (byte) (mask == 0 ? 1 : mask);
    return new Mutation(b, "flip 0x" + Integer.toHexString(mask == 0 ? 1 : mask) + " at " + pos, pos, pos + 1, false);
  }

  /** Replaces the run of ASCII digits at or after {@code pos} (within 64 bytes). */
  private static Mutation number(byte[] in, SplittableRandom r, int pos) {
    int s = pos;
    while (s < in.length && s < pos + 64 && !digit(in[s])) {
      s++;
    }
    if (s >= in.length || !digit(in[s])) {
      return null;
    }
    while (s > 0 && digit(in[s - 1])) {
      s--;
    }
    int e = s;
    while (e < in.length && digit(in[e])) {
      e++;
    }
    String old = new String(in, s, e - s, StandardCharsets.ISO_8859_1);
    String v;
    int pick = r.nextInt(NUMBERS.length + 2);
    if (pick == NUMBERS.length) {
      v = String.valueOf(Math.max(0, Long.parseLong(old.length() > 18 ? "1" : old) + 1));
    } else if (pick == NUMBERS.length + 1) {
      v = String.valueOf(Long.parseLong(old.length() > 18 ? "1" : old) - 1);
    } else {
      v = NUMBERS[pick];
    }
    return splice(in, s, e, v.getBytes(StandardCharsets.ISO_8859_1), "number " + old + " at " + s + " -> '" + v + "'");
  }

  /** Replaces the contents of the quoted string at or after {@code pos} (within 96 bytes). */
  private static Mutation string(byte[] in, SplittableRandom r, int pos) {
    int s = pos;
    while (s < in.length && s < pos + 96 && in[s] != '\'' && in[s] != '"') {
      s++;
    }
    if (s >= in.length || (in[s] != '\'' && in[s] != '"')) {
      return null;
    }
    byte quote = in[s];
    int e = s + 1;
    while (e < in.length && in[e] != quote) {
      e++;
    }
    if (e >= in.length) {
      return null;
    }
    String v = STRINGS[r.nextInt(STRINGS.length)];
    String old = new String(in, s + 1, e - s - 1, StandardCharsets.ISO_8859_1);
    return splice(in, s + 1, e, v.getBytes(StandardCharsets.UTF_8),
        "string '" + old + "' at " + (s + 1) + " -> '" + v + "'");
  }

  private static Mutation splice(byte[] in, int s, int e, byte[] with, String what) {
    byte[] b = new byte[in.length - (e - s) + with.length];
    System.arraycopy(in, 0, b, 0, s);
    System.arraycopy(with, 0, b, s, with.length);
    System.arraycopy(in, e, b, s + with.length, in.length - e);
    return new Mutation(b, what, s, e, with.length != e - s);
  }

  private static boolean digit(byte b) {
    return b >= '0' && b <= '9';
  }
}
