package yoriai.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import yoriai.storage.Storage;

/** {@code /health} (readiness with a storage round trip) and {@code /metrics} (Prometheus text). */
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
    router.get("/health").handler(this::health);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
  }

  private void health(RoutingContext ctx) {
    if (draining.getAsBoolean()) {
      reply(ctx, false, "draining");
      return;
    }
    storage.ping().timeout(STORAGE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onComplete(result -> reply(ctx, result.succeeded(), result.succeeded() ? "ok" : "down"));
  }

  private static void reply(RoutingContext ctx, boolean ready, String storageState) {
    JsonObject body = new JsonObject()
        .put("status", ready ? "ok" : "unavailable")
        .put("checks", new JsonObject().put("storage", storageState));
    ctx.response()
        .setStatusCode(ready ? 200 : 503)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
