package xla4j.hlo;

/**
 * An SSA value: a function or block argument, or one result of an {@link Operation}. Identity-based;
 * the printer names values ({@code %arg0}, {@code %3}, {@code %3#1}) when it prints a function.
 */
public final class Value {
  private final TensorType type;

  private Value(TensorType type) {
    this.type = type;
  }

  /** A fresh value of the given type. */
  public static Value of(TensorType type) {
    if (type == null) {
      throw new IllegalArgumentException("value requires a type, got null");
    }
    return new Value(type);
  }

  public TensorType type() {
    return type;
  }

  @Override
  public String toString() {
    return "Value@" + Integer.toHexString(System.identityHashCode(this)) + ":" + type;
  }
}
