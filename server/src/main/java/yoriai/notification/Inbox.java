package yoriai.notification;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import yoriai.shared.Failure;
import yoriai.shared.FieldProblem;

/** An account's side of its notifications: reading its in-app list, marking entries read, its mail choices. */
public final class Inbox {
  public static final int MAX_PAGE = 100;
  private final NotificationStore store;
  private final Clock clock;

  Inbox(NotificationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The account's entries newest first, after the entry {@code after} (an id from an earlier page) when set. */
  public Future<NotificationView.Page> page(String accountId, String after, int limit) {
    Future<StoredNotification> cursor = after == null ? Future.succeededFuture() : store.find(accountId, after)
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(Failure.invalid(
            "Query parameter after names no notification of yours",
            List.of(new FieldProblem("after", "not one of your notifications"))))));
    return cursor.compose(from -> store.page(accountId, from, limit))
        .compose(entries -> store.unread(accountId).map(unread ->
            new NotificationView.Page(entries.stream().map(NotificationView::of).toList(), unread)));
  }

  /** Marks the account's own entries read; ids of entries that are not its own, or read already, change nothing. */
  public Future<Void> markRead(String accountId, ReadRequest request) {
    try {
      request.validate();
    } catch (Failure invalid) {
      return Future.failedFuture(invalid);
    }
    return store.markRead(accountId, request.ids(), clock.millis());
  }

  public Future<MailChoices> preferences(String accountId) {
    return store.mailOff(accountId).map(MailChoices::of);
  }

  public Future<MailChoices> setPreferences(String accountId, MailChoices choices) {
    Set<NoticeKind> off;
    try {
      off = choices.off();
    } catch (Failure invalid) {
      return Future.failedFuture(invalid);
    }
    return store.setMailOff(accountId, off).map(v -> MailChoices.of(off));
  }
}
