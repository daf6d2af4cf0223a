package yoriai.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.FieldProblem;
import yoriai.shared.Ids;
import yoriai.storage.Storage;

/** Accounts, logins and bearer sessions. Independent of HTTP: the routes only translate. */
public final class AccountService {
  private static final System.Logger LOG = System.getLogger(AccountService.class.getName());

  private final Vertx vertx;
  private final AccountStore store;
  private final PasswordHasher hasher;
  private final PasswordPolicy passwordPolicy = new PasswordPolicy();
  private final LoginThrottle throttle;
  private final Clock clock;
  private final Duration sessionTtl;

  private AccountService(Vertx vertx, AccountStore store, LoginAttempts attempts, AccountSettings settings, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.hasher = new PasswordHasher(settings.bcryptCost());
    this.throttle = new LoginThrottle(attempts, clock, settings.throttleWindow(),
        settings.maxFailuresPerAccount(), settings.freeFailuresPerAddress());
    this.clock = clock;
    this.sessionTtl = settings.sessionTtl();
  }

  public static Future<AccountService> create(Vertx vertx, Storage storage, AccountSettings settings, Clock clock) {
    LoginAttempts attempts = MongoLoginAttempts.create(vertx, storage.mongo(), clock, settings.throttleWindow());
    return MongoAccountStore.create(storage).map(store -> new AccountService(vertx, store, attempts, settings, clock));
  }

  /** Creates the first admin from configuration when no account exists yet; another node may win the race. */
  public Future<Void> bootstrapAdmin(Optional<String> email, Optional<String> password) {
    if (email.isEmpty() || password.isEmpty()) {
      return Future.succeededFuture();
    }
    return store.count().compose(count -> {
      if (count > 0) {
        return Future.succeededFuture();
      }
      NewAccount admin = new NewAccount(email.get(), password.get(), "管理者", Role.ADMIN,
          new Organization(null, "Yoriai", OrganizationKind.NPO, "東京都"), null);
      return create(admin).onSuccess(a -> LOG.log(System.Logger.Level.INFO, "created first admin " + a.email()))
          .<Void>mapEmpty()
          .recover(e -> e instanceof Failure f && f.code().equals("email_taken")
              ? Future.succeededFuture()
              : Future.failedFuture(e instanceof Failure f && (f.kind() == FailureKind.INVALID || f.kind() == FailureKind.UNPROCESSABLE)
                  ? new IllegalArgumentException("YORIAI_ADMIN_EMAIL / YORIAI_ADMIN_PASSWORD refused: " + f.getMessage()
                      + " " + f.details(), f)
                  : e));
    });
  }

  public Future<Account> create(NewAccount request) {
    return vertx.<Void>executeBlocking(() -> {
      request.validate(passwordPolicy);
      return null;
    }, false).compose(valid -> organization(request.organization())).compose(organization ->
        vertx.executeBlocking(() -> hasher.hash(request.password()), false).compose(hash -> {
          StoredAccount stored = new StoredAccount(Ids.newId(), request.normalizedEmail(), hash,
              request.displayName().strip(), request.role(), organization, request.profession(), clock.instant(),
              null, null);
          return store.insert(stored).map(v -> stored.account());
        }));
  }

  /**
   * Without an id, a new organization; with one, the existing organization it names, whose name,
   * kind and prefecture the request must repeat (so a typo in the id cannot file someone elsewhere).
   */
  private Future<Organization> organization(Organization requested) {
    if (requested.id() == null) {
      return Future.succeededFuture(requested.withId(Ids.newId()));
    }
    return store.findOrganization(requested.id()).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(Failure.invalid("organization.id names no organization",
            List.of(new FieldProblem("organization.id", "no such organization"))));
      }
      Organization existing = found.get();
      if (!existing.name().equals(requested.name()) || existing.kind() != requested.kind()
          || !existing.prefecture().equals(requested.prefecture())) {
        String problem = "is " + existing.name() + " (" + existing.kind().code() + ", "
            + existing.prefecture() + ")";
        return Future.failedFuture(Failure.invalid("organization.id " + problem,
            List.of(new FieldProblem("organization.id", problem))));
      }
      return Future.succeededFuture(existing);
    });
  }

  public Future<List<Account>> list() {
    return store.list();
  }

  /** Reserves the attempt with the throttle before the account is looked up or any password is checked. */
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
          if (match.get().disabledAt() != null) {
            return Future.failedFuture(new Failure(FailureKind.FORBIDDEN, "account_disabled", "This account has been disabled"));
          }
          return throttle.succeeded(attempt).compose(v -> openSignIn(match.get().account()));
        }));
  }

  private boolean passwordMatches(Optional<StoredAccount> account, String password) {
    if (account.isEmpty()) {
      hasher.burnTime(password);
      return false;
    }
    return hasher.matches(password, account.get().passwordHash());
  }

  private Future<SignIn> openSignIn(Account account) {
    String token = Ids.newSecret(32);
    Instant expiresAt = clock.instant().plus(sessionTtl);
    return store.insertSignIn(Tokens.hash(token), account.id(), expiresAt.toEpochMilli())
        .map(v -> new SignIn(token, expiresAt, account));
  }

  /** The account behind a bearer token; fails {@code unauthenticated} when unknown, revoked or expired. */
  public Future<Account> authenticate(String token) {
    return signIn(token).map(SignIn::user);
  }

  /** The sign-in a bearer token belongs to, with its expiry; fails like {@link #authenticate}. */
  public Future<SignIn> signIn(String token) {
    Failure invalid = new Failure(FailureKind.UNAUTHENTICATED, "invalid_token", "The token is unknown, revoked or expired");
    if (token == null || token.isBlank() || token.length() > 200) {
      return Future.failedFuture(invalid);
    }
    return store.findSignIn(Tokens.hash(token), clock.millis())
        .compose(stored -> stored.isEmpty() ? Future.succeededFuture(Optional.<SignIn>empty())
            : store.findById(stored.get().accountId()).map(found -> found
                .filter(account -> account.disabledAt() == null)
                .map(account -> new SignIn(token, stored.get().expiresAt(), account.account()))))
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(invalid)));
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

  /** The name of every organization an account belongs to; an admin registered each of them. */
  public Future<Set<String>> organizationNames() {
    return store.organizationNames();
  }

  /** The accounts with these (normalized) addresses that may sign in; unknown addresses are left out. */
  public Future<List<Account>> findByEmails(Collection<String> emails) {
    return active(emails.stream().map(store::findByEmail).toList());
  }

  /** The accounts with these ids that may sign in; unknown ids are left out. */
  public Future<List<Account>> findByIds(Collection<String> ids) {
    return active(ids.stream().map(store::findById).toList());
  }

  private static Future<List<Account>> active(List<Future<Optional<StoredAccount>>> lookups) {
    return Future.all(lookups).map(found -> found.<Optional<StoredAccount>>list().stream()
        .flatMap(Optional::stream)
        .filter(account -> account.disabledAt() == null)
        .map(StoredAccount::account)
        .toList());
  }

  /** Ends one session; its sockets on every node are closed. */
  public Future<Void> logout(String token) {
    String tokenHash = Tokens.hash(token);
    return store.deleteSignIn(tokenHash).onSuccess(v -> announce(SignInEnded.token(tokenHash)));
  }

  /** Disables an account: its sessions end everywhere and it can no longer sign in. */
  public Future<Void> disable(Account by, String accountId) {
    if (by.id().equals(accountId)) {
      return Future.failedFuture(new Failure(FailureKind.CONFLICT, "invalid_state", "You cannot disable your own account"));
    }
    return store.disable(accountId, clock.instant())
        .compose(found -> found ? store.deleteSignIns(accountId) : Future.failedFuture(Failure.notFound("Account")))
        .onSuccess(v -> announce(SignInEnded.account(accountId)));
  }

  /** Calls {@code listener} for sessions that end on any node (logout, disabled account). */
  public void onSignInEnded(Consumer<SignInEnded> listener) {
    vertx.eventBus().<JsonObject>consumer(SignInEnded.ADDRESS, message -> listener.accept(SignInEnded.decode(message.body())));
  }

  private void announce(SignInEnded ended) {
    vertx.eventBus().publish(SignInEnded.ADDRESS, ended.encode());
  }
}
