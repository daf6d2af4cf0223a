package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonProperty;
import yoriai.shared.Coded;

/** Where a current support comes from: insurance services, family and neighbours, or the market. */
public enum SupportKind implements Coded {
  @JsonProperty("formal") FORMAL,
  @JsonProperty("informal") INFORMAL,
  @JsonProperty("market") MARKET;
}
