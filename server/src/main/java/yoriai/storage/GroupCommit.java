package yoriai.storage;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * Commits the embedded MVStore for everyone waiting at once. A caller that arrives while a commit
 * runs waits for the next one, because the running commit may have started before its write.
 * A failed commit, or one of a store that replaced the caller's (its writes went into the old
 * one), fails the caller with {@code storage_unavailable}.
 *
 * <p>Commits follow each other on one worker thread for as long as callers keep arriving; each
 * caller is answered on its own context. Going back to an event loop between two commits would
 * make every commit wait behind that loop's socket work (decision 147).
 */
final class GroupCommit implements DurabilityBarrier {
  private record Waiter(Promise<Void> promise, Context context, long generation) {}

  private final Vertx vertx;
  private final EmbeddedStore store;
  private final Writability writability;
  private List<Waiter> waiting = new ArrayList<>();
  private boolean committing;

  GroupCommit(Vertx vertx, EmbeddedStore store, Writability writability) {
    this.vertx = vertx;
    this.store = store;
    this.writability = writability;
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

  /** On a worker thread: commits until nobody waits, then lets the next caller start it again. */
  private Void commitWhileWaited() {
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
      answer(batch, commitOnce());
    }
  }

  /** The committed generation, or -1 when the commit failed. */
  private long commitOnce() {
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
