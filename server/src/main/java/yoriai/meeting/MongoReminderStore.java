package yoriai.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import yoriai.storage.Storage;
import yoriai.storage.StoreErrors;

/** {@code meeting_reminders}: one document per meeting, {@code _id} its id. */
final class MongoReminderStore implements ReminderStore {
  private static final String REMINDERS = "meeting_reminders";

  private final Storage storage;
  private final MongoClient mongo;

  MongoReminderStore(Storage storage) {
    this.storage = storage;
    this.mongo = storage.mongo();
  }

  private static JsonObject date(Instant at) {
    return new JsonObject().put("$date", at.toString());
  }

  @Override
  public Future<Set<String>> finished(Collection<String> meetingIds) {
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(meetingIds))))
        .put("finished", true);
    return mongo.find(REMINDERS, query).map(docs -> docs.stream().map(doc -> doc.getString("_id")).collect(Collectors.toSet()));
  }

  @Override
  public Future<Optional<Set<String>>> claim(String meetingId, Instant now, Instant leaseUntil) {
    JsonObject fresh = new JsonObject().put("_id", meetingId).put("finished", false).put("leaseUntil", date(Instant.EPOCH))
        .put("reminded", new JsonArray());
    Future<Void> exists = mongo.insert(REMINDERS, fresh).<Void>mapEmpty()
        .recover(e -> StoreErrors.isDuplicateKey(e) ? Future.succeededFuture() : Future.failedFuture(e));
    JsonObject free = new JsonObject().put("_id", meetingId).put("finished", false)
        .put("leaseUntil", new JsonObject().put("$lte", date(now)));
    return exists.compose(v -> mongo.findOneAndUpdate(REMINDERS, free,
            new JsonObject().put("$set", new JsonObject().put("leaseUntil", date(leaseUntil)))))
        .compose(claimed -> claimed == null ? Future.succeededFuture(Optional.empty())
            : storage.durable().map(Optional.of(claimed.getJsonArray("reminded", new JsonArray()).stream()
                .map(String::valueOf).collect(Collectors.toSet()))));
  }

  @Override
  public Future<Void> reminded(String meetingId, String accountId) {
    return mongo.updateCollection(REMINDERS, new JsonObject().put("_id", meetingId),
        new JsonObject().put("$addToSet", new JsonObject().put("reminded", accountId))).mapEmpty();
  }

  @Override
  public Future<Void> finish(String meetingId) {
    return mongo.updateCollection(REMINDERS, new JsonObject().put("_id", meetingId),
        new JsonObject().put("$set", new JsonObject().put("finished", true))).compose(v -> storage.durable());
  }
}
