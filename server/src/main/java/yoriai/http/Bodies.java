package yoriai.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.Json;

/** Reads request bodies strictly into request records and writes JSON replies. */
final class Bodies {
  private Bodies() {}

  static <T> T read(RoutingContext ctx, Class<T> type) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
      throw new Failure(FailureKind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Send JSON (Content-Type: application/json)");
    }
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw new Failure(FailureKind.INVALID, "malformed_json", "The request needs a JSON body");
    }
    T value;
    try {
      value = Json.mapper().readValue(body.getBytes(), type);
    } catch (IOException e) {
      throw ErrorResponses.translate(e);
    }
    if (value == null) {
      throw new Failure(FailureKind.INVALID, "malformed_json", "The body must be a JSON object");
    }
    return value;
  }

  static void json(RoutingContext ctx, int status, Object value) {
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(value);
    } catch (IOException e) {
      ctx.fail(e);
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(Buffer.buffer(bytes));
  }
}
