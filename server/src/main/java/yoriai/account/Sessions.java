package yoriai.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.Ids;

/**
 * Bearer sign-ins: opened by a login (or the first admin's setup), found on every request, ended by
 * logout or, for all of an account's at once, by disabling it, changing its role or resetting its
 * password. Ends reach this node's listeners before the ending request is answered (a socket here
 * takes no frame after a 204 to logout), and the other nodes over the event bus, shortly after.
 */
final class Sessions {
  private static final System.Logger LOG = System.getLogger(Sessions.class.getName());
  private static final String ORIGIN = "origin";
  private final Vertx vertx;
  private final AccountStore store;
  private final Clock clock;
  private final Duration ttl;
  private final String node = Ids.newId();
  private final List<Consumer<SignInEnded>> listeners = new CopyOnWriteArrayList<>();

  Sessions(Vertx vertx, AccountStore store, Clock clock, Duration ttl) {
    this.vertx = vertx;
    this.store = store;
    this.clock = clock;
    this.ttl = ttl;
  }

  Future<SignIn> open(Account account) {
    String token = Ids.newSecret(32);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(ttl);
    return store.insertSignIn(Tokens.hash(token), account.id(), expiresAt.toEpochMilli(), now.toEpochMilli())
        .map(v -> new SignIn(token, expiresAt, account));
  }

  /** The sign-in of a token, while it has not expired and its account is active. */
  Future<SignIn> find(String token) {
    Failure invalid = new Failure(FailureKind.UNAUTHENTICATED, "invalid_token", "The token is unknown, revoked or expired");
    if (token == null || token.isBlank() || token.length() > 200) {
      return Future.failedFuture(invalid);
    }
    return store.findSignIn(Tokens.hash(token), clock.millis())
        .compose(stored -> stored.isEmpty() ? Future.succeededFuture(Optional.<SignIn>empty())
            : store.findById(stored.get().accountId()).map(found -> found
                .filter(account -> account.currentState() == AccountState.ACTIVE)
                .map(account -> new SignIn(token, stored.get().expiresAt(), account.account()))))
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(invalid)));
  }

  Future<Void> end(String token) {
    String tokenHash = Tokens.hash(token);
    return store.deleteSignIn(tokenHash).map(v -> announce(SignInEnded.token(tokenHash)));
  }

  Future<Void> endAll(String accountId) {
    return store.deleteSignIns(accountId).map(v -> announce(SignInEnded.account(accountId)));
  }

  void onEnded(Consumer<SignInEnded> listener) {
    listeners.add(listener);
    vertx.eventBus().<JsonObject>consumer(SignInEnded.ADDRESS, message -> {
      if (!node.equals(message.headers().get(ORIGIN))) {
        listener.accept(SignInEnded.decode(message.body()));
      }
    });
  }

  /** Tells the other nodes first; a listener here that fails is logged and keeps neither them nor the answer from going out. */
  private Void announce(SignInEnded ended) {
    vertx.eventBus().publish(SignInEnded.ADDRESS, ended.encode(), new DeliveryOptions().addHeader(ORIGIN, node));
    for (Consumer<SignInEnded> listener : listeners) {
      try {
        listener.accept(ended);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "a listener of ended sign-ins failed", e);
      }
    }
    return null;
  }
}
