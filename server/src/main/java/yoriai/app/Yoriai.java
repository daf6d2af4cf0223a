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
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import yoriai.account.Account;
import yoriai.account.AccountService;
import yoriai.http.HttpApi;
import yoriai.http.HttpServerVerticle;
import yoriai.meeting.CaseLink;
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

  private Yoriai(Vertx vertx, Storage storage, HttpServerVerticle http, AtomicBoolean draining) {
    this.vertx = vertx;
    this.storage = storage;
    this.http = http;
    this.draining = draining;
  }

  /**
   * INTEGRATION: placeholder until the case-file feature lands; replace with the CaseService-backed
   * link (schedule checks the host may put each case on a meeting, markDiscussed moves them on).
   */
  private static final CaseLink PERMISSIVE_CASES = new CaseLink() {
    @Override
    public Future<Void> schedule(List<String> caseIds, Account host) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> markDiscussed(List<String> caseIds, Account host) {
      return Future.succeededFuture();
    }
  };

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
            .compose(accounts -> MeetingService.create(vertx, storage, PERMISSIVE_CASES, clock, registry).compose(meetings -> {
              HttpApi.Settings settings = new HttpApi.Settings(config.bodyLimitBytes(), config.allowedOrigins(), draining::get);
              WebSocketEndpoint sockets = new WebSocketEndpoint(vertx, accounts, meetings, config.sockets(), registry);
              HttpApi.Features features = new HttpApi.Features(accounts, storage, registry, meetings, sockets);
              HttpServerVerticle http = new HttpServerVerticle(config.host(), config.port(),
                  v -> HttpApi.router(v, settings, features));
              return vertx.deployVerticle(http).map(id -> new Yoriai(vertx, storage, http, draining));
            }))
            .onFailure(e -> storage.close(vertx)))
        .onFailure(e -> vertx.close());
  }

  public int port() {
    return http.actualPort();
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
