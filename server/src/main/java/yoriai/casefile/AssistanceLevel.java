package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** How much help an activity needs today. */
public enum AssistanceLevel {
  INDEPENDENT("自立"),
  SUPERVISION("見守り"),
  PARTIAL_ASSISTANCE("一部介助"),
  FULL_ASSISTANCE("全介助");

  private final String code;

  AssistanceLevel(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
