package yoriai.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import yoriai.shared.Nullable;

/**
 * An account as kept in MongoDB, with its password hash ({@code null} while an account an admin
 * made waits for its owner to set one). Accounts stored before states existed have no {@code state}
 * and read as active, or disabled when {@code disabledAt} is set. {@code signedUp} is true for an
 * account that registered itself ({@code POST /signup}); one an admin made, the first admin, and
 * every account stored before the field have none.
 */
record StoredAccount(
    @JsonProperty("_id") String id,
    String email,
    @Nullable String passwordHash,
    String displayName,
    Role role,
    Organization organization,
    String profession,
    Instant createdAt,
    Boolean showCompanyName,
    Instant disabledAt,
    @Nullable AccountState state,
    @Nullable Boolean signedUp) {

  AccountState currentState() {
    if (state != null) {
      return state;
    }
    return disabledAt == null ? AccountState.ACTIVE : AccountState.DISABLED;
  }

  Account account() {
    return new Account(id, email, displayName, role, organization.identified(), profession, createdAt, currentState());
  }
}
