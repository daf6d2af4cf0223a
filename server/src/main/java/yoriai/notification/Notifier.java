package yoriai.notification;

import io.vertx.core.Future;
import java.time.Clock;
import yoriai.mail.Mail;
import yoriai.mail.Mailer;
import yoriai.shared.Ids;
import yoriai.storage.Storage;

/** Tells an account something: an entry in its in-app list, and a mail unless it turned that kind's mail off. */
public final class Notifier {
  private final NotificationStore store;
  private final Mailer mailer;
  private final Clock clock;

  private Notifier(NotificationStore store, Mailer mailer, Clock clock) {
    this.store = store;
    this.mailer = mailer;
    this.clock = clock;
  }

  public static Future<Notifier> create(Storage storage, Mailer mailer, Clock clock) {
    return MongoNotificationStore.create(storage).map(store -> new Notifier(store, mailer, clock));
  }

  /** Completes once the entry and the mail (when one goes) are durably stored. */
  public Future<Void> notify(Notice notice) {
    StoredNotification entry = new StoredNotification(Ids.newId(), notice.accountId(), notice.kind(), notice.subject(),
        notice.text(), notice.kind().linkShownInApp() ? notice.link() : null, clock.millis(), null);
    Future<Boolean> mailed = notice.kind().optional()
        ? store.mailOff(notice.accountId()).map(off -> !off.contains(notice.kind()))
        : Future.succeededFuture(true);
    return store.insert(entry).compose(stored -> mailed).compose(mail -> mail
        ? mailer.send(Mail.of(notice.email(), notice.subject(), mailText(notice)))
        : Future.succeededFuture());
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
