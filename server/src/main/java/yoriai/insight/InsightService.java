package yoriai.insight;

import io.vertx.core.Future;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import yoriai.archive.ArchiveEntry;
import yoriai.archive.ArchiveService;
import yoriai.catalog.CatalogService;

/** Needs insight over the published archive and the catalog (§6). */
public final class InsightService {
  private final ArchiveService archive;
  private final CatalogService catalog;

  public InsightService(ArchiveService archive, CatalogService catalog) {
    this.archive = archive;
    this.catalog = catalog;
  }

  public Future<NeedsReport> needs() {
    Future<List<ArchiveEntry>> entries = archive.newest(ArchiveService.EXPORT_LIMIT);
    Future<Set<String>> coverage = catalog.coverage();
    return Future.all(entries, coverage).map(all -> NeedsInsight.report(
        entries.result().stream().map(InsightService::facts).toList(),
        (category, prefecture) -> coverage.result().contains(category + "|" + prefecture)));
  }

  /** A need is an activity the person needs help with, or one a proposal addressed. */
  private static CaseFacts facts(ArchiveEntry entry) {
    Set<String> needs = new LinkedHashSet<>();
    entry.activities().stream().filter(a -> !"自立".equals(a.level())).forEach(a -> needs.add(a.activity()));
    entry.proposals().stream().map(ArchiveEntry.Proposal::targetActivity).filter(t -> t != null && !t.isBlank())
        .forEach(needs::add);
    return new CaseFacts(entry.id(), entry.prefecture(), entry.person().careLevel(), needs);
  }
}
