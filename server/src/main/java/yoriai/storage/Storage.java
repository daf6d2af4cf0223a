package yoriai.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The MongoDB connection every feature store uses, plus the durability barrier that makes an
 * acknowledged write survive {@code kill -9} in both modes.
 */
public final class Storage {
  private final MongoClient mongo;
  private final DurabilityBarrier barrier;
  private final AutoCloseable owned;

  private Storage(MongoClient mongo, DurabilityBarrier barrier, AutoCloseable owned) {
    this.mongo = mongo;
    this.barrier = barrier;
    this.owned = owned;
  }

  /** Connects to {@code mongoUri}, or starts the embedded store in {@code dataDir} when it is empty. */
  public static Future<Storage> open(Vertx vertx, Optional<String> mongoUri, Path dataDir) {
    if (mongoUri.isPresent()) {
      String uri = DurableUri.withMajorityJournal(mongoUri.get());
      MongoClient client = MongoClient.createShared(vertx, clientConfig(uri, DurableUri.databaseName(uri)), "yoriai");
      return Future.succeededFuture(new Storage(client, DurabilityBarrier.NONE, () -> { }));
    }
    return vertx.executeBlocking(() -> EmbeddedStore.start(dataDir)).map(embedded -> {
      MongoClient client = MongoClient.createShared(vertx,
          clientConfig(embedded.connectionString(), "yoriai"), "yoriai-embedded-" + embedded.port());
      return new Storage(client, new GroupCommit(vertx, embedded), embedded);
    });
  }

  private static JsonObject clientConfig(String uri, String database) {
    return new JsonObject()
        .put("connection_string", uri)
        .put("db_name", database)
        .put("useObjectId", false)
        .put("serverSelectionTimeoutMS", 5000)
        .put("connectTimeoutMS", 5000);
  }

  public MongoClient mongo() {
    return mongo;
  }

  /**
   * Completes once every write that MongoDB acknowledged before this call is on disk. Call it
   * between a write and the reply that acknowledges it to the user.
   */
  public Future<Void> durable() {
    return barrier.await();
  }

  /** A round trip to the store, for readiness checks. */
  public Future<Void> ping() {
    return mongo.runCommand("ping", new JsonObject().put("ping", 1)).mapEmpty();
  }

  public Future<Void> close(Vertx vertx) {
    return mongo.close().eventually(() -> vertx.executeBlocking(() -> {
      owned.close();
      return null;
    }));
  }
}
