package yoriai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code scripts/lib/bench-report.mjs} parses the load generator's table with {@code [\d.]+}, on any machine's locale. */
class LatenciesTest {
  @Test
  void millisecondsHaveADecimalPointOnAGermanMachine() {
    Locale locale = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      Latencies latencies = new Latencies();
      latencies.add(12_340_000L);
      Latencies.Summary summary = latencies.drain();
      assertEquals("12.3", summary.millis(summary.p99Nanos()));
    } finally {
      Locale.setDefault(locale);
    }
  }
}
