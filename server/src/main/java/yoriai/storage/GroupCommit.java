package yoriai.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Commits the embedded MVStore for everyone waiting at once. A caller that arrives while a commit
 * runs waits for the next one, because the running commit may have started before its write.
 * A failed commit, or one of a store that replaced the caller's (its writes went into the old
 * one), fails the caller with {@code storage_unavailable}.
 *
 * <p>Commits follow each other on one worker thread for as long as callers keep arriving; each
 * caller is answered on its own context. Going back to an event loop between two commits would
 * make every commit wait behind that loop's socket work (decision 147). While they follow each
 * other, they start at most one per {@link #SPACING}; a commit after an idle spell starts at once.
 */
final class GroupCommit implements DurabilityBarrier {
  /** Well under Vert.x's blocked-worker warning (60 s). */
  private static final Duration HAND_ON_AFTER = Duration.ofSeconds(1);
  /**
   * Fewer, larger commits: at 8,000 posts/s across 50 meetings the server used about a seventh
   * less processor time, for at most this much more wait per acknowledgement (decision 153).
   */
  private static final Duration SPACING = Duration.ofMillis(5);

  private record Waiter(Promise<Void> promise, Context context, long generation) {}

  private final Vertx vertx;
  private final EmbeddedStore store;
  private final Writability writability;
  private final long handOnAfterNanos;
  private final long spacingNanos;
  private final Counter commits;
  private List<Waiter> waiting = new ArrayList<>();
  private boolean committing;

  GroupCommit(Vertx vertx, EmbeddedStore store, Writability writability, MeterRegistry registry) {
    this(vertx, store, writability, registry, HAND_ON_AFTER, SPACING);
  }

  GroupCommit(Vertx vertx, EmbeddedStore store, Writability writability, MeterRegistry registry, Duration handOnAfter,
      Duration spacing) {
    this.vertx = vertx;
    this.store = store;
    this.writability = writability;
    this.handOnAfterNanos = handOnAfter.toNanos();
    this.spacingNanos = spacing.toNanos();
    this.commits = Counter.builder("yoriai.storage.commits")
        .description("Commits of the embedded store; each makes durable the writes of everyone waiting for it")
        .register(registry);
  }

  @Override
  public Future<Void> await() {
    Promise<Void> promise = Promise.promise();
    boolean start;
    synchronized (this) {
      waiting.add(new Waiter(promise, vertx.getOrCreateContext(), store.generation()));
      start = !committing;
      committing = true;
    }
    if (start) {
      vertx.executeBlocking(this::commitWhileWaited, false);
    }
    return promise.future();
  }

  /**
   * On a worker thread: commits until nobody waits, then lets the next caller start it again. Under
   * load that never pauses, it hands on to a new worker task after a commit now and then, so no
   * task runs long enough for Vert.x to report its thread blocked.
   */
  private Void commitWhileWaited() {
    long handOnAt = System.nanoTime() + handOnAfterNanos;
    while (true) {
      List<Waiter> batch;
      synchronized (this) {
        if (waiting.isEmpty()) {
          committing = false;
          return null;
        }
        batch = waiting;
        waiting = new ArrayList<>();
      }
      long started = System.nanoTime();
      answer(batch, commitOnce());
      // whoever arrives meanwhile shares the next commit
      LockSupport.parkNanos(spacingNanos - (System.nanoTime() - started));
      if (System.nanoTime() - handOnAt >= 0) {
        vertx.executeBlocking(this::commitWhileWaited, false);
        return null;
      }
    }
  }

  /** The committed generation, or -1 when the commit failed. */
  private long commitOnce() {
    commits.increment();
    try {
      return store.commit();
    } catch (RuntimeException | Error failed) {
      // whatever the failure, every waiter is answered and the next caller starts a commit again
      writability.failed(failed);
      return -1;
    }
  }

  private void answer(List<Waiter> batch, long committed) {
    for (Waiter waiter : batch) {
      boolean durable = committed >= 0 && committed == waiter.generation();
      waiter.context().runOnContext(v -> {
        if (durable) {
          waiter.promise().complete();
        } else {
          waiter.promise().fail(writability.refuse());
        }
      });
    }
  }
}
