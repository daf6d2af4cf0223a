package yoriai.http;

import java.util.List;
import java.util.stream.Collectors;
import yoriai.archive.ArchiveEntry;

/** The archive as open data, one row per entry, written by {@link Csv}. */
final class ArchiveCsv {
  private static final List<String> HEADER = List.of("id", "title", "prefecture", "provider", "publishedAt",
      "ageBand", "gender", "careLevel", "household", "activities", "wishes", "proposals", "adoptedProposals",
      "direction", "regionalIssues", "missingResources");

  private ArchiveCsv() {}

  static String write(List<ArchiveEntry> entries) {
    return Csv.write(HEADER, entries.stream().map(ArchiveCsv::row).toList());
  }

  private static List<String> row(ArchiveEntry e) {
    ArchiveEntry.Person p = e.person();
    return List.of(e.id(), e.title(), e.prefecture(), nz(e.provider()), e.publishedAt().toString(),
        nz(p.ageBand()), nz(p.gender()), nz(p.careLevel()), nz(p.household()),
        e.activities().stream().map(a -> a.activity() + "(" + a.level() + ")").collect(Collectors.joining("; ")),
        nz(e.wishes()),
        String.valueOf(e.proposals().size()),
        e.proposals().stream().filter(ArchiveEntry.Proposal::adopted).map(ArchiveEntry.Proposal::description)
            .collect(Collectors.joining("; ")),
        e.summary() == null ? "" : nz(e.summary().direction()),
        e.summary() == null ? "" : e.summary().regionalIssues().stream().map(ArchiveEntry.RegionalIssue::text)
            .collect(Collectors.joining("; ")),
        e.summary() == null ? "" : String.join("; ", e.summary().missingResources()));
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
