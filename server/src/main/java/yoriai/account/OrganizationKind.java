package yoriai.account;

import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of body an account acts for. */
public enum OrganizationKind {
  MUNICIPALITY("municipality"),
  SUPPORT_CENTER("support_center"),
  CARE_PROVIDER("care_provider"),
  COMPANY("company"),
  NPO("npo");

  private final String code;

  OrganizationKind(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
