package yoriai.account;

import io.vertx.core.Future;
import yoriai.mail.Mail;
import yoriai.mail.Mailer;
import yoriai.notification.Notice;
import yoriai.notification.NoticeKind;
import yoriai.notification.Notifier;
import yoriai.shared.Nullable;

/** The mails and notices of accounts, each a {@link Letters}. Futures complete once queued durably, never on delivery. */
final class AccountMail {
  private final Mailer mailer;
  private final Notifier notifier;

  AccountMail(Mailer mailer, Notifier notifier) {
    this.mailer = mailer;
    this.notifier = notifier;
  }

  /** The absolute link to {@code pathAndQuery} of this server ({@code /#/login}). */
  String link(String pathAndQuery) {
    return mailer.link(pathAndQuery);
  }

  /** A mail to an address that may have no account, or must not be told whether it has one. */
  Future<Void> send(String to, Letters letter) {
    return mailer.send(Mail.of(to, letter.subject(), letter.text()));
  }

  /** An entry in the account's in-app list, mailed too with {@code link} at the end. */
  Future<Void> notify(Account account, NoticeKind kind, Letters letter, @Nullable String link) {
    return notifier.notify(new Notice(account.id(), account.email(), kind, letter.subject(), letter.text(), link));
  }
}
