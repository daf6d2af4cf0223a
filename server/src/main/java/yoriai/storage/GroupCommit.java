package yoriai.storage;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * Commits the embedded MVStore for everyone waiting at once. A caller that arrives while a commit
 * runs waits for the next one, because the running commit may have started before its write.
 */
final class GroupCommit implements DurabilityBarrier {
  private final Vertx vertx;
  private final EmbeddedStore store;
  private List<Promise<Void>> waiting = new ArrayList<>();
  private boolean committing;

  GroupCommit(Vertx vertx, EmbeddedStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  @Override
  public Future<Void> await() {
    Promise<Void> promise = Promise.promise();
    boolean start;
    synchronized (this) {
      waiting.add(promise);
      start = !committing;
      committing = true;
    }
    if (start) {
      commitBatch();
    }
    return promise.future();
  }

  private void commitBatch() {
    List<Promise<Void>> batch;
    synchronized (this) {
      batch = waiting;
      waiting = new ArrayList<>();
    }
    vertx.executeBlocking(() -> {
      store.commit();
      return null;
    }, false).onComplete(result -> {
      batch.forEach(p -> p.handle(result.mapEmpty()));
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
