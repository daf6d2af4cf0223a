package yoriai.app;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import yoriai.account.AccountService;
import yoriai.catalog.CatalogSearch;
import yoriai.catalog.CatalogService;
import yoriai.http.HttpApi;
import yoriai.http.HttpServerVerticle;
import yoriai.storage.Storage;

/** A running server: storage, features and the HTTP/WebSocket edge, wired together. */
public final class Yoriai {
  private static final System.Logger LOG = System.getLogger(Yoriai.class.getName());

  private final Vertx vertx;
  private final Storage storage;
  private final HttpServerVerticle http;
  private final AtomicBoolean draining;
  private final CatalogService catalog;

  private Yoriai(Vertx vertx, Storage storage, HttpServerVerticle http, AtomicBoolean draining, CatalogService catalog) {
    this.vertx = vertx;
    this.storage = storage;
    this.http = http;
    this.draining = draining;
    this.catalog = catalog;
  }

  public static Future<Yoriai> start(Config config) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
            .setEnabled(true)
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    EventLoopLag.start(vertx, registry);
    AtomicBoolean draining = new AtomicBoolean();
    Clock clock = Clock.systemUTC();
    return Storage.open(vertx, config.mongoUri(), config.dataDir()).compose(storage ->
        AccountService.create(vertx, storage, config.accounts(), clock)
            .compose(accounts -> accounts.bootstrapAdmin(config.adminEmail(), config.adminPassword()).map(accounts))
            .compose(accounts -> CatalogService.create(storage, CatalogSearch.substrings(), clock).compose(catalog -> {
              HttpApi.Settings settings = new HttpApi.Settings(config.bodyLimitBytes(), config.allowedOrigins(), draining::get);
              HttpApi.Features features = new HttpApi.Features(accounts, catalog, storage, registry);
              HttpServerVerticle http = new HttpServerVerticle(config.host(), config.port(),
                  v -> HttpApi.router(v, settings, features));
              return vertx.deployVerticle(http).map(id -> new Yoriai(vertx, storage, http, draining, catalog));
            }))
            .onFailure(e -> storage.close(vertx)))
        .onFailure(e -> vertx.close());
  }

  public int port() {
    return http.actualPort();
  }

  /** The catalog, for in-process callers such as tests that play the archive's publish flow. */
  public CatalogService catalog() {
    return catalog;
  }

  /** Graceful stop: readiness turns 503, the HTTP server drains, then the store is committed and closed. */
  public Future<Void> stop() {
    draining.set(true);
    LOG.log(System.Logger.Level.INFO, "shutting down");
    Promise<Void> stopped = Promise.promise();
    vertx.undeploy(vertx.deploymentIDs().iterator().next())
        .eventually(() -> storage.close(vertx))
        .onComplete(drained -> vertx.close().onComplete(closed -> stopped.handle(drained.failed() ? drained : closed)));
    return stopped.future();
  }
}
