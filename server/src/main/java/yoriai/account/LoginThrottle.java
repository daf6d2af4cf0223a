package yoriai.account;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed logins per account and per client address in a sliding window. While a key is
 * over its limit every attempt is refused before the password is even checked. Kept per node:
 * with several nodes the limit is per node, which still caps guessing to a few per minute.
 */
final class LoginThrottle {
  private static final int MAX_KEYS = 100_000;

  private final Clock clock;
  private final Duration window;
  private final int maxPerAccount;
  private final int maxPerAddress;
  private final Map<String, Deque<Long>> failures = new LinkedHashMap<>(16, 0.75f, true);

  LoginThrottle(Clock clock, Duration window, int maxPerAccount, int maxPerAddress) {
    this.clock = clock;
    this.window = window;
    this.maxPerAccount = maxPerAccount;
    this.maxPerAddress = maxPerAddress;
  }

  /** How long the caller must wait, if either key is over its limit. */
  synchronized Optional<Duration> blockedFor(String email, String address) {
    long now = clock.millis();
    Optional<Duration> byAccount = blocked("account:" + email, maxPerAccount, now);
    return byAccount.isPresent() ? byAccount : blocked("address:" + address, maxPerAddress, now);
  }

  synchronized void recordFailure(String email, String address) {
    long now = clock.millis();
    failures.computeIfAbsent("account:" + email, k -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent("address:" + address, k -> new ArrayDeque<>()).addLast(now);
    evictOldest();
  }

  synchronized void recordSuccess(String email) {
    failures.remove("account:" + email);
  }

  private Optional<Duration> blocked(String key, int max, long now) {
    Deque<Long> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    long horizon = now - window.toMillis();
    while (!times.isEmpty() && times.peekFirst() <= horizon) {
      times.removeFirst();
    }
    if (times.isEmpty()) {
      failures.remove(key);
      return Optional.empty();
    }
    if (times.size() < max) {
      return Optional.empty();
    }
    long oldestThatCounts = times.toArray(new Long[0])[times.size() - max];
    return Optional.of(Duration.ofMillis(Math.max(1000, oldestThatCounts + window.toMillis() - now)));
  }

  private void evictOldest() {
    Iterator<String> keys = failures.keySet().iterator();
    while (failures.size() > MAX_KEYS && keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }
}
