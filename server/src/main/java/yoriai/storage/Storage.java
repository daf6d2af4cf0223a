package yoriai.storage;

import com.mongodb.ConnectionString;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The MongoDB connection every feature store uses, plus the durability barrier that makes an
 * acknowledged write survive {@code kill -9} in both modes, and the truth about whether the store
 * can take a write at all (see {@link Writability}).
 */
public final class Storage {
  /** Far longer than any read of this server should take; {@code socketTimeoutMS} in the URI overrides it. */
  static final int SOCKET_TIMEOUT_MS = 30_000;
  private static final String DATABASE = "yoriai";
  private final MongoClient mongo;
  private final RecordMaps records;
  private final DurabilityBarrier barrier;
  private final Writability writability;
  private final Readiness readiness;
  private final AutoCloseable owned;

  /** The embedded store's record maps; none on MongoDB. */
  private interface RecordMaps {
    Optional<RecordMap> named(String name);
  }

  /** How a readiness check asks the store whether it can complete a durable write now. */
  private interface Readiness {
    Future<Boolean> canWrite();
  }

  private Storage(MongoClient mongo, RecordMaps records, DurabilityBarrier barrier, Writability writability,
      Readiness readiness, AutoCloseable owned) {
    this.mongo = mongo;
    this.records = records;
    this.barrier = barrier;
    this.writability = writability;
    this.readiness = readiness;
    this.owned = owned;
  }

  /** Connects to {@code mongoUri}, or starts the embedded store in {@code dataDir} when it is empty. */
  public static Future<Storage> open(Vertx vertx, Optional<String> mongoUri, Path dataDir, MeterRegistry registry) {
    Writability writability = new Writability(registry);
    if (mongoUri.isPresent()) {
      String uri = DurableUri.withMajority(mongoUri.get());
      MongoClient client = MongoClient.createShared(vertx, clientConfig(uri, DurableUri.databaseName(uri)), "yoriai");
      long watch = PrimaryWatch.start(vertx, client, writability);
      MongoClient guarded = GuardedMongo.guard(client, writability, () -> 0, () -> false);
      return Future.succeededFuture(new Storage(guarded, name -> Optional.empty(), DurabilityBarrier.NONE, writability,
          () -> PrimaryWatch.writablePrimary(client), () -> vertx.cancelTimer(watch)));
    }
    return vertx.executeBlocking(() -> EmbeddedStore.start(dataDir)).map(embedded -> {
      MongoClient client = MongoClient.createShared(vertx,
          clientConfig(embedded.connectionString(), DATABASE), "yoriai-embedded-" + embedded.port());
      long recovery = Recovery.start(vertx, embedded, writability);
      Readiness readiness = () -> embedded.cannotWrite() ? Future.succeededFuture(false)
          : client.runCommand("ping", new JsonObject().put("ping", 1)).map(true);
      MongoClient guarded = GuardedMongo.guard(client, writability, embedded::generation, embedded::cannotWrite);
      RecordMaps records = name -> Optional.of(new RecordMap(vertx, embedded, writability, name));
      return new Storage(guarded, records, new GroupCommit(vertx, embedded, writability, registry), writability, readiness, () -> {
        vertx.cancelTimer(recovery);
        embedded.close();
      });
    });
  }

  static JsonObject clientConfig(String uri, String database) {
    JsonObject config = new JsonObject()
        .put("connection_string", uri)
        .put("db_name", database)
        .put("useObjectId", false)
        .put("serverSelectionTimeoutMS", 5000)
        .put("connectTimeoutMS", 5000);
    // the driver waits for a reply forever by default: a store that stops answering on an open
    // connection held every request and command that reached it, with no error ever sent back
    if (new ConnectionString(uri).getSocketTimeout() == null) {
      config.put("socketTimeoutMS", SOCKET_TIMEOUT_MS);
    }
    return config;
  }

  public MongoClient mongo() {
    return mongo;
  }

  /**
   * The embedded store's map {@code name}, kept apart from the MongoDB databases (decision 149);
   * empty on MongoDB, where the same data belongs in a collection.
   */
  public Optional<RecordMap> records(String name) {
    return records.named(name);
  }

  /**
   * Completes once every write that MongoDB acknowledged before this call is on disk. Call it
   * between a write and the reply that acknowledges it to the user. Fails with
   * {@code storage_unavailable} when that cannot be promised.
   */
  public Future<Void> durable() {
    return writability.writable() ? barrier.await() : Future.failedFuture(writability.refuse());
  }

  /** Readiness: completes with true when the store can complete a durable write now. */
  public Future<Boolean> ready() {
    if (!writability.writable()) {
      return Future.succeededFuture(false);
    }
    return readiness.canWrite();
  }

  /** Liveness: false once the store is given up and only a restart can bring it back. */
  public boolean live() {
    return !writability.isLost();
  }

  /** Completes with the reason when the store is given up for good: the node should exit and be restarted. */
  public Future<String> lost() {
    return writability.lost();
  }

  public Future<Void> close(Vertx vertx) {
    return mongo.close().eventually(() -> vertx.executeBlocking(() -> {
      owned.close();
      return null;
    }));
  }
}
