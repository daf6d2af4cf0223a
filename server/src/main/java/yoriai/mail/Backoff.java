package yoriai.mail;

import java.time.Duration;

/** How long a mail waits after its n-th failed attempt: 30 s, doubling, at most an hour; never given up. */
final class Backoff {
  static final Duration FIRST = Duration.ofSeconds(30);
  static final Duration LONGEST = Duration.ofHours(1);

  private Backoff() {}

  static Duration after(int failedAttempts) {
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), 20);
    Duration wait = FIRST.multipliedBy(1L << doublings);
    return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
  }
}
