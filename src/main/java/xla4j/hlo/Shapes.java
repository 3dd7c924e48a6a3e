package xla4j.hlo;

import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/** Small helpers shared by the shape rules: formatting dimension tuples and checking invariants. */
public final class Shapes {
  private Shapes() {}

  /** Python-tuple form of a dimension list, as JAX prints it: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
  public static String tuple(long... dims) {
    if (dims.length == 1) {
      return "(" + dims[0] + ",)";
    }
    StringJoiner j = new StringJoiner(", ", "(", ")");
    for (long d : dims) {
      j.add(Long.toString(d));
    }
    return j.toString();
  }

  public static String tuple(int... dims) {
    return tuple(Arrays.stream(dims).asLongStream().toArray());
  }

  public static String tuple(List<? extends Number> dims) {
    return tuple(dims.stream().mapToLong(Number::longValue).toArray());
  }

  /** Throws {@link IllegalArgumentException} with {@code String.format(message, args)} unless {@code ok}. */
  public static void check(boolean ok, String message, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(args.length == 0 ? message : String.format(message, args));
    }
  }

  /** Checks that {@code axes} are distinct and in {@code [0, rank)}; {@code what} names them in the message. */
  public static void checkAxes(String op, String what, int[] axes, int rank) {
    boolean[] seen = new boolean[Math.max(rank, 0)];
    for (int a : axes) {
      check(a >= 0 && a < rank, "%s requires %s to be in range [0, %d), got %s", op, what, rank, tuple(axes));
      check(!seen[a], "%s requires %s to be unique, got %s", op, what, tuple(axes));
      seen[a] = true;
    }
  }

  /** True if {@code perm} is a permutation of {@code 0..n-1}. */
  public static boolean isPermutation(int[] perm, int n) {
    if (perm.length != n) {
      return false;
    }
    boolean[] seen = new boolean[n];
    for (int p : perm) {
      if (p < 0 || p >= n || seen[p]) {
        return false;
      }
      seen[p] = true;
    }
    return true;
  }

  /** {@code [1, 2]} as MLIR prints a dense i64 list. */
  public static String list(long... values) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (long v : values) {
      j.add(Long.toString(v));
    }
    return j.toString();
  }

  public static String list(int... values) {
    return list(Arrays.stream(values).asLongStream().toArray());
  }

  /** {@code array<i64: 1, 2>}; {@code array<i64>} when empty. */
  public static String i64Array(long... values) {
    if (values.length == 0) {
      return "array<i64>";
    }
    StringJoiner j = new StringJoiner(", ", "array<i64: ", ">");
    for (long v : values) {
      j.add(Long.toString(v));
    }
    return j.toString();
  }

  public static String i64Array(int... values) {
    return i64Array(Arrays.stream(values).asLongStream().toArray());
  }
}
