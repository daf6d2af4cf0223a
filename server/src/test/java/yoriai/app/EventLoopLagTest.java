package yoriai.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLoopLagTest {
  private static final int LOOPS = 3;
  private static final long BLOCKED_MS = 400;

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(LOOPS));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void a_blocked_event_loop_shows_its_lag_whichever_loop_it_is() throws Exception {
    EventLoopLag.start(vertx, registry);
    List<EventExecutor> loops = new ArrayList<>();
    ((VertxInternal) vertx).nettyEventLoopGroup().forEach(loops::add);
    assertThat(loops).hasSize(LOOPS);

    for (int index = 0; index < LOOPS; index++) {
      Timer lag = registry.get("yoriai.event.loop.lag").tag("loop", String.valueOf(index)).timer();
      AtomicLong countBefore = new AtomicLong(Long.MAX_VALUE);
      AtomicReference<Double> totalBefore = new AtomicReference<>();
      ((VertxInternal) vertx).contextBuilder().withEventLoop((EventLoop) loops.get(index)).build()
          .runOnContext(v -> {
            totalBefore.set(lag.totalTime(TimeUnit.MILLISECONDS));
            countBefore.set(lag.count());
            block();
          });
      // the loop's first tick after the block began fires at least BLOCKED_MS minus one period late;
      // a loop that was not blocked records a few milliseconds at most
      waitFor(() -> lag.count() > countBefore.get());
      assertThat(lag.totalTime(TimeUnit.MILLISECONDS) - totalBefore.get()).as("lag recorded on loop %d", index)
          .isGreaterThanOrEqualTo(BLOCKED_MS / 2);
    }
  }

  private static void block() {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BLOCKED_MS);
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 30 s").isLessThan(giveUp);
      Thread.sleep(20);
    }
  }
}
