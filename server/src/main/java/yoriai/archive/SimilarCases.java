package yoriai.archive;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import yoriai.account.Account;
import yoriai.casefile.CaseService;

/**
 * 「似ている事例」 read off the event loop: the published entries like an entry, and like a case
 * sheet being prepared, asked with the rights of reading that case. Only published entries are in
 * the index, so nothing else is ever answered.
 */
public final class SimilarCases {
  private final Vertx vertx;
  private final ArchiveIndex index;
  private final ArchiveService archive;
  private final CaseService cases;

  SimilarCases(Vertx vertx, ArchiveIndex index, ArchiveService archive, CaseService cases) {
    this.vertx = vertx;
    this.index = index;
    this.archive = archive;
    this.cases = cases;
  }

  /** Up to {@code n} entries like entry {@code id}; fails {@code not_found} for an unknown entry. */
  public Future<List<SearchResult.Hit>> ofEntry(String id, int n) {
    return archive.get(id).compose(entry -> vertx.executeBlocking(() -> index.similar(id, n), false));
  }

  /**
   * Up to {@code n} entries like the sheet of case {@code caseId}, never its own entry; fails
   * {@code not_found} as {@code GET /cases/{id}} does for whoever may not read the case.
   */
  public Future<List<SearchResult.Hit>> ofCase(String caseId, Account by, int n) {
    return cases.get(caseId, by)
        .compose(found -> vertx.executeBlocking(() -> index.similar(found.id(), found.sheet(), n), false));
  }
}
