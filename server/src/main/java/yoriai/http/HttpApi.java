package yoriai.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import yoriai.account.AccountService;
import yoriai.archive.ArchiveService;
import yoriai.casefile.CaseService;
import yoriai.meeting.MeetingService;
import yoriai.catalog.CatalogService;
import yoriai.insight.InsightService;
import yoriai.mail.Mailer;
import yoriai.notification.Notifier;
import yoriai.storage.Storage;
import yoriai.ws.WebSocketEndpoint;

/** Assembles the router: edge handlers first, then one thin Routes class per feature. */
public final class HttpApi {
  private HttpApi() {}

  public static Router router(Vertx vertx, Settings settings, Features features) {
    Router router = Router.router(vertx);
    router.route().handler(RequestLog::handle);
    router.route().handler(SecurityHeaders.handler(settings.strictTransportSecurity()));
    router.get("/ws").handler(ctx -> features.sockets().handle(ctx.request()));
    if (!settings.allowedOrigins().isEmpty()) {
      router.route("/api/*").handler(CorsHandler.create()
          .addOrigins(settings.allowedOrigins())
          .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE))
          .allowedHeaders(Set.of("Authorization", "Content-Type", "X-Request-Id")));
    }
    BodyHandler jsonBodies = BodyHandler.create(false).setBodyLimit(settings.bodyLimitBytes());
    // the case import reads its file upload itself once the sign-in is checked; until then it waits, paused
    router.route("/api/*").handler(ctx -> {
      if (CaseRoutes.IMPORT.equals(ctx.normalizedPath())) {
        ctx.request().pause();
        ctx.next();
      } else {
        jsonBodies.handle(ctx);
      }
    });
    Authentication authentication = new Authentication(features.accounts());
    router.route("/api/*").handler(authentication::resolve);

    new AuthRoutes(features.accounts(), features.registry()).mount(router);
    new AccountRoutes(features.accounts().administration()).mount(router);
    new SignUpRoutes(features.accounts()).mount(router);
    new CaseRoutes(features.cases(), settings.uploads()).mount(router);
    new PrivacyRoutes(features.cases()).mount(router);
    new MeetingRoutes(features.meetings()).mount(router);
    PublicBase base = new PublicBase(settings.publicBase());
    new ArchiveRoutes(features.archive(), base).mount(router);
    new CatalogRoutes(features.catalog()).mount(router);
    new OutboxRoutes(features.mailer()).mount(router);
    new NotificationRoutes(features.notifier().inbox()).mount(router);
    new InsightRoutes(features.insight()).mount(router);
    new OpsRoutes(features.storage(), features.registry(), settings.draining()).mount(router);
    new PageRoutes(features.archive(), features.catalog(), features.insight(), base).mount(router);
    new SiteRoutes(features.archive(), features.catalog(), base).mount(router);
    StaticRoutes.mount(router);

    router.route().failureHandler(ErrorResponses::handle);
    router.errorHandler(404, ErrorResponses::handle);
    router.errorHandler(405, ErrorResponses::handle);
    return router;
  }

  /**
   * Edge settings from configuration; {@code strictTransportSecurity} when the public URL is https.
   * {@code uploads}: where an uploaded file waits until its response ends (then it is deleted).
   * {@code publicBase}: YORIAI_PUBLIC_URL, for the absolute links of the pages, feeds and the sitemap (else each request's own).
   */
  public record Settings(int bodyLimitBytes, List<String> allowedOrigins, BooleanSupplier draining,
      boolean strictTransportSecurity, Path uploads, Optional<URI> publicBase) {}

  /** The services the routes translate to. */
  public record Features(AccountService accounts, CaseService cases, MeetingService meetings,
      WebSocketEndpoint sockets, ArchiveService archive, CatalogService catalog, InsightService insight,
      Mailer mailer, Notifier notifier, Storage storage, PrometheusMeterRegistry registry) {}
}
