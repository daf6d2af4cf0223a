package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonProperty;
import yoriai.shared.Coded;

/** Gender of the person, optional on the sheet. */
public enum Gender implements Coded {
  @JsonProperty("female") FEMALE,
  @JsonProperty("male") MALE,
  @JsonProperty("other") OTHER;
}
