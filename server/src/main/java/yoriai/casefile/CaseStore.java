package yoriai.casefile;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import yoriai.account.Organization;

/** Case files. Every returned write future completes after the write is durable. */
interface CaseStore {
  Future<Void> insert(Case created);

  Future<Optional<Case>> find(String id);

  /** The organization's cases, newest first, optionally only those in {@code state}. */
  Future<List<Case>> listOf(Organization organization, Optional<CaseState> state);

  /**
   * Replaces the case only while the stored one still has {@code next.revision() - 1}; completes
   * with false when someone else changed it meanwhile.
   */
  Future<Boolean> replace(Case next);
}
