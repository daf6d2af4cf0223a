package yoriai.account;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.Ids;

/**
 * The first run: while no account exists (and none is configured), the server logs once a setup
 * link with a random token kept only in memory; whoever can read the log opens it and creates the
 * first admin. The token works once, and never after an account exists or the server restarts.
 */
public final class FirstAdminSetup {
  private static final System.Logger LOG = System.getLogger(FirstAdminSetup.class.getName());

  private final AccountStore store;
  private final Registration registration;
  private final Sessions sessions;
  private final AccountMail mail;
  private final AtomicReference<String> token = new AtomicReference<>();

  FirstAdminSetup(AccountStore store, Registration registration, Sessions sessions, AccountMail mail) {
    this.store = store;
    this.registration = registration;
    this.sessions = sessions;
    this.mail = mail;
  }

  /** Whether the instance still waits for its first admin. */
  public Future<Boolean> needed() {
    return store.anyAccount().map(any -> !any);
  }

  /** With no account yet, makes a token and logs the link to the setup page; the link, if any. */
  public Future<Optional<String>> open() {
    return needed().map(empty -> {
      if (!empty) {
        return Optional.<String>empty();
      }
      String fresh = Ids.newSecret(24);
      token.set(fresh);
      String link = mail.link("/setup?token=" + fresh);
      LOG.log(System.Logger.Level.WARNING, "Open " + link + " to create the first admin");
      return Optional.of(link);
    });
  }

  /**
   * Creates the first admin and signs them in. The token is taken before anything is stored, so two
   * requests with it cannot both succeed; it is given back when the request was refused.
   */
  public Future<SignIn> complete(SetupRequest request) {
    String expected = token.get();
    Failure closed = new Failure(FailureKind.FORBIDDEN, "setup_closed",
        "Setup is closed: an account exists already, or this link is used or from before a restart");
    if (expected == null || request.token() == null || !same(expected, request.token())) {
      return Future.failedFuture(closed);
    }
    NewAccount admin = request.account();
    return registration.check(admin, request.problems())
        .compose(valid -> token.compareAndSet(expected, null) ? needed() : Future.failedFuture(closed))
        .compose(empty -> empty ? registration.insert(admin, AccountState.ACTIVE)
            .onFailure(e -> token.compareAndSet(null, expected)) : Future.failedFuture(closed))
        .compose(sessions::open)
        .onSuccess(signIn -> LOG.log(System.Logger.Level.INFO, "created first admin " + signIn.user().email()));
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
