package yoriai.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import yoriai.storage.Storage;

/**
 * {@code /health/ready} (send traffic here: not draining and the store can complete a durable
 * write), {@code /health/live} (503 only when the node cannot recover and must be restarted),
 * {@code /health} (the same as ready, as before) and {@code /metrics} (Prometheus text).
 */
final class OpsRoutes {
  private static final long STORAGE_TIMEOUT_MS = 2000;

  private final Storage storage;
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier draining;

  OpsRoutes(Storage storage, PrometheusMeterRegistry registry, BooleanSupplier draining) {
    this.storage = storage;
    this.registry = registry;
    this.draining = draining;
  }

  void mount(Router router) {
    router.get("/health").handler(this::ready);
    router.get("/health/ready").handler(this::ready);
    router.get("/health/live").handler(this::live);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
  }

  private void ready(RoutingContext ctx) {
    if (draining.getAsBoolean()) {
      reply(ctx, false, "draining");
      return;
    }
    if (!storage.live()) {
      reply(ctx, false, "lost");
      return;
    }
    Future<Boolean> writable = storage.ready().timeout(STORAGE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    writable.onComplete(result -> {
      String state = result.failed() ? "down" : result.result() ? "ok" : "unwritable";
      reply(ctx, state.equals("ok"), state);
    });
  }

  private void live(RoutingContext ctx) {
    boolean live = storage.live();
    reply(ctx, live, live ? "ok" : "lost");
  }

  private static void reply(RoutingContext ctx, boolean ok, String storageState) {
    JsonObject body = new JsonObject()
        .put("status", ok ? "ok" : "unavailable")
        .put("checks", new JsonObject().put("storage", storageState));
    ctx.response()
        .setStatusCode(ok ? 200 : 503)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
