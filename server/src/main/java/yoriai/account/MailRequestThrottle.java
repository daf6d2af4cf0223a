package yoriai.account;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.RetryAfter;

/**
 * Limits the public requests that send a mail (sign-up, password reset request), so nobody can use
 * the server to flood an inbox or to list which addresses have accounts: per action, at most
 * {@code perAddress} from one client address and {@code perEmail} for one email in a fixed window.
 * Over the client address's limit the request is refused (429); over the email's it is answered
 * like any other and nothing is sent, so a stranger's requests for someone's email never show that
 * person an error, and known and unknown emails are counted and answered alike. The counters are
 * the login throttle's shared ones ({@link LoginAttempts}), under their own keys.
 */
final class MailRequestThrottle {
  static final Duration WINDOW = Duration.ofHours(1);

  private final LoginAttempts counters;
  private final Clock clock;
  private final int perEmail;
  private final int perAddress;

  MailRequestThrottle(LoginAttempts counters, Clock clock, int perEmail, int perAddress) {
    this.counters = counters;
    this.clock = clock;
    this.perEmail = perEmail;
    this.perAddress = perAddress;
  }

  /**
   * Counts one request: fails {@code too_many_requests} (429 with Retry-After) over the client
   * address's limit; false over the email's (answer as usual, send nothing); else true.
   */
  Future<Boolean> charge(String action, String email, String clientAddress) {
    long now = clock.millis();
    long window = now / WINDOW.toMillis();
    long windowEnd = (window + 1) * WINDOW.toMillis();
    String prefix = "mail-request:" + action + ":" + window + ":";
    Failure refused = tooMany(windowEnd - now);
    return counters.add(prefix + "address:" + clientAddress, windowEnd)
        .compose(fromAddress -> fromAddress > perAddress ? Future.failedFuture(refused)
            : counters.add(prefix + "email:" + email, windowEnd))
        .map(forEmail -> forEmail <= perEmail);
  }

  private static Failure tooMany(long waitMillis) {
    long seconds = Math.max(1, (waitMillis + 999) / 1000);
    return new Failure(FailureKind.RATE_LIMITED, "too_many_requests",
        "Too many requests from your network; try again in " + seconds + " s",
        List.of(new RetryAfter(seconds)));
  }
}
