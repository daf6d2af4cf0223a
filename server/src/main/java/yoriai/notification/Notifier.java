package yoriai.notification;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import yoriai.mail.Mail;
import yoriai.mail.Mailer;
import yoriai.shared.Ids;
import yoriai.storage.Storage;

/** Tells an account something: an entry in its in-app list, and a mail unless it turned that kind's mail off. */
public final class Notifier {
  private final NotificationStore store;
  private final Mailer mailer;
  private final Clock clock;
  private final Inbox inbox;

  private Notifier(NotificationStore store, Mailer mailer, Clock clock) {
    this.store = store;
    this.mailer = mailer;
    this.clock = clock;
    this.inbox = new Inbox(store, clock);
  }

  public static Future<Notifier> create(Storage storage, Mailer mailer, Clock clock) {
    return MongoNotificationStore.create(storage).map(store -> new Notifier(store, mailer, clock));
  }

  /** The accounts' side of what was notified: their lists, read marks and mail choices, over the same store. */
  public Inbox inbox() {
    return inbox;
  }

  /** Completes once the entry and the mail (when one goes) are durably stored. */
  public Future<Void> notify(Notice notice) {
    return tell(Ids.newId(), notice);
  }

  /**
   * As {@link #notify}, at most once per {@code key} and account: telling again with the same key
   * (a publication repeated, the same reminder from another node) stores nothing and mails nothing.
   */
  public Future<Void> notifyOnce(String key, Notice notice) {
    byte[] name = (key + "\n" + notice.accountId()).getBytes(StandardCharsets.UTF_8);
    return tell(UUID.nameUUIDFromBytes(name).toString(), notice);
  }

  private Future<Void> tell(String entryId, Notice notice) {
    StoredNotification entry = new StoredNotification(entryId, notice.accountId(), notice.kind(), notice.subject(),
        notice.text(), notice.kind().linkShownInApp() ? notice.link() : null, clock.millis(), null);
    // the mail first, each step once per entry id: a retry after a failure in between completes what is missing;
    // a stored entry means both were done, also once the outbox has let its sent mail go (decision 139)
    return store.find(notice.accountId(), entryId).compose(stored -> stored.isPresent() ? Future.<Void>succeededFuture()
        : mailedThenStored(entryId, notice, entry));
  }

  private Future<Void> mailedThenStored(String entryId, Notice notice, StoredNotification entry) {
    return mailed(notice)
        .compose(mail -> mail
            ? mailer.sendOnce(entryId, Mail.of(notice.email(), notice.subject(), mailText(notice)))
            : Future.<Void>succeededFuture())
        .compose(queued -> store.insertOnce(entry))
        .mapEmpty();
  }

  private Future<Boolean> mailed(Notice notice) {
    return notice.kind().optional()
        ? store.mailOff(notice.accountId()).map(off -> !off.contains(notice.kind()))
        : Future.succeededFuture(true);
  }

  private String mailText(Notice notice) {
    StringBuilder text = new StringBuilder(notice.text());
    if (notice.link() != null) {
      text.append("\n\n").append(notice.link());
    }
    if (notice.kind().optional()) {
      text.append("\n\n--\nこのお知らせのメールは設定で止められます / You can turn these mails off in your settings:\n")
          .append(mailer.link("/#/notifications"));
    }
    return text.toString();
  }
}
