package yoriai.account;

import java.time.Instant;

/** A signed-in identity as the rest of the system sees it; it never carries the password hash. */
public record Account(
    String id,
    String email,
    String displayName,
    Role role,
    Organization organization,
    String profession,
    Instant createdAt,
    AccountState state) {

  /** An active account, as every account was before sign-up brought states. */
  public Account(String id, String email, String displayName, Role role, Organization organization, String profession,
      Instant createdAt) {
    this(id, email, displayName, role, organization, profession, createdAt, AccountState.ACTIVE);
  }

  public boolean may(Permission permission) {
    return permission.grantedTo(role);
  }
}
