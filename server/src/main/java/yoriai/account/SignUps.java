package yoriai.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import yoriai.shared.Failure;

/**
 * Sign-up with approval: a company or a professional registers itself and waits, {@code pending},
 * until an admin approves it. The answer never tells whether the email already had an account:
 * the address's owner is told by mail instead.
 */
public final class SignUps {
  private final Vertx vertx;
  private final AccountStore store;
  private final Registration registration;
  private final PasswordHasher hasher;
  private final MailRequestThrottle throttle;
  private final AccountMail mail;

  SignUps(Vertx vertx, AccountStore store, Registration registration, PasswordHasher hasher, MailRequestThrottle throttle,
      AccountMail mail) {
    this.vertx = vertx;
    this.store = store;
    this.registration = registration;
    this.hasher = hasher;
    this.throttle = throttle;
    this.mail = mail;
  }

  /** Checks the request, then counts it against the throttle, then registers it or mails the address's owner. */
  public Future<Void> signUp(SignUpRequest request, String clientAddress) {
    NewAccount account = request.account();
    return registration.check(account, request.problems())
        .compose(valid -> throttle.charge("signup", account.normalizedEmail(), clientAddress))
        .compose(allowed -> store.findByEmail(account.normalizedEmail()))
        .compose(existing -> existing.isPresent()
            ? alreadyRegistered(account)
            : registration.insert(account, AccountState.PENDING)
                .compose(this::received)
                .recover(e -> e instanceof Failure f && f.code().equals("email_taken")
                    ? alreadyRegistered(account) : Future.failedFuture(e)));
  }

  /** Spends the time a new account's hash would take, so the answer's timing tells nothing either. */
  private Future<Void> alreadyRegistered(NewAccount request) {
    Letters letter = Letters.alreadyRegistered(mail.link("/#/reset"));
    return vertx.executeBlocking(() -> hasher.hash(request.password()), false)
        .compose(hash -> mail.send(request.normalizedEmail(), letter));
  }

  private Future<Void> received(Account applicant) {
    Letters toApplicant = Letters.signUpReceived(applicant.displayName());
    Letters toAdmins = Letters.newSignUp(applicant, mail.link("/#/admin/accounts?state=pending"));
    return mail.send(applicant.email(), toApplicant)
        .compose(v -> store.list(AccountState.ACTIVE))
        .compose(active -> Future.all(active.stream().filter(a -> a.role() == Role.ADMIN)
            .map(admin -> mail.send(admin.email(), toAdmins)).toList()))
        .mapEmpty();
  }
}
