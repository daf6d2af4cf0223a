package yoriai.mail;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import yoriai.shared.Nullable;

/**
 * A mail as the outbox keeps it. {@code state}: {@code kept} (no SMTP server configured: it stays
 * here for admins), {@code queued} (waiting for its next attempt), {@code sent}.
 * {@code createdAt}, {@code nextAttemptAt} and {@code claimedUntil} are epoch milliseconds so the store
 * can compare and sort them.
 */
record OutboxMail(
    @JsonProperty("_id") String id,
    String to,
    String subject,
    String text,
    List<StoredAttachment> attachments,
    String state,
    int attempts,
    long nextAttemptAt,
    long claimedUntil,
    @Nullable String lastError,
    @Nullable Instant sentAt,
    long createdAt) {

  static final String KEPT = "kept";
  static final String QUEUED = "queued";
  static final String SENT = "sent";

  /** An attachment with its content in base64, as BSON keeps text more simply than binary here. */
  record StoredAttachment(String fileName, String contentType, String base64) {}

  OutboxEntry entry() {
    return new OutboxEntry(id, to, subject, text,
        attachments.stream().map(a -> new OutboxEntry.Attachment(a.fileName(), a.contentType())).toList(),
        state, attempts, QUEUED.equals(state) ? Instant.ofEpochMilli(nextAttemptAt) : null, lastError, sentAt,
        Instant.ofEpochMilli(createdAt));
  }
}
