package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import yoriai.account.Account;
import yoriai.account.Organization;
import yoriai.shared.Json;

/**
 * A stored case: its sheet, whose fields sit at the top level as §7 echoes them, plus ownership,
 * state, timestamps and the audit trail. {@code revision} grows with every write so concurrent
 * changes cannot overwrite each other.
 */
public record Case(
    String id,
    CaseState state,
    Organization organization,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long revision,
    @JsonUnwrapped CaseSheet sheet,
    List<HistoryEntry> history) {

  /**
   * Reads the flat form back. Jackson 2.18 cannot put {@code @JsonUnwrapped} on a creator
   * parameter (databind#1467, supported from 2.19), so the fields that are not the case's own are
   * collected and read as the sheet; the sheet's reader stays strict about unknown fields.
   */
  @JsonCreator
  static Case read(
      @JsonProperty("id") String id,
      @JsonProperty("state") CaseState state,
      @JsonProperty("organization") Organization organization,
      @JsonProperty("createdBy") String createdBy,
      @JsonProperty("createdAt") Instant createdAt,
      @JsonProperty("updatedAt") Instant updatedAt,
      @JsonProperty("revision") long revision,
      @JsonProperty("history") List<HistoryEntry> history,
      @JsonAnySetter Map<String, Object> sheetFields) {
    CaseSheet sheet = Json.mapper().convertValue(sheetFields, CaseSheet.class);
    return new Case(id, state, organization, createdBy, createdAt, updatedAt, revision, sheet, history);
  }

  static Case create(String id, CaseSheet sheet, Account by, Instant at) {
    List<HistoryEntry> history = List.of(new HistoryEntry(null, CaseState.DRAFT, by.id(), by.displayName(), at));
    return new Case(id, CaseState.DRAFT, by.organization(), by.id(), at, at, 0, sheet, history);
  }

  Case edited(CaseSheet next, Instant at) {
    return new Case(id, state, organization, createdBy, createdAt, at, revision + 1, next, history);
  }

  Case moved(CaseState to, Account by, Instant at) {
    List<HistoryEntry> longer = new ArrayList<>(history);
    longer.add(new HistoryEntry(state, to, by.id(), by.displayName(), at));
    return new Case(id, to, organization, createdBy, createdAt, at, revision + 1, sheet, List.copyOf(longer));
  }

  /** By name, kind and prefecture, as before organizations had ids (docs/decisions.md 9 and 24). */
  public boolean ownedBy(Account account) {
    Organization other = account.organization();
    return organization.name().equals(other.name()) && organization.kind() == other.kind()
        && organization.prefecture().equals(other.prefecture());
  }
}
