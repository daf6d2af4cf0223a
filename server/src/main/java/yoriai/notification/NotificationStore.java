package yoriai.notification;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** In-app entries and each account's mail choices. Every returned future completes after the write is durable. */
interface NotificationStore {
  /** Stores the entry unless one with its id is stored already; whether it was new. */
  Future<Boolean> insertOnce(StoredNotification notification);

  /** The optional kinds whose mail the account turned off. */
  Future<Set<NoticeKind>> mailOff(String accountId);

  /** Replaces the account's choice: the optional kinds whose mail it turned off. */
  Future<Void> setMailOff(String accountId, Set<NoticeKind> off);

  /** One of the account's entries; another account's id finds nothing. */
  Future<Optional<StoredNotification>> find(String accountId, String id);

  /** The account's entries newest first (ties by id), those after {@code after} in that order when it is set. */
  Future<List<StoredNotification>> page(String accountId, StoredNotification after, int limit);

  Future<Long> unread(String accountId);

  /** Marks the account's unread entries among {@code ids} read at {@code atMillis}; all of them when {@code ids} is null. */
  Future<Void> markRead(String accountId, Collection<String> ids, long atMillis);
}
