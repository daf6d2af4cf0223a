package yoriai.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import yoriai.shared.Failure;
import yoriai.shared.FieldProblem;

/**
 * The query parameters of one request. An absent or blank parameter is absent, a present one is
 * stripped; anything malformed is refused as {@code invalid_request} (400) naming the parameter.
 */
final class QueryParams {
  static final int MAX_LENGTH = 200;

  private final MultiMap params;

  QueryParams(MultiMap params) {
    this.params = params;
  }

  static QueryParams of(RoutingContext ctx) {
    return new QueryParams(ctx.queryParams());
  }

  /** The text, or null when absent or blank. */
  String text(String name) {
    String value = params.get(name);
    if (value != null && value.length() > MAX_LENGTH) {
      throw refused(name, "at most " + MAX_LENGTH + " characters");
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The text, which must be one of {@code allowed}, or null when absent. */
  String oneOf(String name, Set<String> allowed) {
    String value = text(name);
    if (value != null && !allowed.contains(value)) {
      throw refused(name, "one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }

  /** A whole number, or null when absent; the service checks its range. */
  Integer wholeNumber(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw refused(name, "a whole number");
    }
  }

  /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
  long wholeNumber(String name, long min, long max, long fallback) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    try {
      long number = Long.parseLong(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // refused below, as a number out of range is
    }
    throw refused(name, "a whole number from " + min + " to " + max);
  }

  private static Failure refused(String name, String problem) {
    return Failure.invalid("Query parameter " + name + " must be " + problem, List.of(new FieldProblem(name, problem)));
  }
}
