package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonProperty;
import yoriai.shared.Coded;

/** The certified level of need under long-term care insurance. */
public enum CareLevel implements Coded {
  @JsonProperty("事業対象者") PREVENTION_PROGRAM,
  @JsonProperty("要支援1") SUPPORT_1,
  @JsonProperty("要支援2") SUPPORT_2,
  @JsonProperty("要介護1") CARE_1,
  @JsonProperty("要介護2") CARE_2,
  @JsonProperty("要介護3") CARE_3,
  @JsonProperty("要介護4") CARE_4,
  @JsonProperty("要介護5") CARE_5;
}
