package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonProperty;
import yoriai.shared.Coded;

/** How much help an activity needs today. */
public enum AssistanceLevel implements Coded {
  @JsonProperty("自立") INDEPENDENT,
  @JsonProperty("見守り") SUPERVISION,
  @JsonProperty("一部介助") PARTIAL_ASSISTANCE,
  @JsonProperty("全介助") FULL_ASSISTANCE;
}
