package yoriai.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import java.time.Duration;

/** Measures how late a periodic timer fires on an event loop: the time a ready task waits to run. */
final class EventLoopLag {
  private static final long PERIOD_MS = 100;

  private EventLoopLag() {}

  static long start(Vertx vertx, MeterRegistry registry) {
    Timer lag = Timer.builder("yoriai.event.loop.lag")
        .description("Delay of a 100 ms periodic timer on an event loop")
        .publishPercentileHistogram()
        .register(registry);
    long[] expected = {System.nanoTime() + PERIOD_MS * 1_000_000};
    return vertx.setPeriodic(PERIOD_MS, id -> {
      long now = System.nanoTime();
      lag.record(Duration.ofNanos(Math.max(0, now - expected[0])));
      expected[0] = now + PERIOD_MS * 1_000_000;
    });
  }
}
