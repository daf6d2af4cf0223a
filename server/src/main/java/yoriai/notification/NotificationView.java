package yoriai.notification;

import java.time.Instant;
import java.util.List;
import yoriai.shared.Nullable;

/** An in-app entry as its account reads it ({@code GET /api/v1/notifications}). */
public record NotificationView(String id, NoticeKind kind, String subject, String text, @Nullable String link,
    Instant createdAt, @Nullable Instant readAt) {

  static NotificationView of(StoredNotification stored) {
    return new NotificationView(stored.id(), stored.kind(), stored.subject(), stored.text(), stored.link(),
        Instant.ofEpochMilli(stored.createdAt()), stored.readAt() == null ? null : Instant.ofEpochMilli(stored.readAt()));
  }

  /** One page of an account's entries, newest first, and how many of all its entries are unread. */
  public record Page(List<NotificationView> notifications, long unread) {}
}
