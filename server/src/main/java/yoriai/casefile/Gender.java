package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** Gender of the person, optional on the sheet. */
public enum Gender {
  FEMALE("female"),
  MALE("male"),
  OTHER("other");

  private final String code;

  Gender(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
