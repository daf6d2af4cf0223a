package yoriai.mail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.mailencoder.EmailAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import yoriai.shared.EmailAddresses;
import yoriai.shared.Failure;
import yoriai.shared.Ids;
import yoriai.storage.Storage;

/**
 * Every mail the server sends goes through here. {@link #send} only queues it durably in the
 * outbox, so a request never waits for SMTP nor fails because it is down; a timer on each node
 * hands due mails to the SMTP server and retries failures with back-off, forever (an admin sees
 * the attempts and the last error in the outbox). Without an SMTP host, mails are kept in the
 * outbox for admins to read.
 */
public final class Mailer {
  private static final System.Logger LOG = System.getLogger(Mailer.class.getName());
  /** Longer than any SMTP exchange: a node that dies mid-send leaves the mail to others after this. */
  private static final Duration CLAIM = Duration.ofMinutes(2);
  /** How long a sent mail stays in the outbox for admins to see (decision 139). */
  static final Duration SENT_KEPT_FOR = Duration.ofDays(30);
  private static final Duration PRUNE_EVERY = Duration.ofHours(1);

  private final Vertx vertx;
  private final Outbox outbox;
  private final MailSettings settings;
  private final Optional<SmtpSender> sender;
  private final Clock clock;
  private final AtomicBoolean delivering = new AtomicBoolean();
  private volatile URI localBase = URI.create("http://localhost:8080");
  private long timer = -1;
  private long prunedAt = Long.MIN_VALUE;

  private Mailer(Vertx vertx, Outbox outbox, MailSettings settings, Clock clock) {
    this.vertx = vertx;
    this.outbox = outbox;
    this.settings = settings;
    this.sender = settings.sends() ? Optional.of(new SmtpSender(vertx, settings)) : Optional.empty();
    this.clock = clock;
  }

  public static Future<Mailer> create(Vertx vertx, Storage storage, MailSettings settings, Clock clock) {
    return MongoOutbox.create(storage).map(outbox -> {
      Mailer mailer = new Mailer(vertx, outbox, settings, clock);
      if (mailer.sender.isPresent()) {
        warnAboutLocalDefaults(settings);
        mailer.timer = vertx.setPeriodic(settings.pollInterval().toMillis(), id -> mailer.deliverDue());
      }
      return mailer;
    });
  }

  /** Mail that leaves the machine with these defaults reaches people with links and a sender that do not work. */
  private static void warnAboutLocalDefaults(MailSettings settings) {
    if (settings.publicUrl().isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "YORIAI_SMTP_HOST is set but YORIAI_PUBLIC_URL is not: "
          + "links in mails will point to http://localhost");
    }
    if (settings.from().contains("@localhost")) {
      LOG.log(System.Logger.Level.WARNING, "YORIAI_SMTP_HOST is set but YORIAI_MAIL_FROM is not: "
          + "mails go out from " + settings.from() + ", which many mail servers refuse");
    }
  }

  /** Queues the mail; completes once it is durably in the outbox. */
  public Future<Void> send(Mail mail) {
    return queue(Ids.newId(), mail);
  }

  /**
   * Queues the mail at most once per {@code key}: a second call with the same key (a retried
   * notice) stores and sends nothing.
   */
  public Future<Void> sendOnce(String key, Mail mail) {
    return queue("once-" + key, mail);
  }

  private Future<Void> queue(String id, Mail mail) {
    if (mail.to() == null || !EmailAddresses.FORMAT.matcher(mail.to()).matches()) {
      return Future.failedFuture(Failure.invalid("A mail needs one recipient address", List.of()));
    }
    long now = clock.millis();
    OutboxMail queued = new OutboxMail(id, mail.to().strip(), oneLine(mail.subject()), mail.text(),
        mail.attachments().stream().map(a -> new OutboxMail.StoredAttachment(a.fileName(), a.contentType(),
            Base64.getEncoder().encodeToString(a.content()))).toList(),
        sender.isPresent() ? OutboxMail.QUEUED : OutboxMail.KEPT, 0, now, 0L, null, null, now);
    return outbox.insert(queued).map(fresh -> {
      if (fresh && sender.isPresent()) {
        vertx.runOnContext(x -> deliverDue());
      }
      return null;
    });
  }

  /** The absolute link for a mail to {@code pathAndQuery} (which starts with {@code /}). */
  public String link(String pathAndQuery) {
    String base = settings.publicUrl().orElse(localBase).toString().replaceAll("/+$", "");
    return base + pathAndQuery;
  }

  /** The address alone of {@code YORIAI_MAIL_FROM}, e.g. for a calendar invitation's organizer. */
  public String senderAddress() {
    return new EmailAddress(settings.from()).getEmail();
  }

  /** Where links point when YORIAI_PUBLIC_URL is not set: known only once the HTTP server listens. */
  public void servedAt(int port) {
    localBase = URI.create("http://localhost:" + port);
  }

  /** Newest first, for admins. */
  public Future<List<OutboxEntry>> outbox(int limit) {
    return outbox.list(limit).map(mails -> mails.stream().map(OutboxMail::entry).toList());
  }

  /**
   * Sends every due mail, one at a time, after removing old sent ones at most once an hour; a tick
   * that finds a delivery running leaves it to that one.
   */
  private void deliverDue() {
    if (sender.isPresent() && delivering.compareAndSet(false, true)) {
      pruneHourly().compose(v -> deliverNext()).onComplete(done -> delivering.set(false));
    }
  }

  private Future<Void> pruneHourly() {
    long now = clock.millis();
    if (prunedAt != Long.MIN_VALUE && now - prunedAt < PRUNE_EVERY.toMillis()) {
      return Future.succeededFuture();
    }
    prunedAt = now;
    return outbox.pruneSent(now - SENT_KEPT_FOR.toMillis())
        .recover(e -> {
          LOG.log(System.Logger.Level.WARNING, "old sent mail not removed, trying again in an hour: " + e);
          return Future.succeededFuture();
        });
  }

  private Future<Void> deliverNext() {
    long now = clock.millis();
    return outbox.claimDue(now, now + CLAIM.toMillis())
        .compose(claimed -> claimed.isEmpty() ? Future.<Void>succeededFuture()
            : attempt(claimed.get()).compose(v -> deliverNext()))
        .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "outbox unreadable, retrying on the next tick: " + e));
  }

  private Future<Void> attempt(OutboxMail mail) {
    return sender.orElseThrow().send(mail)
        .compose(sent -> outbox.markSent(mail.id(), clock.instant()))
        .recover(error -> {
          int attempts = mail.attempts() + 1;
          long next = clock.millis() + Backoff.after(attempts).toMillis();
          LOG.log(System.Logger.Level.WARNING, "mail " + mail.id() + " not sent (attempt " + attempts + "), retrying later: "
              + error.getMessage());
          return outbox.markFailed(mail.id(), attempts, next, String.valueOf(error.getMessage()));
        });
  }

  private static String oneLine(String subject) {
    return subject == null ? "" : subject.replaceAll("[\\r\\n]+", " ").strip();
  }

  public Future<Void> close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return sender.map(SmtpSender::close).orElse(Future.succeededFuture());
  }
}
