package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who the person lives with. */
public enum Household {
  ALONE("独居"),
  ELDERLY_COUPLE("高齢夫婦"),
  WITH_CHILDREN("子と同居"),
  OTHER("その他");

  private final String code;

  Household(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
