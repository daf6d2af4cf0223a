package yoriai.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web client, packed into the jar under {@code webroot/}. Paths that are not files fall back to
 * {@code index.html} so permalinks of the single-page app load directly.
 */
final class StaticRoutes {
  private StaticRoutes() {}

  static void mount(Router router) {
    router.route("/assets/*").method(HttpMethod.GET).handler(StaticHandler.create("webroot")
        .setCachingEnabled(true).setMaxAgeSeconds(31_536_000).setIncludeHidden(false));
    StaticHandler pages = StaticHandler.create("webroot").setCachingEnabled(false).setIncludeHidden(false);
    router.get("/*").handler(ctx -> {
      String path = ctx.request().path();
      if (path.startsWith("/api/") || path.startsWith("/ws") || path.equals("/metrics")
          || path.equals("/health") || path.startsWith("/health/")) {
        ctx.next();
        return;
      }
      ctx.response().putHeader("Cache-Control", "no-cache");
      if (!path.contains(".")) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").sendFile("webroot/index.html");
        return;
      }
      pages.handle(ctx);
    });
  }
}
