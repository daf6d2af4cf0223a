package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import yoriai.shared.Coded;

/** The lifecycle of a case; {@link #NEXT} is the one transition table. */
public enum CaseState implements Coded {
  @JsonProperty("draft") DRAFT,
  @JsonProperty("submitted") SUBMITTED,
  @JsonProperty("scheduled") SCHEDULED,
  @JsonProperty("discussed") DISCUSSED,
  @JsonProperty("published") PUBLISHED,
  @JsonProperty("withdrawn") WITHDRAWN;

  private static final Map<CaseState, Set<CaseState>> NEXT = Map.of(
      DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN),
      SUBMITTED, EnumSet.of(SCHEDULED, WITHDRAWN),
      SCHEDULED, EnumSet.of(DISCUSSED, WITHDRAWN),
      DISCUSSED, EnumSet.of(PUBLISHED),
      PUBLISHED, EnumSet.noneOf(CaseState.class),
      WITHDRAWN, EnumSet.noneOf(CaseState.class));

  public boolean canMoveTo(CaseState next) {
    return NEXT.get(this).contains(next);
  }

  /**
   * The owner rewrites the sheet only while it is a draft: a submitted sheet is what hosts pick for
   * a meeting and what its participants read, so it does not change under them.
   */
  boolean editable() {
    return this == DRAFT;
  }
}
