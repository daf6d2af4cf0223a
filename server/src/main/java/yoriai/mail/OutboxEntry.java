package yoriai.mail;

import java.time.Instant;
import java.util.List;
import yoriai.shared.Nullable;

/** A mail of the outbox as admins read it ({@code GET /api/v1/outbox}). */
public record OutboxEntry(
    String id,
    String to,
    String subject,
    String text,
    List<Attachment> attachments,
    String state,
    int attempts,
    @Nullable Instant nextAttemptAt,
    @Nullable String lastError,
    @Nullable Instant sentAt,
    Instant createdAt) {

  public record Attachment(String fileName, String contentType) {}
}
