package yoriai.shared;

import java.util.List;

/**
 * A request that cannot be served, as the client should hear it. Features throw or fail futures
 * with it; the transport edge turns it into an HTTP status or a WebSocket {@code error} frame.
 */
public final class Failure extends RuntimeException {
  private static final String STORAGE_UNAVAILABLE = "storage_unavailable";

  private final FailureKind kind;
  private final String code;
  private final transient List<?> details;

  public Failure(FailureKind kind, String code, String message, List<?> details) {
    this(kind, code, message, details, null);
  }

  private Failure(FailureKind kind, String code, String message, List<?> details, Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
    this.code = code;
    this.details = List.copyOf(details);
  }

  public Failure(FailureKind kind, String code, String message) {
    this(kind, code, message, List.of());
  }

  public static Failure invalid(String message, List<FieldProblem> problems) {
    return new Failure(FailureKind.INVALID, "invalid_request", message, problems);
  }

  public static Failure notFound(String what) {
    return new Failure(FailureKind.NOT_FOUND, "not_found", what + " not found");
  }

  public static Failure forbidden(String message) {
    return new Failure(FailureKind.FORBIDDEN, "forbidden", message);
  }

  /** The store cannot complete a durable write now (disk full, store closed, no primary); nothing was stored. */
  /** {@code cause}, kept for the log and for a failed start to name, is never shown to a client. */
  public static Failure storageUnavailable(long retryAfterSeconds, Throwable cause) {
    return new Failure(FailureKind.UNAVAILABLE, STORAGE_UNAVAILABLE,
        "Storage is unavailable right now (nothing was saved); try again in " + retryAfterSeconds + " s",
        List.of(new RetryAfter(retryAfterSeconds)), cause);
  }

  public boolean isStorageUnavailable() {
    return STORAGE_UNAVAILABLE.equals(code);
  }

  public FailureKind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public List<?> details() {
    return details;
  }
}
