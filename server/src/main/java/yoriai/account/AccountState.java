package yoriai.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import yoriai.shared.Coded;

/**
 * Where an account stands. A sign-up starts {@code unconfirmed} until its owner opens the mailed
 * confirmation link, then waits {@code pending} until an admin approves ({@code active}) or rejects
 * it; an admin disables and enables an active account. Only an active account signs in.
 */
public enum AccountState implements Coded {
  @JsonProperty("unconfirmed") UNCONFIRMED,
  @JsonProperty("pending") PENDING,
  @JsonProperty("active") ACTIVE,
  @JsonProperty("rejected") REJECTED,
  @JsonProperty("disabled") DISABLED;
}
