package xla4j.pjrt;

/**
 * An error reported by a PJRT plugin (or the XLA compiler/runtime behind it): carries the PJRT error
 * code and the plugin's full message, verbatim.
 */
public final class PjrtException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** {@code PJRT_Error_Code}, the same numbering as absl::StatusCode. */
  public enum Code {
    /** Not an error. */
    OK,
    /** The operation was cancelled. */
    CANCELLED,
    /** An unknown error (also any code out of range). */
    UNKNOWN,
    /** The caller passed an invalid argument (e.g. a malformed program or wrong buffer shape). */
    INVALID_ARGUMENT,
    /** A deadline expired. */
    DEADLINE_EXCEEDED,
    /** Something requested was not found. */
    NOT_FOUND,
    /** Something to create exists already. */
    ALREADY_EXISTS,
    /** Not permitted. */
    PERMISSION_DENIED,
    /** Out of a resource, e.g. device memory. */
    RESOURCE_EXHAUSTED,
    /** The system is not in a state the operation requires. */
    FAILED_PRECONDITION,
    /** Aborted, e.g. by a concurrency conflict. */
    ABORTED,
    /** Past a valid range. */
    OUT_OF_RANGE,
    /** Not implemented or not supported by this plugin. */
    UNIMPLEMENTED,
    /** An internal error of the plugin or XLA. */
    INTERNAL,
    /** The service or device is unavailable. */
    UNAVAILABLE,
    /** Unrecoverable data loss or corruption. */
    DATA_LOSS,
    /** Missing valid authentication. */
    UNAUTHENTICATED;

    static Code of(int value) {
      Code[] all = values();
      return value >= 0 && value < all.length ? all[value] : UNKNOWN;
    }
  }

  /** The plugin's error code. */
  private final Code code;
  /** The plugin's message, unchanged. */
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

  /** The plugin's error code. */
  public Code code() {
    return code;
  }

  /** The plugin's message exactly as it reported it. */
  public String pjrtMessage() {
    return pjrtMessage;
  }
}
