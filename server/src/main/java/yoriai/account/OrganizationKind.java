package yoriai.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import yoriai.shared.Coded;

/** What kind of body an account acts for. */
public enum OrganizationKind implements Coded {
  @JsonProperty("municipality") MUNICIPALITY,
  @JsonProperty("support_center") SUPPORT_CENTER,
  @JsonProperty("care_provider") CARE_PROVIDER,
  @JsonProperty("company") COMPANY,
  @JsonProperty("npo") NPO;
}
