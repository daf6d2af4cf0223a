package yoriai.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import yoriai.mail.MailSettings;
import yoriai.mail.Mailer;
import yoriai.notification.Notifier;
import yoriai.storage.Storage;

/** An AccountService on a store, for tests that call it in-process; its mails stay in the outbox (no SMTP). */
final class Services {
  private Services() {}

  static AccountSettings settings(int maxFailuresPerAccount, int freeFailuresPerAddress) {
    return new AccountSettings(4, Duration.ofHours(12), Duration.ofMinutes(15), maxFailuresPerAccount, freeFailuresPerAddress,
        3, 20);
  }

  static Future<AccountService> accounts(Vertx vertx, Storage storage, AccountSettings settings, Clock clock) {
    return mailer(vertx, storage, clock).compose(mailer -> Notifier.create(storage, mailer, clock)
        .compose(notifier -> AccountService.create(vertx, storage, settings, mailer, notifier, clock)));
  }

  /** A mailer that keeps every mail in the outbox. */
  static Future<Mailer> mailer(Vertx vertx, Storage storage, Clock clock) {
    MailSettings keepMails = new MailSettings(Optional.empty(), 25, Optional.empty(), Optional.empty(),
        MailSettings.StartTls.DISABLED, "Yoriai <no-reply@yoriai.test>", Optional.empty(), Duration.ofSeconds(1));
    return Mailer.create(vertx, storage, keepMails, clock);
  }
}
