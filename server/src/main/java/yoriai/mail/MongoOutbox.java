package yoriai.mail;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import yoriai.storage.Documents;
import yoriai.storage.Storage;
import yoriai.storage.StoreErrors;

final class MongoOutbox implements Outbox {
  private static final String OUTBOX = "outbox";

  private final Storage storage;
  private final MongoClient mongo;

  private MongoOutbox(Storage storage) {
    this.storage = storage;
    this.mongo = storage.mongo();
  }

  static Future<Outbox> create(Storage storage) {
    MongoOutbox outbox = new MongoOutbox(storage);
    return outbox.mongo.createIndex(OUTBOX, new JsonObject().put("state", 1).put("nextAttemptAt", 1))
        .compose(v -> outbox.mongo.createIndex(OUTBOX, new JsonObject().put("createdAt", -1)))
        .map(outbox);
  }

  @Override
  public Future<Boolean> insert(OutboxMail mail) {
    return mongo.insert(OUTBOX, Documents.toDocument(mail))
        .map(true)
        .recover(error -> StoreErrors.isDuplicateKey(error) ? Future.succeededFuture(false) : Future.failedFuture(error))
        .compose(fresh -> storage.durable().map(fresh));
  }

  @Override
  public Future<Optional<OutboxMail>> claimDue(long nowMillis, long claimedUntilMillis) {
    JsonObject due = new JsonObject()
        .put("state", OutboxMail.QUEUED)
        .put("nextAttemptAt", new JsonObject().put("$lte", nowMillis))
        .put("claimedUntil", new JsonObject().put("$lte", nowMillis));
    JsonObject claim = new JsonObject().put("$set", new JsonObject().put("claimedUntil", claimedUntilMillis));
    return mongo.findOneAndUpdate(OUTBOX, due, claim)
        .compose(found -> storage.durable().map(Optional.ofNullable(found)
            .map(doc -> Documents.fromDocument(doc, OutboxMail.class))));
  }

  @Override
  public Future<Void> markSent(String id, Instant at) {
    return update(id, new JsonObject().put("state", OutboxMail.SENT).put("sentAt", at.toString()).put("claimedUntil", 0L));
  }

  @Override
  public Future<Void> markFailed(String id, int attempts, long nextAttemptAtMillis, String error) {
    return update(id, new JsonObject().put("attempts", attempts).put("nextAttemptAt", nextAttemptAtMillis)
        .put("lastError", error).put("claimedUntil", 0L));
  }

  private Future<Void> update(String id, JsonObject set) {
    return mongo.updateCollection(OUTBOX, new JsonObject().put("_id", id), new JsonObject().put("$set", set))
        .compose(result -> storage.durable());
  }

  @Override
  public Future<Void> pruneSent(long createdBeforeMillis) {
    JsonObject old = new JsonObject().put("state", OutboxMail.SENT).put("createdAt", new JsonObject().put("$lt", createdBeforeMillis));
    return mongo.removeDocuments(OUTBOX, old).compose(removed -> storage.durable());
  }

  @Override
  public Future<List<OutboxMail>> list(int limit) {
    return mongo.findWithOptions(OUTBOX, new JsonObject(),
            new FindOptions().setSort(new JsonObject().put("createdAt", -1)).setLimit(limit))
        .map(docs -> docs.stream().map(doc -> Documents.fromDocument(doc, OutboxMail.class)).toList());
  }
}
