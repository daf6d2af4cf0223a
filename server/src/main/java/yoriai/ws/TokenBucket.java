package yoriai.ws;

/** A token bucket per connection: {@code rate} tokens a second, at most {@code burst} saved up. */
final class TokenBucket {
  private final double ratePerNano;
  private final double burst;
  private double tokens;
  private long last;

  TokenBucket(int ratePerSecond, int burst) {
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  boolean take() {
    refill();
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** How long until {@link #take()} would succeed, at least one millisecond. */
  long millisUntilToken() {
    refill();
    double missing = Math.max(0, 1 - tokens);
    return Math.max(1, (long) Math.ceil(missing / ratePerNano / 1e6));
  }

  private void refill() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
    last = now;
  }
}
