package yoriai.mail;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How mail leaves the server. Without {@code smtpHost} nothing is sent: mails are kept in the
 * outbox for admins to read, so the embedded default works end to end. {@code publicUrl} is the
 * base of every link in a mail; without it, the local address the server listens on.
 */
public record MailSettings(
    Optional<String> smtpHost,
    int smtpPort,
    Optional<String> smtpUser,
    Optional<String> smtpPassword,
    StartTls startTls,
    String from,
    Optional<URI> publicUrl,
    Duration pollInterval) {

  /** {@code YORIAI_SMTP_STARTTLS}. */
  public enum StartTls { REQUIRED, OPTIONAL, DISABLED }

  boolean sends() {
    return smtpHost.isPresent();
  }
}
