package yoriai.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import yoriai.mail.Mailer;
import yoriai.notification.Notifier;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.storage.Storage;

/**
 * Accounts, logins and bearer sessions. Independent of HTTP: the routes only translate. The jobs
 * around an account's life have their own classes: {@link SignUps}, {@link PasswordResets},
 * {@link AccountAdministration} and {@link FirstAdminSetup}.
 */
public final class AccountService {
  private static final System.Logger LOG = System.getLogger(AccountService.class.getName());

  private final Vertx vertx;
  private final AccountStore store;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final Sessions sessions;
  private final Registration registration;
  private final SignUps signUps;
  private final PasswordResets passwordResets;
  private final AccountAdministration administration;
  private final FirstAdminSetup setup;

  private AccountService(Vertx vertx, Storage storage, AccountStore store, LoginAttempts attempts, AccountSettings settings,
      AccountMail mail, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.hasher = new PasswordHasher(settings.bcryptCost());
    PasswordPolicy policy = new PasswordPolicy();
    this.throttle = new LoginThrottle(attempts, clock, settings.throttleWindow(),
        settings.maxFailuresPerAccount(), settings.freeFailuresPerAddress());
    MailRequestThrottle mailRequests = new MailRequestThrottle(attempts, clock, settings.mailRequestsPerEmail(),
        settings.mailRequestsPerAddress());
    this.sessions = new Sessions(vertx, store, clock, settings.sessionTtl());
    this.registration = new Registration(vertx, store, hasher, policy, clock);
    PasswordTokens tokens = new MongoPasswordTokens(storage, clock);
    this.signUps = new SignUps(store, registration, tokens, mailRequests, mail, clock);
    this.passwordResets = new PasswordResets(vertx, store, tokens, hasher, policy, mailRequests, sessions, mail, clock);
    this.administration = new AccountAdministration(store, registration, sessions, passwordResets, mail, clock);
    this.setup = new FirstAdminSetup(store, registration, sessions, mail);
  }

  public static Future<AccountService> create(Vertx vertx, Storage storage, AccountSettings settings, Mailer mailer,
      Notifier notifier, Clock clock) {
    LoginAttempts attempts = MongoLoginAttempts.create(vertx, storage.mongo(), clock, settings.throttleWindow());
    return MongoAccountStore.create(storage)
        .map(store -> new AccountService(vertx, storage, store, attempts, settings, new AccountMail(mailer, notifier), clock));
  }

  public SignUps signUps() {
    return signUps;
  }

  public PasswordResets passwordResets() {
    return passwordResets;
  }

  public AccountAdministration administration() {
    return administration;
  }

  public FirstAdminSetup setup() {
    return setup;
  }

  /** Creates the first admin from configuration when no account exists yet; another node may win the race. */
  public Future<Void> bootstrapAdmin(Optional<String> email, Optional<String> password) {
    if (email.isEmpty() || password.isEmpty()) {
      return Future.succeededFuture();
    }
    return store.anyAccount().compose(any -> {
      if (any) {
        return Future.succeededFuture();
      }
      NewAccount admin = new NewAccount(email.get(), password.get(), "管理者", Role.ADMIN,
          new Organization(null, "Yoriai", OrganizationKind.NPO, "東京都"), null);
      return registration.register(admin, AccountState.ACTIVE)
          .onSuccess(a -> LOG.log(System.Logger.Level.INFO, "created first admin " + a.email()))
          .<Void>mapEmpty()
          .recover(e -> e instanceof Failure f && f.code().equals("email_taken")
              ? Future.succeededFuture()
              : Future.failedFuture(e instanceof Failure f && (f.kind() == FailureKind.INVALID || f.kind() == FailureKind.UNPROCESSABLE)
                  ? new IllegalArgumentException("YORIAI_ADMIN_EMAIL / YORIAI_ADMIN_PASSWORD refused: " + f.getMessage()
                      + " " + f.details(), f)
                  : e));
    });
  }

  /**
   * The active accounts that belong to {@code organization} by name, kind and prefecture, as a
   * case's owner is matched (docs/decisions.md 9 and 24): whom news about its cases concerns.
   */
  public Future<List<Account>> members(Organization organization) {
    return store.members(organization);
  }

  /** Of {@code ids}, the active accounts (a disabled one is told nothing any more). */
  public Future<List<Account>> enabled(Collection<String> ids) {
    return ids.isEmpty() ? Future.succeededFuture(List.of()) : store.enabled(ids);
  }

  /**
   * Reserves the attempt with the throttle before the account is looked up or any password is
   * checked. Only the right password learns the account's state: a wrong one is
   * {@code invalid_credentials} whatever the state, so nobody can probe for pending sign-ups.
   */
  public Future<SignIn> login(LoginRequest request, String clientAddress) {
    request.validate();
    String email = request.email().strip().toLowerCase(Locale.ROOT);
    return throttle.reserve(email, clientAddress).compose(attempt -> store.findByEmail(email)
        .compose(found -> vertx.executeBlocking(() -> passwordMatches(found, request.password()), false)
            .map(ok -> ok ? found : Optional.<StoredAccount>empty()))
        .compose(match -> {
          if (match.isEmpty()) {
            return Future.failedFuture(new Failure(FailureKind.UNAUTHENTICATED, "invalid_credentials",
                "Email or password is wrong"));
          }
          // the right password was no guess, whatever the state: the attempt is given back
          return throttle.succeeded(attempt).compose(v -> switch (match.get().currentState()) {
            case ACTIVE -> sessions.open(match.get().account());
            case UNCONFIRMED -> Future.failedFuture(new Failure(FailureKind.FORBIDDEN, "email_unconfirmed",
                "Open the link in the mail sent to this address to confirm it first"));
            case PENDING -> Future.failedFuture(new Failure(FailureKind.FORBIDDEN, "pending_approval",
                "An administrator has not approved this account yet"));
            case REJECTED -> Future.failedFuture(new Failure(FailureKind.FORBIDDEN, "signup_rejected",
                "This sign-up was not approved"));
            case DISABLED -> Future.failedFuture(new Failure(FailureKind.FORBIDDEN, "account_disabled",
                "This account has been disabled"));
          });
        }));
  }

  /** An account still waiting for its first password has none to match. */
  private boolean passwordMatches(Optional<StoredAccount> account, String password) {
    if (account.isEmpty() || account.get().passwordHash() == null) {
      hasher.burnTime(password);
      return false;
    }
    return hasher.matches(password, account.get().passwordHash());
  }

  /** The account behind a bearer token; fails {@code unauthenticated} when unknown, revoked or expired. */
  public Future<Account> authenticate(String token) {
    return signIn(token).map(SignIn::user);
  }

  /** The sign-in a bearer token belongs to, with its expiry; fails like {@link #authenticate}. */
  public Future<SignIn> signIn(String token) {
    return sessions.find(token);
  }

  /** A company's staff may choose to appear in the public archive by the company's name. */
  public Future<Void> showCompanyName(Account account, boolean show) {
    if (account.role() != Role.COMPANY) {
      return Future.failedFuture(Failure.forbidden("Only company accounts can be shown by company name"));
    }
    return store.setShowCompanyName(account.id(), show);
  }

  public Future<Set<String>> showingCompanyName(Collection<String> accountIds) {
    return accountIds.isEmpty() ? Future.succeededFuture(Set.of()) : store.showingCompanyName(accountIds);
  }

  /**
   * The name of every organization an active account an admin made belongs to, each typed by an
   * admin; a sign-up's organization is never among them (it could be a person's name).
   */
  public Future<Set<String>> organizationNames() {
    return store.organizationNames();
  }

  /** Of these (normalized) addresses, the active accounts'; an address with none is left out. */
  public Future<List<Account>> findByEmails(Collection<String> emails) {
    return Future.all(emails.stream().map(store::findByEmail).toList()).map(found -> found.<Optional<StoredAccount>>list()
        .stream()
        .flatMap(Optional::stream)
        .filter(account -> account.currentState() == AccountState.ACTIVE)
        .map(StoredAccount::account)
        .toList());
  }

  /** Ends one session; its sockets on every node are closed. */
  public Future<Void> logout(String token) {
    return sessions.end(token);
  }

  /** Calls {@code listener} for sessions that end on any node (logout, disabled account, new role or password). */
  public void onSignInEnded(Consumer<SignInEnded> listener) {
    sessions.onEnded(listener);
  }
}
