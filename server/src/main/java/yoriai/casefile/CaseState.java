package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The lifecycle of a case; {@link #NEXT} is the one transition table. */
public enum CaseState {
  DRAFT("draft"),
  SUBMITTED("submitted"),
  SCHEDULED("scheduled"),
  DISCUSSED("discussed"),
  PUBLISHED("published"),
  WITHDRAWN("withdrawn");

  private static final Map<CaseState, Set<CaseState>> NEXT = Map.of(
      DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN),
      SUBMITTED, EnumSet.of(SCHEDULED, WITHDRAWN),
      SCHEDULED, EnumSet.of(DISCUSSED, WITHDRAWN),
      DISCUSSED, EnumSet.of(PUBLISHED),
      PUBLISHED, EnumSet.noneOf(CaseState.class),
      WITHDRAWN, EnumSet.noneOf(CaseState.class));

  private final String code;

  CaseState(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  public boolean canMoveTo(CaseState next) {
    return NEXT.get(this).contains(next);
  }

  /** The owner may still rewrite the sheet until a meeting has taken it up. */
  boolean editable() {
    return this == DRAFT || this == SUBMITTED;
  }

  static Optional<CaseState> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }

  static List<String> codes() {
    return Arrays.stream(values()).map(CaseState::code).toList();
  }
}
