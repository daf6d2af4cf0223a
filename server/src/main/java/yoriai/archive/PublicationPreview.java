package yoriai.archive;

import java.util.List;
import yoriai.casefile.Finding;

/**
 * What publishing a closed meeting would make public, entry by entry, and the personal data that
 * would refuse it, each finding named by its entry's case and the field's path in that entry.
 */
public record PublicationPreview(List<ArchiveEntry> entries, List<CaseFinding> findings) {

  /** A finding in the entry of case {@code caseId}: UTF-16 span in the text at {@code field}. */
  public record CaseFinding(String caseId, String field, int start, int end, String kind) {
    static CaseFinding of(String caseId, Finding finding) {
      return new CaseFinding(caseId, finding.field(), finding.start(), finding.end(), finding.kind());
    }
  }
}
