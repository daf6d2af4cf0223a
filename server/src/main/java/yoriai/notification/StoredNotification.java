package yoriai.notification;

import com.fasterxml.jackson.annotation.JsonProperty;
import yoriai.shared.Nullable;

/** An in-app entry as kept; {@code createdAt} and {@code readAt} are epoch milliseconds so the store can sort them. */
record StoredNotification(
    @JsonProperty("_id") String id,
    String accountId,
    NoticeKind kind,
    String subject,
    String text,
    @Nullable String link,
    long createdAt,
    @Nullable Long readAt) {}
