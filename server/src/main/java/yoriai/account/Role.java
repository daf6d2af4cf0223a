package yoriai.account;

import com.fasterxml.jackson.annotation.JsonValue;

/** The roles of PRODUCT §2. */
public enum Role {
  ADMIN("admin"),
  MUNICIPALITY("municipality"),
  PROFESSIONAL("professional"),
  COMPANY("company");

  private final String code;

  Role(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
