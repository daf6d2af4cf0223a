package yoriai.app;

import static yoriai.app.StartupFailure.at;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import yoriai.account.AccountService;
import yoriai.app.StartupFailure.Step;
import yoriai.archive.ArchiveService;
import yoriai.casefile.CaseService;
import yoriai.cluster.ClusteredVertx;
import yoriai.catalog.CatalogService;
import yoriai.http.HttpApi;
import yoriai.insight.InsightService;
import yoriai.mail.Mailer;
import yoriai.http.HttpServerVerticle;
import yoriai.meeting.MeetingService;
import yoriai.notification.Notifier;
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
  /** The periodic reminder check's timer, when {@code YORIAI_REMINDER_CHECK_SECONDS} is not 0. */
  private final Optional<Long> reminderTimer;
  private final Optional<String> setupLink;

  private Yoriai(Vertx vertx, Storage storage, HttpServerVerticle http, AtomicBoolean draining, HttpApi.Features features,
      Optional<Long> reminderTimer, Optional<String> setupLink) {
    this.vertx = vertx;
    this.storage = storage;
    this.http = http;
    this.draining = draining;
    this.features = features;
    this.reminderTimer = reminderTimer;
    this.setupLink = setupLink;
  }

  public static Future<Yoriai> start(Config config) {
    return start(config, Clock.systemUTC());
  }

  /** A server whose features read {@code clock} (tests move it to expire sessions). */
  public static Future<Yoriai> start(Config config, Clock clock) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    VertxOptions options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
    VertxBuilder builder = Vertx.builder().withMetrics(new MicrometerMetricsFactory(registry));
    // a promise bound to no context: after a failed start its listeners must still run once Vert.x is closed
    Promise<Yoriai> started = Promise.promise();
    ClusteredVertx.build(builder, options, config.cluster()).recover(at(Step.CLUSTER)).onComplete(built -> {
      if (built.failed()) {
        started.fail(built.cause());
        return;
      }
      startOn(built.result(), config, clock, registry).onComplete(result -> {
        if (result.succeeded()) {
          started.complete(result.result());
        } else {
          built.result().close().onComplete(closed -> started.fail(result.cause()));
        }
      });
    });
    return started.future();
  }

  /** Fails with a {@link StartupFailure.AtStep}, having closed whatever it had opened (the caller closes Vert.x). */
  private static Future<Yoriai> startOn(Vertx vertx, Config config, Clock clock, PrometheusMeterRegistry registry) {
    EventLoopLag.start(vertx, registry);
    return Storage.open(vertx, config.mongoUri(), config.dataDir(), registry).recover(at(Step.STORE))
        .compose(storage -> features(vertx, config, clock, registry, storage).recover(at(Step.FEATURES))
            .compose(features -> serve(vertx, config, storage, features).recover(at(Step.HTTP))
                .recover(e -> undo(features.archive().close(), e)))
            .recover(e -> undo(storage.close(vertx), e)));
  }

  /** Fails with {@code error} once {@code closing} is done, whether or not closing worked. */
  private static <T> Future<T> undo(Future<Void> closing, Throwable error) {
    return closing.transform(closed -> Future.failedFuture(error));
  }

  /** Creates every feature service, in dependency order. */
  private static Future<HttpApi.Features> features(Vertx vertx, Config config, Clock clock, PrometheusMeterRegistry registry,
      Storage storage) {
    Future<Mailer> mailer = Mailer.create(vertx, storage, config.mail(), clock);
    Future<Notifier> notifier = mailer.compose(m -> Notifier.create(storage, m, clock));
    Future<AccountService> accounts = notifier.compose(n -> AccountService.create(vertx, storage, config.accounts(),
            mailer.result(), n, clock))
        .compose(service -> service.bootstrapAdmin(config.adminEmail(), config.adminPassword()).recover(at(Step.ADMIN))
            .map(service));
    Future<CatalogService> catalog = CatalogService.create(vertx, storage, clock);
    Future<CaseService> cases = CaseService.create(vertx, storage, new RegisteredNamesFromStores(accounts), clock);
    Future<MeetingService> meetings = Future.all(cases, accounts, notifier).compose(all ->
        MeetingService.create(vertx, storage, new CaseFilesForMeetings(cases.result()),
            new PersonalDataCheckForMeetings(cases.result()),
            new ProposalNotices(cases.result(), accounts.result(), notifier.result(), mailer.result()),
            new MeetingService.Outreach(new AccountsForMeetings(accounts.result()), mailer.result(), notifier.result()),
            clock, registry));
    Future<ArchiveService> archive = Future.all(accounts, cases, meetings, catalog).compose(all -> ArchiveService.create(vertx,
        storage, config.dataDir().resolve("archive-index"),
        new ArchiveService.Dependencies(meetings.result(), cases.result(), accounts.result(),
            catalog.result()::recordPublishedCase,
            new PublicationNotices(accounts.result(), notifier.result(), mailer.result()), clock)));
    return Future.all(archive, catalog, notifier).map(ready -> new HttpApi.Features(accounts.result(), cases.result(),
        meetings.result(), new WebSocketEndpoint(vertx, accounts.result(), meetings.result(), config.sockets(), clock, registry),
        archive.result(), catalog.result(), new InsightService(archive.result(), catalog.result()), mailer.result(),
        notifier.result(), storage, registry));
  }

  private static Future<Yoriai> serve(Vertx vertx, Config config, Storage storage, HttpApi.Features features) {
    AtomicBoolean draining = new AtomicBoolean();
    HttpApi.Settings settings = new HttpApi.Settings(config.bodyLimitBytes(), config.allowedOrigins(), draining::get,
        config.servedOverHttps(), config.dataDir().resolve("uploads"), config.publicUrl());
    Router router = HttpApi.router(vertx, settings, features);
    List<HttpServerVerticle> listeners = new CopyOnWriteArrayList<>();
    Supplier<HttpServerVerticle> listener = () -> {
      HttpServerVerticle http = new HttpServerVerticle(config.host(), config.port(), router);
      listeners.add(http);
      return http;
    };
    return vertx.deployVerticle(listener, new DeploymentOptions().setInstances(config.eventLoops())).compose(id -> {
      HttpServerVerticle http = listeners.get(0);
      features.mailer().servedAt(http.actualPort());
      Optional<Long> reminders = config.reminderChecks().map(period -> features.meetings().reminders().every(vertx, period));
      // once listening, so the setup link names the port the server really has
      return features.accounts().setup().open()
          .map(setupLink -> new Yoriai(vertx, storage, http, draining, features, reminders, setupLink));
    });
  }

  public int port() {
    return http.actualPort();
  }

  /** Completes with the reason when the store is gone for good and only a restart can help. */
  public Future<String> storageLost() {
    return storage.lost();
  }

  /** The first-run link this server logged, when it started with no account. */
  public Optional<String> setupLink() {
    return setupLink;
  }

  /** The mailer, for tests that queue a mail without a feature that sends one. */
  public Mailer mailer() {
    return features.mailer();
  }

  /** The catalog, for in-process callers such as tests that play the archive's publish flow. */
  public CatalogService catalog() {
    return features.catalog();
  }

  /** Sends the reminders due now, as the periodic check does; for tests that move the clock. */
  public Future<Integer> remindDueMeetings() {
    return features.meetings().reminders().remindDue();
  }

  /** Graceful stop: readiness turns 503, the HTTP server drains, then the store is committed and closed. */
  public Future<Void> stop() {
    draining.set(true);
    reminderTimer.ifPresent(vertx::cancelTimer);
    LOG.log(System.Logger.Level.INFO, "shutting down");
    Promise<Void> stopped = Promise.promise();
    vertx.undeploy(vertx.deploymentIDs().iterator().next())
        .eventually(() -> features.mailer().close())
        .eventually(() -> features.archive().close())
        .eventually(() -> storage.close(vertx))
        .onComplete(drained -> vertx.close().onComplete(closed -> stopped.handle(drained.failed() ? drained : closed)));
    return stopped.future();
  }
}
