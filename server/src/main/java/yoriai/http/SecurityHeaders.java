package yoriai.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every response carries. The web client ships no inline script or style, so CSP can forbid
 * both. HSTS only when the server is published over https (behind a TLS-terminating proxy): sent
 * over plain http to a local server it would pin browsers to an https that does not exist.
 */
final class SecurityHeaders {
  static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'");

  private SecurityHeaders() {}

  static Handler<RoutingContext> handler(boolean strictTransportSecurity) {
    return ctx -> {
      if (strictTransportSecurity) {
        ctx.response().headers().set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
      }
      handle(ctx);
    };
  }

  private static void handle(RoutingContext ctx) {
    MultiMap headers = ctx.response().headers();
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Cross-Origin-Opener-Policy", "same-origin");
    headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (ctx.request().path().startsWith("/api/")) {
      headers.set("Cache-Control", "no-store");
    }
    ctx.next();
  }
}
