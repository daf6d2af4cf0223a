package yoriai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.account.Account;
import yoriai.account.Organization;
import yoriai.account.OrganizationKind;
import yoriai.account.Role;
import yoriai.catalog.CatalogQuery.Criteria;

/** Reindexing after a change: its failure is not the request's, and the node that changed a service indexes it once. */
class CatalogReindexTest {
  private static final Instant NOW = Instant.parse("2026-12-01T01:00:00Z");
  private static final Account COMPANY = new Account("company-1", "c@example.jp", "営業 一郎", Role.COMPANY,
      new Organization("org-1", "株式会社たかさき商店", OrganizationKind.COMPANY, "群馬県"), null, NOW);
  private static final ServiceDraft DRAFT = new ServiceDraft("ゆっくりレジ", null, "買い物支援", null,
      List.of(new Area("10", null, "群馬県")), null, null, null);

  private Vertx vertx;
  private final ReadFailingStore store = new ReadFailingStore();
  private CatalogService catalog;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    catalog = await(CatalogService.create(vertx, store, Clock.fixed(NOW, ZoneOffset.UTC)));
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  void a_register_whose_reindex_fails_still_answers_with_the_stored_service_and_is_indexed_once_here() throws Exception {
    Service registered = await(catalog.register(COMPANY, DRAFT));

    assertThat(store.inserted).extracting(StoredService::id).containsExactly(registered.id());
    // A change announced by another node queues behind this node's own message, if it ever handled that.
    vertx.eventBus().publish(CatalogService.CHANGED_ADDRESS, "from-another-node");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!store.reads.contains("from-another-node") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(store.reads).containsExactly(registered.id(), "from-another-node");
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Takes writes, but every read of one service fails, as when the store goes away right after a write. */
  private static final class ReadFailingStore implements CatalogStore {
    final List<StoredService> inserted = new CopyOnWriteArrayList<>();
    final List<String> reads = new CopyOnWriteArrayList<>();

    @Override
    public Future<Void> insert(StoredService service) {
      inserted.add(service);
      return Future.succeededFuture();
    }

    @Override
    public Future<Optional<StoredService>> findById(String id) {
      reads.add(id);
      return Future.failedFuture(new IllegalStateException("the store went away"));
    }

    @Override
    public Future<List<StoredService>> find(Criteria criteria, int skip, int limit) {
      return Future.succeededFuture(List.of());
    }

    @Override
    public Future<Map<String, Usage>> usage(Collection<String> serviceIds) {
      return Future.succeededFuture(Map.of());
    }

    @Override
    public Future<Boolean> replace(StoredService service) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Boolean> delete(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Long> count(Criteria criteria) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> replaceUsage(String caseId, Set<String> proposed, Set<String> adopted) {
      throw new UnsupportedOperationException();
    }
  }
}
