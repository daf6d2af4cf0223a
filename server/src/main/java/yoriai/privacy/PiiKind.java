package yoriai.privacy;

import java.util.Locale;

public enum PiiKind {
  PERSON_NAME, PHONE, POSTAL_CODE, ADDRESS, BIRTH_DATE, EXACT_AGE, CARE_INSURANCE_NUMBER, MY_NUMBER, EMAIL;

  /** The lower_snake_case name used on the wire, e.g. {@code "postal_code"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
