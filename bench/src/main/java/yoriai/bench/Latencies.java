package yoriai.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples in nanoseconds; percentiles by sorting a copy (fine for a few million samples). */
final class Latencies {
  private long[] samples = new long[1 << 16];
  private int count;

  synchronized void add(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, samples.length * 2);
    }
    samples[count++] = nanos;
  }

  synchronized Summary drain() {
    long[] sorted = Arrays.copyOf(samples, count);
    count = 0;
    Arrays.sort(sorted);
    return new Summary(sorted.length, at(sorted, 0.50), at(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
  }

  private static long at(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
  }

  record Summary(long count, long p50Nanos, long p99Nanos, long maxNanos) {
    String millis(long nanos) {
      return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
  }
}
