package yoriai.ws;

import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes written to one socket that have not reached the kernel yet, counted by the writer on
 * whichever thread it writes. Vert.x's {@code writeQueueFull()} cannot tell this off the socket's
 * event loop: there it also counts frames still passing to the loop, and reads more than 16 of them
 * as full, so a burst from a room on another loop closed a client that read everything.
 */
final class UnsentBytes {
  private final long limit;
  private final AtomicLong unsent = new AtomicLong();

  UnsentBytes(long limit) {
    this.limit = limit;
  }

  /** Counts {@code bytes} until {@code write} completes, written or failed. */
  void add(int bytes, Future<Void> write) {
    unsent.addAndGet(bytes);
    write.onComplete(done -> unsent.addAndGet(-bytes));
  }

  /** More than the limit is waiting: the client reads too slowly. */
  boolean overLimit() {
    return unsent.get() > limit;
  }
}
