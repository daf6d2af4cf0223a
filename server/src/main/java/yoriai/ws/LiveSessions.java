package yoriai.ws;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import yoriai.account.AccountService;
import yoriai.account.SignIn;
import yoriai.account.SignInEnded;

/**
 * The joined sockets of this node with their sessions. A session that ends anywhere in the cluster
 * (logout, disabled account) closes its sockets here; expiry is read from the same clock the
 * accounts feature uses, so a socket never outlives its token.
 */
final class LiveSessions {
  private final Set<Connection> joined = ConcurrentHashMap.newKeySet();
  private final Clock clock;

  LiveSessions(AccountService accounts, Clock clock) {
    this.clock = clock;
    accounts.onSignInEnded(this::ended);
  }

  void add(Connection connection) {
    joined.add(connection);
  }

  void remove(Connection connection) {
    joined.remove(connection);
  }

  boolean expired(SignIn session) {
    return !clock.instant().isBefore(session.expiresAt());
  }

  Duration untilExpiry(SignIn session) {
    return Duration.between(clock.instant(), session.expiresAt());
  }

  private void ended(SignInEnded ended) {
    joined.forEach(connection -> connection.sessionEnded(ended));
  }
}
