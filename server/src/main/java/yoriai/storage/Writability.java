package yoriai.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicReference;
import yoriai.shared.Failure;

/**
 * Whether the store can complete a durable write now. Every refused write is counted and answered
 * with the same {@code storage_unavailable} failure; the change to unwritable and back is logged
 * once each way, not once per refused request.
 */
final class Writability {
  private static final System.Logger LOG = System.getLogger(Writability.class.getName());
  /** The recovery probe tries every second; a client coming back sooner would only be refused again. */
  static final long RETRY_AFTER_SECONDS = 5;

  enum State { WRITABLE, UNWRITABLE, LOST }

  private final AtomicReference<State> state = new AtomicReference<>(State.WRITABLE);
  private final Promise<String> lost = Promise.promise();
  private final Counter refused;
  private volatile long failedAtNanos;

  Writability(MeterRegistry registry) {
    Gauge.builder("yoriai.storage.writable", state, s -> s.get() == State.WRITABLE ? 1 : 0)
        .description("1 while the store can complete a durable write, else 0").register(registry);
    refused = Counter.builder("yoriai.storage.refused.writes")
        .description("Writes answered storage_unavailable because the store could not complete them")
        .register(registry);
  }

  boolean writable() {
    return state.get() == State.WRITABLE;
  }

  boolean isLost() {
    return state.get() == State.LOST;
  }

  /** Completes with the reason once the store is given up for good. */
  Future<String> lost() {
    return lost.future();
  }

  /** Counts one refused write and returns what the client is told. */
  Failure refuse() {
    return refuse(null);
  }

  Failure refuse(Throwable cause) {
    refused.increment();
    return Failure.storageUnavailable(RETRY_AFTER_SECONDS, cause);
  }

  void failed(Throwable cause) {
    if (state.compareAndSet(State.WRITABLE, State.UNWRITABLE)) {
      failedAtNanos = System.nanoTime();
      LOG.log(System.Logger.Level.ERROR, "storage cannot complete writes (" + describe(cause)
          + "); writes are refused with 503 storage_unavailable until it recovers");
    }
  }

  void recovered() {
    if (state.compareAndSet(State.UNWRITABLE, State.WRITABLE)) {
      LOG.log(System.Logger.Level.INFO, String.format("storage writable again after %.1f s",
          (System.nanoTime() - failedAtNanos) / 1e9));
    }
  }

  void giveUp(String reason) {
    state.set(State.LOST);
    LOG.log(System.Logger.Level.ERROR, "storage cannot be recovered: " + reason);
    lost.tryComplete(reason);
  }

  static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = error.getClass().getSimpleName() + ": " + error.getMessage();
    return root == error ? message : message + "; caused by " + root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
