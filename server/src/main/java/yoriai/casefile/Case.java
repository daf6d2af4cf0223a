package yoriai.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import yoriai.account.Account;
import yoriai.account.Organization;

/**
 * A stored case: the sheet's fields at the top level, as §7 echoes them, plus ownership, state,
 * timestamps and the audit trail. {@code revision} grows with every write so concurrent changes
 * cannot overwrite each other.
 */
public record Case(
    String id,
    CaseState state,
    Organization organization,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long revision,
    String title,
    String prefecture,
    String provider,
    Person person,
    List<Activity> activities,
    String wishes,
    String questions,
    List<Support> supports,
    Assessment assessment,
    List<Integer> checklist,
    List<HistoryEntry> history) {

  static Case create(String id, CaseSheet sheet, Account by, Instant at) {
    List<HistoryEntry> history = List.of(new HistoryEntry(null, CaseState.DRAFT, by.id(), by.displayName(), at));
    return new Case(id, CaseState.DRAFT, by.organization(), by.id(), at, at, 0, sheet.title(), sheet.prefecture(),
        sheet.provider(), sheet.person(), sheet.activities(), sheet.wishes(), sheet.questions(), sheet.supports(),
        sheet.assessment(), sheet.checklist(), history);
  }

  public CaseSheet sheet() {
    return new CaseSheet(title, prefecture, provider, person, activities, wishes, questions, supports, assessment, checklist);
  }

  Case edited(CaseSheet sheet, Instant at) {
    return new Case(id, state, organization, createdBy, createdAt, at, revision + 1, sheet.title(), sheet.prefecture(),
        sheet.provider(), sheet.person(), sheet.activities(), sheet.wishes(), sheet.questions(), sheet.supports(),
        sheet.assessment(), sheet.checklist(), history);
  }

  Case moved(CaseState to, Account by, Instant at) {
    List<HistoryEntry> longer = new ArrayList<>(history);
    longer.add(new HistoryEntry(state, to, by.id(), by.displayName(), at));
    return new Case(id, to, organization, createdBy, createdAt, at, revision + 1, title, prefecture, provider, person,
        activities, wishes, questions, supports, assessment, checklist, List.copyOf(longer));
  }

  /** By name, kind and prefecture, as before organizations had ids (docs/decisions.md 9 and 24). */
  public boolean ownedBy(Account account) {
    Organization other = account.organization();
    return organization.name().equals(other.name()) && organization.kind() == other.kind()
        && organization.prefecture().equals(other.prefecture());
  }
}
