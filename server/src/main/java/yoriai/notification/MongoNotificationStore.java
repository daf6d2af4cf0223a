package yoriai.notification;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import yoriai.shared.Coded;
import yoriai.storage.Documents;
import yoriai.storage.Storage;
import yoriai.storage.StoreErrors;

final class MongoNotificationStore implements NotificationStore {
  private static final String NOTIFICATIONS = "notifications";
  private static final String PREFERENCES = "notification_preferences";

  private final Storage storage;
  private final MongoClient mongo;

  private MongoNotificationStore(Storage storage) {
    this.storage = storage;
    this.mongo = storage.mongo();
  }

  static Future<NotificationStore> create(Storage storage) {
    MongoNotificationStore store = new MongoNotificationStore(storage);
    return store.mongo.createIndex(NOTIFICATIONS, new JsonObject().put("accountId", 1).put("createdAt", -1).put("_id", -1))
        .map(store);
  }

  @Override
  public Future<Boolean> insertOnce(StoredNotification notification) {
    return mongo.insert(NOTIFICATIONS, Documents.toDocument(notification)).map(id -> true)
        .recover(error -> StoreErrors.isDuplicateKey(error) ? Future.succeededFuture(false) : Future.failedFuture(error))
        .compose(fresh -> storage.durable().map(fresh));
  }

  @Override
  public Future<Set<NoticeKind>> mailOff(String accountId) {
    return mongo.findOne(PREFERENCES, new JsonObject().put("_id", accountId), null)
        .map(found -> Optional.ofNullable(found).map(doc -> doc.getJsonArray("mailOff")).stream()
            .flatMap(codes -> codes.stream().map(String::valueOf))
            .flatMap(code -> Coded.fromCode(NoticeKind.class, code).stream())
            .collect(Collectors.toUnmodifiableSet()));
  }

  @Override
  public Future<Void> setMailOff(String accountId, Set<NoticeKind> off) {
    JsonArray codes = new JsonArray(off.stream().map(NoticeKind::code).sorted().toList());
    return mongo.replaceDocumentsWithOptions(PREFERENCES, new JsonObject().put("_id", accountId),
            new JsonObject().put("_id", accountId).put("mailOff", codes), new UpdateOptions().setUpsert(true))
        .compose(r -> storage.durable());
  }

  @Override
  public Future<Optional<StoredNotification>> find(String accountId, String id) {
    return mongo.findOne(NOTIFICATIONS, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(MongoNotificationStore::fromDocument)
            .filter(found -> found.accountId().equals(accountId)));
  }

  @Override
  public Future<List<StoredNotification>> page(String accountId, StoredNotification after, int limit) {
    JsonObject query = new JsonObject().put("accountId", accountId);
    if (after != null) {
      query.put("$or", new JsonArray()
          .add(new JsonObject().put("createdAt", new JsonObject().put("$lt", after.createdAt())))
          .add(new JsonObject().put("createdAt", after.createdAt()).put("_id", new JsonObject().put("$lt", after.id()))));
    }
    FindOptions options = new FindOptions().setSort(new JsonObject().put("createdAt", -1).put("_id", -1)).setLimit(limit);
    return mongo.findWithOptions(NOTIFICATIONS, query, options)
        .map(docs -> docs.stream().map(MongoNotificationStore::fromDocument).toList());
  }

  @Override
  public Future<Long> unread(String accountId) {
    // the ids, not count: count is an aggregate, which the embedded store runs over every document (decision 137);
    // a find by accountId is answered from its index (decision 138)
    return mongo.findWithOptions(NOTIFICATIONS, unreadOf(accountId), new FindOptions().setFields(new JsonObject().put("_id", 1)))
        .map(ids -> (long) ids.size());
  }

  @Override
  public Future<Void> markRead(String accountId, Collection<String> ids, long atMillis) {
    JsonObject query = unreadOf(accountId);
    if (ids != null) {
      query.put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(ids))));
    }
    return mongo.updateCollectionWithOptions(NOTIFICATIONS, query,
            new JsonObject().put("$set", new JsonObject().put("readAt", atMillis)), new UpdateOptions().setMulti(true))
        .compose(r -> storage.durable());
  }

  private static JsonObject unreadOf(String accountId) {
    // an entry stored unread has no readAt field at all (nulls are not written), which null matches
    return new JsonObject().put("accountId", accountId).putNull("readAt");
  }

  private static StoredNotification fromDocument(JsonObject doc) {
    return Documents.fromDocument(doc, StoredNotification.class);
  }
}
