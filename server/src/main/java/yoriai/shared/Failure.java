package yoriai.shared;

import java.util.List;

/**
 * A request that cannot be served, as the client should hear it. Features throw or fail futures
 * with it; the transport edge turns it into an HTTP status or a WebSocket {@code error} frame.
 */
public final class Failure extends RuntimeException {
  private final FailureKind kind;
  private final String code;
  private final transient List<?> details;

  public Failure(FailureKind kind, String code, String message, List<?> details) {
    super(message, null, false, false);
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
