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
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
    last = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
