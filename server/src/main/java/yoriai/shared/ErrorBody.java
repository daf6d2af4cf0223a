package yoriai.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a refusal tells the client, written once for both transports: the HTTP error body
 * {@code {"error": {code, message, details}}} and the WebSocket frame
 * {@code {"type": "error", id?, code, message, details?}} of PRODUCT §7.
 */
public record ErrorBody(String code, String message, List<?> details) {
  public ErrorBody {
    details = details == null ? List.of() : List.copyOf(details);
  }

  public ErrorBody(String code, String message) {
    this(code, message, List.of());
  }

  /** A failure as an HTTP response reports it: its own code, message and details. */
  public static ErrorBody ofResponse(Failure failure) {
    return new ErrorBody(failure.code(), failure.getMessage(), failure.details());
  }

  /**
   * A failure as a WebSocket error frame reports it: §7's frame codes call an invalid command
   * {@code invalid_message}, with the refused fields named in the message, and any failed sign-in
   * {@code unauthenticated}; details such as PII findings stay so the client can point at what to
   * change. Anything that is not a {@link Failure} is an internal error whose cause is not shown.
   */
  public static ErrorBody ofFrame(Throwable error) {
    if (!(error instanceof Failure failure)) {
      return new ErrorBody("internal_error", "The server could not handle this frame");
    }
    return switch (failure.kind()) {
      case INVALID -> new ErrorBody("invalid_message", fieldsOrMessage(failure));
      case UNAUTHENTICATED -> new ErrorBody("unauthenticated", failure.getMessage(), failure.details());
      default -> new ErrorBody(failure.code(), failure.getMessage(), failure.details());
    };
  }

  /** {@code {"error": {code, message, details}}}, details always an array. */
  public String asResponse() {
    return write(new Response(this));
  }

  /** {@code {"type": "error", id, code, message, details}}, id and details left out when there are none. */
  public String asFrame(String id) {
    return write(new ErrorFrame("error", id, code, message, details.isEmpty() ? null : details));
  }

  private static String fieldsOrMessage(Failure failure) {
    String fields = failure.details().stream()
        .map(d -> d instanceof FieldProblem p ? p.field() + " " + p.problem() : String.valueOf(d))
        .collect(Collectors.joining("; "));
    return fields.isEmpty() ? failure.getMessage() : fields;
  }

  private static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Response(ErrorBody error) {}

  /** The WebSocket error frame; public so the protocol schema is generated from it. */
  public record ErrorFrame(String type, @Nullable String id, String code, String message, @Nullable List<?> details) {}
}
