package yoriai.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;

/**
 * Measures how late a periodic timer fires on each event loop, labelled by the loop's index: the
 * time a ready task waits to run there. Sockets and rooms are spread over the loops, so one busy
 * loop delays only its own; a single timer saw only the loop it happened to run on.
 */
final class EventLoopLag {
  private static final long PERIOD_MS = 100;

  private EventLoopLag() {}

  static void start(Vertx vertx, MeterRegistry registry) {
    VertxInternal internal = (VertxInternal) vertx;
    int index = 0;
    for (EventExecutor loop : internal.nettyEventLoopGroup()) {
      Timer lag = Timer.builder("yoriai.event.loop.lag")
          .description("Delay of a 100 ms periodic timer on an event loop")
          .tag("loop", String.valueOf(index++))
          .publishPercentileHistogram()
          .register(registry);
      internal.contextBuilder().withEventLoop((EventLoop) loop).build().runOnContext(v -> measure(vertx, lag));
    }
  }

  /** On the loop's own context, so the timer fires there. */
  private static void measure(Vertx vertx, Timer lag) {
    long[] expected = {System.nanoTime() + PERIOD_MS * 1_000_000};
    vertx.setPeriodic(PERIOD_MS, id -> {
      long now = System.nanoTime();
      lag.record(Duration.ofNanos(Math.max(0, now - expected[0])));
      expected[0] = now + PERIOD_MS * 1_000_000;
    });
  }
}
