package yoriai.mail;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
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
  private static final Pattern ONE_TIME_TOKEN = Pattern.compile("([?&]token=)[^\\s&#]+");
  static final String QUEUED = "queued";
  static final String SENT = "sent";

  /** An attachment with its content in base64, as BSON keeps text more simply than binary here. */
  record StoredAttachment(String fileName, String contentType, String base64) {}

  /**
   * As admins read it. A mail that goes over SMTP shows its one-time links (reset, set-password,
   * confirmation) masked: it was meant for its recipient's mailbox only, and an admin who could
   * read it could take the account over. A kept mail (no SMTP server) is for an admin to forward
   * by hand, so its links stay whole (docs/decisions.md).
   */
  OutboxEntry entry() {
    String shown = KEPT.equals(state) ? text : ONE_TIME_TOKEN.matcher(text).replaceAll("$1********");
    return new OutboxEntry(id, to, subject, shown,
        attachments.stream().map(a -> new OutboxEntry.Attachment(a.fileName(), a.contentType())).toList(),
        state, attempts, QUEUED.equals(state) ? Instant.ofEpochMilli(nextAttemptAt) : null, lastError, sentAt,
        Instant.ofEpochMilli(createdAt));
  }
}
