package yoriai.storage;

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
 */
final class GroupCommit implements DurabilityBarrier {
  private record Waiter(Promise<Void> promise, long generation) {}

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
      waiting.add(new Waiter(promise, store.generation()));
      start = !committing;
      committing = true;
    }
    if (start) {
      commitBatch();
    }
    return promise.future();
  }

  private void commitBatch() {
    List<Waiter> batch;
    synchronized (this) {
      batch = waiting;
      waiting = new ArrayList<>();
    }
    vertx.executeBlocking(store::commit, false).onComplete(result -> {
      if (result.failed()) {
        writability.failed(result.cause());
      }
      for (Waiter waiter : batch) {
        if (result.succeeded() && result.result() == waiter.generation()) {
          waiter.promise().complete();
        } else {
          waiter.promise().fail(writability.refuse());
        }
      }
      boolean again;
      synchronized (this) {
        again = !waiting.isEmpty();
        committing = again;
      }
      if (again) {
        commitBatch();
      }
    });
  }
}
