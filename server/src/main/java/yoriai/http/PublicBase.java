package yoriai.http;

import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Optional;

/**
 * This server's absolute address as readers reach it, for links that leave the server (feeds, the
 * sitemap, robots.txt): {@code YORIAI_PUBLIC_URL} when set (behind a proxy the request alone does
 * not know it), else the request's scheme and {@code Host}. Never ends with a slash.
 */
final class PublicBase {
  private final Optional<URI> publicUrl;

  PublicBase(Optional<URI> publicUrl) {
    this.publicUrl = publicUrl;
  }

  String of(RoutingContext ctx) {
    return publicUrl.map(URI::toString).orElseGet(() -> {
      String host = ctx.request().authority() == null ? "localhost" : ctx.request().authority().toString();
      return ctx.request().scheme() + "://" + host;
    }).replaceAll("/+$", "");
  }
}
