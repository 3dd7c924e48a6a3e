package xla4j.pjrt;

/**
 * An error reported by a PJRT plugin (or the XLA compiler/runtime behind it): carries the PJRT error
 * code and the plugin's full message, verbatim.
 */
public final class PjrtException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** {@code PJRT_Error_Code}, the same numbering as absl::StatusCode. */
  public enum Code {
    OK, CANCELLED, UNKNOWN, INVALID_ARGUMENT, DEADLINE_EXCEEDED, NOT_FOUND, ALREADY_EXISTS,
    PERMISSION_DENIED, RESOURCE_EXHAUSTED, FAILED_PRECONDITION, ABORTED, OUT_OF_RANGE, UNIMPLEMENTED,
    INTERNAL, UNAVAILABLE, DATA_LOSS, UNAUTHENTICATED;

    static Code of(int value) {
      Code[] all = values();
      return value >= 0 && value < all.length ? all[value] : UNKNOWN;
    }
  }

  private final Code code;
  private final String pjrtMessage;

  /**
   * @param operation what xla4j was doing, e.g. {@code "PJRT_Client_Compile"}
   * @param code the plugin's error code
   * @param pjrtMessage the plugin's message, unchanged
   */
  public PjrtException(String operation, Code code, String pjrtMessage) {
    super(operation + " failed (" + code + "): " + pjrtMessage);
    this.code = code;
    this.pjrtMessage = pjrtMessage;
  }

  public Code code() {
    return code;
  }

  /** The plugin's message exactly as it reported it. */
  public String pjrtMessage() {
    return pjrtMessage;
  }
}
