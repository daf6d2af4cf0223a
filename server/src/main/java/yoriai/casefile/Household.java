package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonProperty;
import yoriai.shared.Coded;

/** Who the person lives with. */
public enum Household implements Coded {
  @JsonProperty("独居") ALONE,
  @JsonProperty("高齢夫婦") ELDERLY_COUPLE,
  @JsonProperty("子と同居") WITH_CHILDREN,
  @JsonProperty("その他") OTHER;
}
