package yoriai.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import yoriai.notification.NoticeKind;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.Ids;
import yoriai.shared.Validator;

/**
 * Passwords set through a mailed one-time link: a reset the owner asks for (valid 30 minutes), or
 * the first password of an account an admin made (valid 7 days). Setting one ends every session of
 * the account. A reset request is a {@code PASSWORD_RESET} notice whose link (with the token)
 * only the mail carries, never the in-app list.
 */
public final class PasswordResets {
  static final Duration RESET_VALID = Duration.ofMinutes(30);
  static final Duration INVITATION_VALID = Duration.ofDays(7);
  private static final System.Logger LOG = System.getLogger(PasswordResets.class.getName());

  private final Vertx vertx;
  private final AccountStore store;
  private final PasswordTokens tokens;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final MailRequestThrottle throttle;
  private final Sessions sessions;
  private final AccountMail mail;
  private final Clock clock;

  PasswordResets(Vertx vertx, AccountStore store, PasswordTokens tokens, PasswordHasher hasher, PasswordPolicy policy,
      MailRequestThrottle throttle, Sessions sessions, AccountMail mail, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.tokens = tokens;
    this.hasher = hasher;
    this.policy = policy;
    this.throttle = throttle;
    this.sessions = sessions;
    this.mail = mail;
    this.clock = clock;
  }

  /**
   * Completes once the request is checked and counted, so the caller answers the same, and as soon,
   * whatever the email; then, detached (failures only logged), mails a reset link if {@code email}
   * is an active account's and the email is within its limit.
   */
  public Future<Void> request(String email, String clientAddress) {
    new Validator().text("email", email, 3, 254).matches("email", email, NewAccount.EMAIL, "an email address").orThrow();
    String normalized = NewAccount.normalize(email);
    return throttle.charge("reset", normalized, clientAddress)
        .onSuccess(allowed -> {
          if (allowed) {
            mailLink(normalized).onFailure(e -> LOG.log(System.Logger.Level.ERROR, "a reset link was not sent", e));
          }
        })
        .mapEmpty();
  }

  private Future<Void> mailLink(String email) {
    return store.findByEmail(email).compose(found -> found.filter(a -> a.currentState() == AccountState.ACTIVE)
        .map(account -> newToken(account.id(), RESET_VALID).compose(link -> mail.notify(account.account(),
            NoticeKind.PASSWORD_RESET, Letters.resetRequested(account.displayName(), RESET_VALID.toMinutes()), link)))
        .orElseGet(Future::succeededFuture));
  }

  /** Mails the owner of an account an admin made a link to set its password; an older link stops working. */
  Future<Void> invite(Account account) {
    return newToken(account.id(), INVITATION_VALID).compose(link -> mail.send(account.email(),
        Letters.invitation(account.displayName(), link, INVITATION_VALID.toDays())));
  }

  /** A fresh token replacing the account's older one; the link that carries it. */
  private Future<String> newToken(String accountId, Duration valid) {
    String token = Ids.newSecret(32);
    return tokens.replace(PasswordTokens.Kind.SET_PASSWORD, accountId, Tokens.hash(token), clock.instant().plus(valid))
        .map(v -> mail.link("/#/reset?token=" + token));
  }

  /**
   * Sets the password of the token's account and ends all its sessions. The password is checked
   * before the token is spent, so a weak one does not cost the person their link.
   */
  public Future<Void> reset(String token, String password) {
    Failure invalidToken = new Failure(FailureKind.INVALID, "invalid_token", "This link is unknown, used or expired; ask for a new one");
    return vertx.<Void>executeBlocking(() -> {
      NewAccount.validatePassword(policy, new Validator().text("token", token, 1, 200), password);
      return null;
    }, false)
        .compose(valid -> tokens.take(PasswordTokens.Kind.SET_PASSWORD, Tokens.hash(token), clock.instant()))
        .compose(accountId -> accountId.isEmpty() ? Future.succeededFuture(Optional.<StoredAccount>empty())
            : store.findById(accountId.get()))
        .compose(found -> found.filter(a -> a.currentState() == AccountState.ACTIVE)
            .map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(invalidToken)))
        .compose(account -> vertx.executeBlocking(() -> hasher.hash(password), false)
            .compose(hash -> store.setPasswordHash(account.id(), hash))
            .compose(v -> sessions.endAll(account.id()))
            .compose(v -> changed(account.account())));
  }

  /** Told by mail, so the owner hears of a reset they did not make; the in-app list had the request already. */
  private Future<Void> changed(Account account) {
    return mail.send(account.email(), Letters.passwordChanged(account.displayName()));
  }
}
