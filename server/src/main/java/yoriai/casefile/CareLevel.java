package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** The certified level of need under long-term care insurance. */
public enum CareLevel {
  PREVENTION_PROGRAM("事業対象者"),
  SUPPORT_1("要支援1"),
  SUPPORT_2("要支援2"),
  CARE_1("要介護1"),
  CARE_2("要介護2"),
  CARE_3("要介護3"),
  CARE_4("要介護4"),
  CARE_5("要介護5");

  private final String code;

  CareLevel(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
