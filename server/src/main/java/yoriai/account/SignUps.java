package yoriai.account;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.Ids;
import yoriai.shared.Validator;

/**
 * Sign-up with approval: a company or a professional registers itself, {@code unconfirmed} until
 * the address's owner opens the mailed confirmation link, then {@code pending} until an admin
 * approves it. The answer never tells whether the email already had an account, not even by its
 * timing: it comes once the request is checked and counted, and the rest (the lookup, the new
 * account or the mail to an existing one's owner) runs after it, its failures only logged.
 */
public final class SignUps {
  static final Duration CONFIRMATION_VALID = Duration.ofHours(48);
  private static final System.Logger LOG = System.getLogger(SignUps.class.getName());

  private final AccountStore store;
  private final Registration registration;
  private final PasswordTokens tokens;
  private final MailRequestThrottle throttle;
  private final AccountMail mail;
  private final Clock clock;

  SignUps(AccountStore store, Registration registration, PasswordTokens tokens, MailRequestThrottle throttle,
      AccountMail mail, Clock clock) {
    this.store = store;
    this.registration = registration;
    this.tokens = tokens;
    this.throttle = throttle;
    this.mail = mail;
    this.clock = clock;
  }

  /**
   * Checks the request, then counts it against the throttle, then answers; registering it or mailing
   * the address's owner follows detached. Over the email's limit nothing follows at all.
   */
  public Future<Void> signUp(SignUpRequest request, String clientAddress) {
    NewAccount account = request.account();
    return registration.check(account, request.problems())
        .compose(valid -> throttle.charge("signup", account.normalizedEmail(), clientAddress))
        .onSuccess(allowed -> {
          if (allowed) {
            register(account).onFailure(e -> LOG.log(System.Logger.Level.ERROR, "a sign-up was not completed", e));
          }
        })
        .mapEmpty();
  }

  private Future<Void> register(NewAccount account) {
    return store.findByEmail(account.normalizedEmail()).compose(existing -> {
      if (existing.isEmpty()) {
        return insert(account);
      }
      StoredAccount found = existing.get();
      // nobody proved the address of a lapsed unconfirmed sign-up: it must not keep the address from its owner
      boolean lapsed = found.currentState() == AccountState.UNCONFIRMED
          && found.createdAt().plus(CONFIRMATION_VALID).isBefore(clock.instant());
      return lapsed ? store.deleteUnconfirmed(found.id()).compose(deleted -> insert(account)) : tellOwner(found);
    });
  }

  private Future<Void> insert(NewAccount account) {
    return registration.insertSignUp(account).compose(this::askToConfirm)
        .recover(e -> e instanceof Failure f && f.code().equals("email_taken")
            ? store.findByEmail(account.normalizedEmail())
                .compose(found -> found.map(this::tellOwner).orElseGet(Future::succeededFuture))
            : Future.failedFuture(e));
  }

  /** What the owner of an address that has an account can do, by the account's state. */
  private Future<Void> tellOwner(StoredAccount existing) {
    return mail.send(existing.email(), Letters.alreadyRegistered(existing.currentState(), mail.link("/#/reset")));
  }

  private Future<Void> askToConfirm(Account applicant) {
    String token = Ids.newSecret(32);
    return tokens.replace(PasswordTokens.Kind.CONFIRM_EMAIL, applicant.id(), Tokens.hash(token),
            clock.instant().plus(CONFIRMATION_VALID))
        .compose(v -> mail.send(applicant.email(), Letters.signUpReceived(applicant.displayName(),
            mail.link("/#/confirm?token=" + token), CONFIRMATION_VALID.toHours())));
  }

  /**
   * Confirms the address of the token's sign-up, which then waits {@code pending} for an admin; the
   * admins are told of it now (detached: the person's confirmation stands if their mail fails).
   * Fails {@code invalid_token} for a token that is unknown, used or expired.
   */
  public Future<Account> confirm(String token) {
    new Validator().text("token", token, 1, 200).orThrow();
    Failure invalidToken = new Failure(FailureKind.INVALID, "invalid_token", "This link is unknown, used or expired");
    return tokens.take(PasswordTokens.Kind.CONFIRM_EMAIL, Tokens.hash(token), clock.instant())
        .compose(accountId -> accountId.isEmpty() ? Future.succeededFuture(Optional.<StoredAccount>empty())
            : store.changeState(accountId.get(), EnumSet.of(AccountState.UNCONFIRMED), AccountState.PENDING, clock.instant())
                .compose(moved -> moved ? store.findById(accountId.get()) : Future.succeededFuture(Optional.empty())))
        .compose(confirmed -> confirmed.map(StoredAccount::account).map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(invalidToken)))
        .onSuccess(applicant -> announce(applicant)
            .onFailure(e -> LOG.log(System.Logger.Level.ERROR, "the admins were not told of a sign-up", e)));
  }

  private Future<Void> announce(Account applicant) {
    Letters toAdmins = Letters.newSignUp(applicant, mail.link("/#/admin/accounts?state=pending"));
    return store.activeAdmins()
        .compose(admins -> Future.all(admins.stream().map(admin -> mail.send(admin.email(), toAdmins)).toList()))
        .mapEmpty();
  }
}
