package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** Age in five-year bands; an exact age would identify the person. */
public enum AgeBand {
  AGE_65_69("65-69"),
  AGE_70_74("70-74"),
  AGE_75_79("75-79"),
  AGE_80_84("80-84"),
  AGE_85_89("85-89"),
  AGE_90_94("90-94"),
  AGE_95_99("95-99"),
  AGE_100_PLUS("100+");

  private final String code;

  AgeBand(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
