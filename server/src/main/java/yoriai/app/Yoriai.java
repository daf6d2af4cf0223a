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
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import yoriai.account.AccountService;
import yoriai.archive.ArchiveService;
import yoriai.casefile.CaseService;
import yoriai.cluster.ClusteredVertx;
import yoriai.catalog.CatalogSearch;
import yoriai.catalog.CatalogService;
import yoriai.http.HttpApi;
import yoriai.insight.InsightService;
import yoriai.http.HttpServerVerticle;
import yoriai.meeting.MeetingService;
import yoriai.storage.Storage;
import yoriai.ws.WebSocketEndpoint;

/** A running server: storage, features and the HTTP/WebSocket edge, wired together. */
public final class Yoriai {
  private static final System.Logger LOG = System.getLogger(Yoriai.class.getName());

  private final Vertx vertx;
  private final Storage storage;
  private final HttpServerVerticle http;
  private final AtomicBoolean draining;
  private final HttpApi.Features features;

  private Yoriai(Vertx vertx, Storage storage, HttpServerVerticle http, AtomicBoolean draining, HttpApi.Features features) {
    this.vertx = vertx;
    this.storage = storage;
    this.http = http;
    this.draining = draining;
    this.features = features;
  }

  public static Future<Yoriai> start(Config config) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    VertxOptions options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
    VertxBuilder builder = Vertx.builder().withMetrics(new MicrometerMetricsFactory(registry));
    return ClusteredVertx.build(builder, options, config.cluster())
        .compose(vertx -> startOn(vertx, config, registry).onFailure(e -> vertx.close()));
  }

  private static Future<Yoriai> startOn(Vertx vertx, Config config, PrometheusMeterRegistry registry) {
    EventLoopLag.start(vertx, registry);
    return Storage.open(vertx, config.mongoUri(), config.dataDir(), registry)
        .compose(storage -> features(vertx, config, registry, storage)
            .compose(features -> serve(vertx, config, storage, features))
            .onFailure(e -> storage.close(vertx)));
  }

  /** Creates every feature service, in dependency order. */
  private static Future<HttpApi.Features> features(Vertx vertx, Config config, PrometheusMeterRegistry registry, Storage storage) {
    Clock clock = Clock.systemUTC();
    Future<AccountService> accounts = AccountService.create(vertx, storage, config.accounts(), clock)
        .compose(service -> service.bootstrapAdmin(config.adminEmail(), config.adminPassword()).map(service));
    Future<CaseService> cases = CaseService.create(storage, clock);
    Future<MeetingService> meetings = cases.compose(caseService ->
        MeetingService.create(vertx, storage, new CaseFilesForMeetings(caseService), clock, registry));
    Future<CatalogService> catalog = CatalogService.create(storage, CatalogSearch.substrings(), clock);
    Future<ArchiveService> archive = Future.all(accounts, cases, meetings, catalog).compose(all -> ArchiveService.create(vertx,
        storage, config.dataDir().resolve("archive-index"),
        new ArchiveService.Dependencies(meetings.result(), cases.result(), accounts.result(),
            catalog.result()::recordPublishedCase, clock)));
    return Future.all(archive, catalog).map(ready -> new HttpApi.Features(accounts.result(), cases.result(),
        meetings.result(), new WebSocketEndpoint(vertx, accounts.result(), meetings.result(), config.sockets(), registry),
        archive.result(), catalog.result(), new InsightService(archive.result(), catalog.result()), storage, registry));
  }

  private static Future<Yoriai> serve(Vertx vertx, Config config, Storage storage, HttpApi.Features features) {
    AtomicBoolean draining = new AtomicBoolean();
    HttpApi.Settings settings = new HttpApi.Settings(config.bodyLimitBytes(), config.allowedOrigins(), draining::get);
    HttpServerVerticle http = new HttpServerVerticle(config.host(), config.port(), v -> HttpApi.router(v, settings, features));
    return vertx.deployVerticle(http).map(id -> new Yoriai(vertx, storage, http, draining, features));
  }

  public int port() {
    return http.actualPort();
  }

  /** Completes with the reason when the store is gone for good and only a restart can help. */
  public Future<String> storageLost() {
    return storage.lost();
  }

  /** The catalog, for in-process callers such as tests that play the archive's publish flow. */
  public CatalogService catalog() {
    return features.catalog();
  }

  /** Graceful stop: readiness turns 503, the HTTP server drains, then the store is committed and closed. */
  public Future<Void> stop() {
    draining.set(true);
    LOG.log(System.Logger.Level.INFO, "shutting down");
    Promise<Void> stopped = Promise.promise();
    vertx.undeploy(vertx.deploymentIDs().iterator().next())
        .eventually(() -> features.archive().close())
        .eventually(() -> storage.close(vertx))
        .onComplete(drained -> vertx.close().onComplete(closed -> stopped.handle(drained.failed() ? drained : closed)));
    return stopped.future();
  }
}
