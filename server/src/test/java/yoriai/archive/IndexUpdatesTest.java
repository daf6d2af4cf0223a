package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An index update that runs late never puts back a text a later change removed. */
class IndexUpdatesTest {
  private static final String ID = "entry-1";
  private static final ArchiveEntry PUBLISHED = Entries.entry(ID).remark("毎週火曜に青瓦荘の前で休んでいます").build();
  private static final ArchiveEntry REDACTED = Entries.entry(ID).remark(ArchiveService.REDACTED).build();

  private Vertx vertx;
  private ArchiveIndex index;
  private final AtomicReference<ArchiveEntry> stored = new AtomicReference<>(PUBLISHED);
  private final Promise<Optional<ArchiveEntry>> lateRead = Promise.promise();
  private final CountDownLatch lateReadAsked = new CountDownLatch(1);
  private final List<Boolean> laterReadsAfterTheLateOneAnswered = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    index = ArchiveIndex.inMemory();
  }

  @AfterEach
  void stop() throws Exception {
    index.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void a_publication_announced_late_does_not_undo_a_redaction_indexed_after_it() throws Exception {
    IndexUpdates updates = new IndexUpdates(vertx, store(), index);
    updates.listen();
    vertx.eventBus().publish(IndexUpdates.ADDRESS, ID); // as another node announces it
    assertThat(lateReadAsked.await(10, TimeUnit.SECONDS)).as("the announced entry is read").isTrue();

    stored.set(REDACTED);
    Future<Void> redaction = updates.changed(ID);
    lateRead.complete(Optional.of(PUBLISHED));
    redaction.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(laterReadsAfterTheLateOneAnswered).as("the redaction reads the store after the late update").containsExactly(true);
    assertThat(index.search(SearchQuery.text("青瓦荘")).total()).isZero();
    assertThat(index.search(SearchQuery.text("")).total()).isEqualTo(1);
  }

  /** Its first read of the entry answers only when the test says, with what was stored before; later reads answer at once. */
  private ArchiveStore store() {
    return (ArchiveStore) Proxy.newProxyInstance(ArchiveStore.class.getClassLoader(), new Class<?>[] {ArchiveStore.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("findStored")) {
            throw new UnsupportedOperationException(method.getName());
          }
          if (lateReadAsked.getCount() > 0) {
            lateReadAsked.countDown();
            return lateRead.future().map(read -> read.map(entry -> new ArchiveStore.Stored(entry, "host-1", 0)));
          }
          laterReadsAfterTheLateOneAnswered.add(lateRead.future().isComplete());
          return Future.succeededFuture(Optional.of(new ArchiveStore.Stored(stored.get(), "host-1", 1)));
        });
  }
}
