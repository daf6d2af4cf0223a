package yoriai.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a current support comes from: insurance services, family and neighbours, or the market. */
public enum SupportKind {
  FORMAL("formal"),
  INFORMAL("informal"),
  MARKET("market");

  private final String code;

  SupportKind(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
