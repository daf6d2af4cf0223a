package yoriai.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import yoriai.storage.StoreErrors;

/**
 * {@link LoginAttempts} as one document per key in {@code login_attempts}, changed only with
 * {@code findOneAndUpdate}. The embedded store has no TTL indexes, so expired counters are swept
 * periodically instead.
 */
final class MongoLoginAttempts implements LoginAttempts {
  private static final String COLLECTION = "login_attempts";

  private final MongoClient mongo;

  private MongoLoginAttempts(MongoClient mongo) {
    this.mongo = mongo;
  }

  static LoginAttempts create(Vertx vertx, MongoClient mongo, Clock clock, Duration sweepEvery) {
    vertx.setPeriodic(sweepEvery.toMillis(), t -> mongo.removeDocuments(COLLECTION,
        new JsonObject().put("expiresAt", new JsonObject().put("$lt", clock.millis()))));
    return new MongoLoginAttempts(mongo);
  }

  @Override
  public Future<Integer> add(String key, long expiresAtMillis) {
    JsonObject update = new JsonObject()
        .put("$inc", new JsonObject().put("attempts", 1))
        .put("$setOnInsert", new JsonObject().put("blockedUntil", 0L).put("expiresAt", expiresAtMillis));
    UpdateOptions upsert = new UpdateOptions().setUpsert(true).setReturningNewDocument(true);
    return mongo.findOneAndUpdateWithOptions(COLLECTION, id(key), update, new FindOptions(), upsert)
        // two first attempts at once may both try to insert; the loser finds the document the second time
        .recover(e -> StoreErrors.isDuplicateKey(e)
            ? mongo.findOneAndUpdateWithOptions(COLLECTION, id(key), update, new FindOptions(), upsert)
            : Future.failedFuture(e))
        .map(doc -> doc.getInteger("attempts"));
  }

  @Override
  public Future<Void> refund(String key) {
    return mongo.updateCollection(COLLECTION, id(key), new JsonObject().put("$inc", new JsonObject().put("attempts", -1)))
        .mapEmpty();
  }

  @Override
  public Future<Void> clear(String key) {
    return mongo.removeDocument(COLLECTION, id(key)).mapEmpty();
  }

  @Override
  public Future<Optional<Long>> claim(String key, long nowMillis, long untilMillis) {
    JsonObject free = id(key).put("blockedUntil", new JsonObject().put("$lte", nowMillis));
    JsonObject block = new JsonObject().put("$set", new JsonObject().put("blockedUntil", untilMillis));
    return mongo.findOneAndUpdate(COLLECTION, free, block).compose(claimed -> claimed != null
        ? Future.succeededFuture(Optional.<Long>empty())
        : mongo.findOne(COLLECTION, id(key), null)
            .map(doc -> Optional.of(doc == null ? nowMillis : doc.getLong("blockedUntil"))));
  }

  private static JsonObject id(String key) {
    return new JsonObject().put("_id", key);
  }
}
