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
    Instant createdAt) {

  public boolean may(Permission permission) {
    return permission.grantedTo(role);
  }
}
