package yoriai.notification;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import yoriai.shared.Coded;
import yoriai.storage.Documents;
import yoriai.storage.Storage;

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
    return store.mongo.createIndex(NOTIFICATIONS, new JsonObject().put("accountId", 1).put("createdAt", -1)).map(store);
  }

  @Override
  public Future<Void> insert(StoredNotification notification) {
    return mongo.insert(NOTIFICATIONS, Documents.toDocument(notification)).compose(id -> storage.durable());
  }

  @Override
  public Future<Set<NoticeKind>> mailOff(String accountId) {
    return mongo.findOne(PREFERENCES, new JsonObject().put("_id", accountId), null)
        .map(found -> Optional.ofNullable(found).map(doc -> doc.getJsonArray("mailOff")).stream()
            .flatMap(codes -> codes.stream().map(String::valueOf))
            .flatMap(code -> Coded.fromCode(NoticeKind.class, code).stream())
            .collect(Collectors.toUnmodifiableSet()));
  }
}
