package yoriai.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * With a real MongoDB the driver does the failover; this only notices when writes work again. While
 * writes are refused it asks the server once a second whether it is a writable primary.
 */
final class PrimaryWatch {
  private final MongoClient client;
  private final Writability writability;
  private boolean asking;

  private PrimaryWatch(MongoClient client, Writability writability) {
    this.client = client;
    this.writability = writability;
  }

  static long start(Vertx vertx, MongoClient client, Writability writability) {
    PrimaryWatch watch = new PrimaryWatch(client, writability);
    return vertx.setPeriodic(Recovery.PERIOD_MS, id -> watch.tick());
  }

  /**
   * Completes with whether the server that takes our writes is a writable primary now. The legacy
   * {@code isMaster} rather than {@code hello}: every server version still answers it.
   */
  static Future<Boolean> writablePrimary(MongoClient client) {
    return client.runCommand("isMaster", new JsonObject().put("isMaster", 1))
        .map(reply -> reply.getBoolean("ismaster", false));
  }

  private void tick() {
    if (asking || writability.writable()) {
      return;
    }
    asking = true;
    writablePrimary(client).onComplete(answer -> {
      asking = false;
      if (answer.succeeded() && answer.result()) {
        writability.recovered();
      }
    });
  }
}
