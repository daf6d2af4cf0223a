package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonProperty;
import yoriai.shared.Coded;

/** Age in five-year bands; an exact age would identify the person. */
public enum AgeBand implements Coded {
  @JsonProperty("65-69") AGE_65_69,
  @JsonProperty("70-74") AGE_70_74,
  @JsonProperty("75-79") AGE_75_79,
  @JsonProperty("80-84") AGE_80_84,
  @JsonProperty("85-89") AGE_85_89,
  @JsonProperty("90-94") AGE_90_94,
  @JsonProperty("95-99") AGE_95_99,
  @JsonProperty("100+") AGE_100_PLUS;
}
