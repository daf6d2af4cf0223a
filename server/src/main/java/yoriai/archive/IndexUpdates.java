package yoriai.archive;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import yoriai.shared.Ids;

/**
 * Keeps this node's search index in step with the stored entries. Every update reads its entry from
 * MongoDB at its turn, one at a time, so an update that runs late (another node's announcement, or
 * an entry's publication still arriving after its redaction) can never put an older text back. The
 * node that stored a change indexes it before the request is answered, then tells the others.
 */
final class IndexUpdates {
  static final String ADDRESS = "yoriai.archive.published";
  private static final String ORIGIN = "origin";
  /** Above this many changed entries, one rebuild is cheaper than a commit per entry. */
  private static final int REINDEX_AT_MOST = 500;
  private static final System.Logger LOG = System.getLogger(IndexUpdates.class.getName());

  private final Vertx vertx;
  private final ArchiveStore store;
  private final ArchiveIndex index;
  private final String node = Ids.newId();
  private Future<Void> last = Future.succeededFuture();
  private MessageConsumer<String> announcements;
  private Long recheck;

  IndexUpdates(Vertx vertx, ArchiveStore store, ArchiveIndex index) {
    this.vertx = vertx;
    this.store = store;
    this.index = index;
  }

  /** Indexes what the other nodes announce, from when the returned future completes (the cluster knows the listener). */
  Future<Void> listen() {
    announcements = vertx.eventBus().consumer(ADDRESS, message -> {
      if (!node.equals(message.headers().get(ORIGIN))) {
        fromStore(message.body())
            .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "archive entry " + message.body() + " not indexed here", e));
      }
    });
    return announcements.completion();
  }

  /** Stops indexing what the other nodes announce, and the periodic re-check. */
  Future<Void> stop() {
    if (recheck != null) {
      vertx.cancelTimer(recheck);
    }
    return announcements == null ? Future.succeededFuture() : announcements.unregister();
  }

  /**
   * Every {@code period}, re-reads each entry whose revision in MongoDB differs from the one
   * indexed, or that the index lacks: a redaction or a publication whose announcement was lost, or
   * whose indexing here failed (a full disk), reaches this node's index within a period, not only
   * at its next start.
   */
  void recheckEvery(Duration period) {
    recheck = vertx.setPeriodic(period.toMillis(), id -> recheck()
        .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "archive index re-check failed; the next one retries", e)));
  }

  /**
   * Re-reads each indexed entry whose revision in MongoDB differs from the one indexed (a
   * redaction, first and all of them), then up to {@value #REINDEX_AT_MOST} entries the index
   * lacks (the next re-check takes the rest); never rebuilds, so the publications queued behind
   * it wait seconds, not a rebuild.
   */
  Future<Void> recheck() {
    return queued(() -> revisions().compose(compared -> {
      List<String> ids = new ArrayList<>(compared.changed(compared.indexed().keySet()));
      compared.stored().keySet().stream().filter(id -> !compared.indexed().containsKey(id))
          .limit(REINDEX_AT_MOST).forEach(ids::add);
      return reindex(ids);
    }));
  }

  /** The entry {@code id} was stored or changed here: this node's index first, then every other node's. */
  Future<Void> changed(String id) {
    return fromStore(id).onSuccess(v -> vertx.eventBus().publish(ADDRESS, id, new DeliveryOptions().addHeader(ORIGIN, node)));
  }

  /**
   * Brings an index that was closed while others changed the archive (this node down, a redaction
   * made on another node) up to MongoDB: each entry whose stored revision differs from the one
   * indexed is read again; an index needing a rebuild, holding an entry the store lacks, or behind
   * by many entries is rebuilt. Call after {@link #listen}, so no change falls between the two.
   */
  Future<Void> catchUp() {
    return queued(() -> revisions().compose(compared -> {
      List<String> changed = compared.changed(compared.stored().keySet());
      return index.needsRebuild() || !compared.stored().keySet().containsAll(compared.indexed().keySet())
          || changed.size() > REINDEX_AT_MOST ? rebuildNow() : reindex(changed).recover(this::startWithout);
    }));
  }

  /**
   * The node starts without the entries it could not read: they are out of its index, so none is
   * served as it was before a change it could not read, and the periodic re-check tries them again.
   */
  private Future<Void> startWithout(Throwable failure) {
    if (!(failure instanceof NotAllIndexed)) {
      return Future.failedFuture(failure);
    }
    LOG.log(System.Logger.Level.WARNING, "archive index started without the entries it could not read; "
        + "the periodic re-check retries them", failure);
    return Future.succeededFuture();
  }

  /** Every entry's revision in MongoDB and in this index, by id. */
  private record Revisions(Map<String, Long> stored, Map<String, Long> indexed) {
    /** Those of {@code ids} whose revision in MongoDB differs from the one indexed (or that one of the two lacks). */
    List<String> changed(Set<String> ids) {
      return ids.stream().filter(id -> !Objects.equals(stored.get(id), indexed.get(id))).toList();
    }
  }

  private Future<Revisions> revisions() {
    return store.revisions().compose(stored -> vertx.executeBlocking(() -> new Revisions(stored, index.revisions())));
  }

  private Future<Void> rebuildNow() {
    return store.newestRevised(ArchiveService.EXPORT_LIMIT).compose(all -> vertx.executeBlocking(() -> {
      long count = index.rebuildRevised(all.stream());
      LOG.log(System.Logger.Level.INFO, "archive index rebuilt from MongoDB with " + count + " entries");
      return null;
    }));
  }

  /**
   * Reads each of {@code ids} again, one after another. An entry that cannot be indexed does not
   * keep the rest from the index: it would stop every re-check at the same place, and the entries
   * behind it would never be found. It leaves the index, because what the index holds of it may be
   * what a redaction it could not read took out. Fails once all were tried if any failed, naming
   * them.
   */
  private Future<Void> reindex(List<String> ids) {
    List<NotIndexed> failed = new ArrayList<>();
    Future<Void> done = Future.succeededFuture();
    for (String id : ids) {
      done = done.compose(v -> read(id).recover(e -> {
        failed.add(new NotIndexed(id, e));
        return vertx.<Void>executeBlocking(() -> {
          index.remove(id);
          return null;
        }).recover(removing -> {
          e.addSuppressed(removing);
          return Future.succeededFuture();
        });
      }));
    }
    return done.compose(v -> {
      if (ids.size() > failed.size()) {
        LOG.log(System.Logger.Level.INFO, "archive index caught up with " + (ids.size() - failed.size())
            + " entries changed elsewhere");
      }
      return failed.isEmpty() ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(new NotAllIndexed(
          failed.size() + " of " + ids.size() + " archive entries could not be indexed: "
              + failed.stream().map(NotIndexed::id).toList(), failed.get(0).cause()));
    });
  }

  private record NotIndexed(String id, Throwable cause) {}

  /** Some entries could not be read into the index; the rest were. */
  private static final class NotAllIndexed extends IllegalStateException {
    NotAllIndexed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private Future<Void> fromStore(String id) {
    return queued(() -> read(id));
  }

  private Future<Void> read(String id) {
    return store.findStored(id).compose(found -> found.isEmpty()
        ? Future.<Void>succeededFuture()
        : vertx.<Void>executeBlocking(() -> {
          index.index(new ArchiveIndex.Revised(found.get().entry(), found.get().revision()));
          return null;
        }));
  }

  private synchronized Future<Void> queued(Supplier<Future<Void>> update) {
    Future<Void> next = last.transform(ignored -> update.get());
    last = next;
    return next;
  }
}
