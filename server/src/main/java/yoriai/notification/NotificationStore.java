package yoriai.notification;

import io.vertx.core.Future;
import java.util.Set;

/** In-app entries and each account's mail choices. Every returned future completes after the write is durable. */
interface NotificationStore {
  Future<Void> insert(StoredNotification notification);

  /** The optional kinds whose mail the account turned off. */
  Future<Set<NoticeKind>> mailOff(String accountId);
}
