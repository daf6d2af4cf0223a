package yoriai.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import yoriai.shared.Coded;

/** The roles of PRODUCT §2. */
public enum Role implements Coded {
  @JsonProperty("admin") ADMIN,
  @JsonProperty("municipality") MUNICIPALITY,
  @JsonProperty("professional") PROFESSIONAL,
  @JsonProperty("company") COMPANY;
}
