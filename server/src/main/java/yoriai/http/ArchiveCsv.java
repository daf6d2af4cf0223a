package yoriai.http;

import java.util.List;
import java.util.stream.Collectors;
import yoriai.archive.ArchiveEntry;

/** Open data as CSV: UTF-8 with a byte order mark so Excel in Japan opens it as UTF-8; RFC 4180 quoting. */
final class ArchiveCsv {
  private static final List<String> HEADER = List.of("id", "title", "prefecture", "provider", "publishedAt",
      "ageBand", "gender", "careLevel", "household", "activities", "wishes", "proposals", "adoptedProposals",
      "direction", "regionalIssues", "missingResources");

  private ArchiveCsv() {}

  static String write(List<ArchiveEntry> entries) {
    StringBuilder out = new StringBuilder("\uFEFF");
    row(out, HEADER);
    for (ArchiveEntry e : entries) {
      ArchiveEntry.Person p = e.person();
      row(out, List.of(e.id(), e.title(), e.prefecture(), nz(e.provider()), e.publishedAt().toString(),
          nz(p.ageBand()), nz(p.gender()), nz(p.careLevel()), nz(p.household()),
          e.activities().stream().map(a -> a.activity() + "(" + a.level() + ")").collect(Collectors.joining("; ")),
          nz(e.wishes()),
          String.valueOf(e.proposals().size()),
          e.proposals().stream().filter(ArchiveEntry.Proposal::adopted).map(ArchiveEntry.Proposal::description)
              .collect(Collectors.joining("; ")),
          e.summary() == null ? "" : nz(e.summary().direction()),
          e.summary() == null ? "" : e.summary().regionalIssues().stream().map(ArchiveEntry.RegionalIssue::text)
              .collect(Collectors.joining("; ")),
          e.summary() == null ? "" : String.join("; ", e.summary().missingResources())));
    }
    return out.toString();
  }

  private static void row(StringBuilder out, List<String> cells) {
    out.append(cells.stream().map(ArchiveCsv::quote).collect(Collectors.joining(","))).append("\r\n");
  }

  private static String quote(String cell) {
    boolean needs = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
    String safe = cell.startsWith("=") || cell.startsWith("+") || cell.startsWith("-") || cell.startsWith("@")
        ? "'" + cell : cell;
    return needs ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
