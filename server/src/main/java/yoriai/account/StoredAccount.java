package yoriai.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An account as kept in MongoDB, with its password hash. */
record StoredAccount(
    @JsonProperty("_id") String id,
    String email,
    String passwordHash,
    String displayName,
    Role role,
    Organization organization,
    String profession,
    Instant createdAt,
    Boolean showCompanyName,
    Instant disabledAt) {

  Account account() {
    return new Account(id, email, displayName, role, organization.identified(), profession, createdAt);
  }
}
