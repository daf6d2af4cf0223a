package yoriai.catalog;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import yoriai.catalog.CatalogQuery.Criteria;

/** Market services and their per-case usage. Every returned future of a write completes after the write is durable. */
interface CatalogStore {
  Future<Void> insert(StoredService service);

  /** Replaces the stored service with the same id; false when there is none. */
  Future<Boolean> replace(StoredService service);

  /** False when there was nothing to delete. */
  Future<Boolean> delete(String id);

  Future<Optional<StoredService>> findById(String id);

  /** How many services match the category and area of {@code criteria} ({@code q} is not looked at). */
  Future<Long> count(Criteria criteria);

  /** Services matching the category and area of {@code criteria}, newest first; {@code limit} 0 means all. */
  Future<List<StoredService>> find(Criteria criteria, int skip, int limit);

  /**
   * Makes the stored usage of {@code caseId} exactly the given sets, replacing what an earlier call
   * for the same case stored, so calling it again is harmless.
   */
  Future<Void> replaceUsage(String caseId, Set<String> proposed, Set<String> adopted);

  /** Usage by service id; services never used are absent. */
  Future<Map<String, Usage>> usage(Collection<String> serviceIds);
}
