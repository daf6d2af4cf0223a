package yoriai.account;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.RetryAfter;

/**
 * Decides whether a login may reach the password check, before the account is even looked up.
 * Every attempt is first counted in the shared store (so simultaneous guesses and other nodes see
 * one count); a successful login gives its attempt back.
 *
 * <ul>
 *   <li>Per account: at most {@code maxPerAccount} attempts in a window; then every attempt is
 *       refused until the window ends, even with the right password (open sessions keep working).
 *   <li>Per address: {@code freePerAddress} failures in a window cost nothing; after that the
 *       address is slowed down, not locked: each further password check blocks the address for
 *       1, 2, 4 … at most {@link #MAX_DELAY} seconds. People sharing a proxy with an attacker
 *       wait seconds, while the attacker gets a few guesses a minute.
 * </ul>
 *
 * Windows are fixed (aligned on the epoch) so a counter is one document updated atomically.
 */
final class LoginThrottle {
  private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  private static final Duration MAX_DELAY = Duration.ofSeconds(60);

  private final LoginAttempts attempts;
  private final Clock clock;
  private final long windowMillis;
  private final int maxPerAccount;
  private final int freePerAddress;

  LoginThrottle(LoginAttempts attempts, Clock clock, Duration window, int maxPerAccount, int freePerAddress) {
    this.attempts = attempts;
    this.clock = clock;
    this.windowMillis = window.toMillis();
    this.maxPerAccount = maxPerAccount;
    this.freePerAddress = freePerAddress;
  }

  /** One attempt that may go on to the password check, or a {@code rate_limited} failure. */
  Future<Attempt> reserve(String email, String address) {
    long now = clock.millis();
    long windowEnd = (now / windowMillis + 1) * windowMillis;
    Attempt attempt = new Attempt(key("account", email, now), key("address", address, now));
    return reserveAddress(attempt.addressKey(), now, windowEnd)
        .compose(v -> attempts.add(attempt.accountKey(), windowEnd))
        .compose(count -> count <= maxPerAccount
            ? Future.succeededFuture(attempt)
            : attempts.refund(attempt.addressKey())
                .transform(r -> Future.failedFuture(rateLimited("Too many failed logins for this account",
                    windowEnd - now))));
  }

  /** The password was right: the account's count starts again and the address gets its attempt back. */
  Future<Void> succeeded(Attempt attempt) {
    return Future.join(attempts.clear(attempt.accountKey()), attempts.refund(attempt.addressKey())).mapEmpty();
  }

  private Future<Void> reserveAddress(String key, long now, long windowEnd) {
    return attempts.add(key, windowEnd).compose(count -> {
      if (count <= freePerAddress) {
        return Future.succeededFuture();
      }
      return attempts.claim(key, now, now + delay(count - freePerAddress)).compose(blockedUntil -> blockedUntil.isEmpty()
          ? Future.<Void>succeededFuture()
          : attempts.refund(key).transform(r -> Future.failedFuture(rateLimited(
              "Too many failed logins from your network", blockedUntil.get() - now))));
    });
  }

  private static long delay(int overBudget) {
    long doubled = FIRST_DELAY.toMillis() << Math.min(overBudget - 1, 20);
    return Math.min(doubled, MAX_DELAY.toMillis());
  }

  private String key(String kind, String value, long now) {
    return kind + ":" + value + ":" + now / windowMillis;
  }

  private static Failure rateLimited(String why, long waitMillis) {
    long seconds = Math.max(1, (waitMillis + 999) / 1000);
    return new Failure(FailureKind.RATE_LIMITED, "rate_limited", why + "; try again in " + seconds + " s",
        List.of(new RetryAfter(seconds)));
  }

  /** The counters one login attempt was charged to. */
  record Attempt(String accountKey, String addressKey) {}
}
