package yoriai.archive;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
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
  private static final System.Logger LOG = System.getLogger(IndexUpdates.class.getName());

  private final Vertx vertx;
  private final ArchiveStore store;
  private final ArchiveIndex index;
  private final String node = Ids.newId();
  private Future<Void> last = Future.succeededFuture();

  IndexUpdates(Vertx vertx, ArchiveStore store, ArchiveIndex index) {
    this.vertx = vertx;
    this.store = store;
    this.index = index;
  }

  /** Indexes what the other nodes announce. */
  void listen() {
    vertx.eventBus().<String>consumer(ADDRESS, message -> {
      if (!node.equals(message.headers().get(ORIGIN))) {
        fromStore(message.body())
            .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "archive entry " + message.body() + " not indexed here", e));
      }
    });
  }

  /** The entry {@code id} was stored or changed here: this node's index first, then every other node's. */
  Future<Void> changed(String id) {
    return fromStore(id).onSuccess(v -> vertx.eventBus().publish(ADDRESS, id, new DeliveryOptions().addHeader(ORIGIN, node)));
  }

  private synchronized Future<Void> fromStore(String id) {
    Future<Void> next = last.transform(ignored -> store.find(id).compose(found -> found.isEmpty()
        ? Future.<Void>succeededFuture()
        : vertx.<Void>executeBlocking(() -> {
          index.index(found.get());
          return null;
        })));
    last = next;
    return next;
  }
}
