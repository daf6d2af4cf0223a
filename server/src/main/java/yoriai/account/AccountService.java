package yoriai.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.RetryAfter;
import yoriai.shared.Ids;
import yoriai.storage.Storage;

/** Accounts, logins and bearer sessions. Independent of HTTP: the routes only translate. */
public final class AccountService {
  private static final System.Logger LOG = System.getLogger(AccountService.class.getName());

  private final Vertx vertx;
  private final AccountStore store;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final Duration sessionTtl;

  private AccountService(Vertx vertx, AccountStore store, AccountSettings settings, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.hasher = new PasswordHasher(settings.bcryptCost());
    this.throttle = new LoginThrottle(clock, settings.throttleWindow(),
        settings.maxFailuresPerAccount(), settings.maxFailuresPerAddress());
    this.clock = clock;
    this.sessionTtl = settings.sessionTtl();
  }

  public static Future<AccountService> create(Vertx vertx, Storage storage, AccountSettings settings, Clock clock) {
    return MongoAccountStore.create(storage).map(store -> new AccountService(vertx, store, settings, clock));
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
          new Organization("Yoriai", OrganizationKind.NPO, "東京都"), null);
      return create(admin).onSuccess(a -> LOG.log(System.Logger.Level.INFO, "created first admin " + a.email()))
          .<Void>mapEmpty()
          .recover(e -> e instanceof Failure f && f.code().equals("email_taken")
              ? Future.succeededFuture()
              : Future.failedFuture(e));
    });
  }

  public Future<Account> create(NewAccount request) {
    request.validate();
    return vertx.executeBlocking(() -> hasher.hash(request.password()), false).compose(hash -> {
      StoredAccount stored = new StoredAccount(Ids.newId(), request.normalizedEmail(), hash,
          request.displayName().strip(), request.role(), request.organization(), request.profession(), clock.instant(),
          null);
      return store.insert(stored).map(v -> stored.account());
    });
  }

  public Future<List<Account>> list() {
    return store.list();
  }

  public Future<Session> login(LoginRequest request, String clientAddress) {
    request.validate();
    String email = request.email().strip().toLowerCase(Locale.ROOT);
    Optional<Duration> wait = throttle.blockedFor(email, clientAddress);
    if (wait.isPresent()) {
      return Future.failedFuture(new Failure(FailureKind.RATE_LIMITED, "rate_limited",
          "Too many failed logins; try again in " + wait.get().toSeconds() + " s",
          List.of(new RetryAfter(wait.get().toSeconds()))));
    }
    return store.findByEmail(email)
        .compose(found -> vertx.executeBlocking(() -> passwordMatches(found, request.password()), false)
            .map(ok -> ok ? found : Optional.<StoredAccount>empty()))
        .compose(match -> {
          if (match.isEmpty()) {
            throttle.recordFailure(email, clientAddress);
            return Future.failedFuture(new Failure(FailureKind.UNAUTHENTICATED, "invalid_credentials",
                "Email or password is wrong"));
          }
          throttle.recordSuccess(email);
          return openSession(match.get().account());
        });
  }

  private boolean passwordMatches(Optional<StoredAccount> account, String password) {
    if (account.isEmpty()) {
      hasher.burnTime(password);
      return false;
    }
    return hasher.matches(password, account.get().passwordHash());
  }

  private Future<Session> openSession(Account account) {
    String token = Ids.newSecret(32);
    Instant expiresAt = clock.instant().plus(sessionTtl);
    return store.insertSession(hashToken(token), account.id(), expiresAt.toEpochMilli())
        .map(v -> new Session(token, expiresAt, account));
  }

  /** The account behind a bearer token; fails {@code unauthenticated} when unknown, revoked or expired. */
  public Future<Account> authenticate(String token) {
    Failure invalid = new Failure(FailureKind.UNAUTHENTICATED, "invalid_token", "The token is unknown, revoked or expired");
    if (token == null || token.isBlank() || token.length() > 200) {
      return Future.failedFuture(invalid);
    }
    return store.findSession(hashToken(token), clock.millis())
        .compose(accountId -> accountId.isEmpty() ? Future.succeededFuture(Optional.<StoredAccount>empty())
            : store.findById(accountId.get()))
        .compose(found -> found.map(a -> Future.succeededFuture(a.account()))
            .orElseGet(() -> Future.failedFuture(invalid)));
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

  public Future<Void> logout(String token) {
    return store.deleteSession(hashToken(token));
  }

  private static String hashToken(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
