package yoriai.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import java.util.stream.Collectors;
import yoriai.shared.ErrorBody;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.FieldProblem;
import yoriai.shared.RetryAfter;

/** Writes every failure in the §7 shape {@code {"error": {code, message, details}}}. */
final class ErrorResponses {
  private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());

  private ErrorResponses() {}

  static void handle(RoutingContext ctx) {
    write(ctx, failureOf(ctx));
  }

  /** The failure a failed request answers with; an unexpected error is logged. */
  static Failure failureOf(RoutingContext ctx) {
    Throwable error = ctx.failure();
    Failure failure = error != null ? translate(error) : fromStatus(ctx.statusCode());
    if (failure.kind() == FailureKind.INTERNAL && error != null && !(error instanceof Failure)) {
      LOG.log(System.Logger.Level.ERROR, "request failed: " + ctx.request().method() + " " + ctx.request().path(), error);
    }
    return failure;
  }

  static void write(RoutingContext ctx, Failure failure) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    failure.details().stream().filter(RetryAfter.class::isInstance).map(RetryAfter.class::cast).findFirst()
        .ifPresent(d -> ctx.response().putHeader("Retry-After", String.valueOf(d.retryAfterSeconds())));
    if (failure.kind() == FailureKind.UNAUTHENTICATED) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    ctx.response()
        .setStatusCode(failure.kind().httpStatus())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(ErrorBody.ofResponse(failure).asResponse());
  }

  static Failure translate(Throwable error) {
    if (error instanceof Failure failure) {
      return failure;
    }
    if (error instanceof HttpException http) {
      return fromStatus(http.getStatusCode());
    }
    if (error instanceof UnrecognizedPropertyException unknown) {
      return Failure.invalid("Unknown field " + path(unknown),
          List.of(new FieldProblem(path(unknown), "unknown field")));
    }
    if (error instanceof MismatchedInputException mismatch) {
      return Failure.invalid("Field " + path(mismatch) + " has the wrong type",
          List.of(new FieldProblem(path(mismatch), "expected " + simpleType(mismatch))));
    }
    if (error instanceof JsonMappingException mapping) {
      return Failure.invalid("Field " + path(mapping) + " is invalid",
          List.of(new FieldProblem(path(mapping), "invalid value")));
    }
    if (error instanceof JsonProcessingException) {
      return new Failure(FailureKind.INVALID, "malformed_json", "The body is not valid JSON");
    }
    return new Failure(FailureKind.INTERNAL, "internal_error", "The server could not complete the request");
  }

  private static Failure fromStatus(int status) {
    return switch (status) {
      case 400 -> new Failure(FailureKind.INVALID, "bad_request", "The request is malformed");
      case 401 -> new Failure(FailureKind.UNAUTHENTICATED, "unauthenticated", "Sign in first");
      case 403 -> Failure.forbidden("Not allowed");
      case 404 -> Failure.notFound("Resource");
      case 405 -> new Failure(FailureKind.METHOD_NOT_ALLOWED, "method_not_allowed", "Method not allowed");
      case 413 -> new Failure(FailureKind.PAYLOAD_TOO_LARGE, "payload_too_large", "The request body is too large");
      case 415 -> new Failure(FailureKind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Send JSON (application/json)");
      default -> new Failure(FailureKind.INTERNAL, "internal_error", "The server could not complete the request");
    };
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String simpleType(MismatchedInputException e) {
    Class<?> type = e.getTargetType();
    if (type == null) {
      return "another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of the allowed values";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (List.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }
}
