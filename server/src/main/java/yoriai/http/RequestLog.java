package yoriai.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.regex.Pattern;
import yoriai.account.Account;
import yoriai.shared.Ids;

/** Gives each request an id and writes one JSON line for it when the response ends. */
final class RequestLog {
  static final String REQUEST_ID = "requestId";
  private static final System.Logger LOG = System.getLogger("yoriai.request");
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private RequestLog() {}

  static void handle(RoutingContext ctx) {
    String offered = ctx.request().getHeader("X-Request-Id");
    String requestId = offered != null && SAFE_ID.matcher(offered).matches() ? offered : Ids.newId();
    long started = System.nanoTime();
    ctx.put(REQUEST_ID, requestId);
    ctx.response().putHeader("X-Request-Id", requestId);
    ctx.addEndHandler(done -> {
      Account account = ctx.get(Authentication.ACCOUNT);
      JsonObject line = new JsonObject()
          .put("ts", Instant.now().toString())
          .put("requestId", requestId)
          .put("method", ctx.request().method().name())
          .put("path", ctx.request().path())
          .put("status", ctx.response().getStatusCode())
          .put("ms", Math.round((System.nanoTime() - started) / 1e4) / 100.0)
          .put("bytes", ctx.response().bytesWritten())
          .put("remote", ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress());
      if (account != null) {
        line.put("account", account.id());
      }
      LOG.log(System.Logger.Level.INFO, line.encode());
    });
    ctx.next();
  }
}
