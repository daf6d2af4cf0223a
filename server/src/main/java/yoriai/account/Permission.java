package yoriai.account;

import java.util.EnumSet;
import java.util.Set;

/**
 * The one table of who may do what (PRODUCT §2). Routes and socket commands name a permission;
 * only this class knows which roles hold it.
 */
public enum Permission {
  MANAGE_ACCOUNTS(EnumSet.of(Role.ADMIN)),
  CREATE_CASES(EnumSet.of(Role.MUNICIPALITY, Role.ADMIN)),
  READ_ALL_CASES(EnumSet.of(Role.ADMIN)),
  HOST_MEETINGS(EnumSet.of(Role.MUNICIPALITY, Role.ADMIN)),
  /** Act as host in any meeting, and join invite meetings without the code. */
  MODERATE_ANY_MEETING(EnumSet.of(Role.ADMIN)),
  /** Register market services and edit or delete those of one's own organization. */
  REGISTER_SERVICES(EnumSet.of(Role.ADMIN, Role.MUNICIPALITY, Role.COMPANY)),
  /** Edit or delete any organization's market services. */
  MANAGE_ANY_SERVICE(EnumSet.of(Role.ADMIN)),
  /** Redact a text of any published entry and read every entry's redaction audit (a host may for its own). */
  REDACT_ANY_ARCHIVE_ENTRY(EnumSet.of(Role.ADMIN)),
  SIGNED_IN(EnumSet.allOf(Role.class));

  private final Set<Role> roles;

  Permission(Set<Role> roles) {
    this.roles = roles;
  }

  public boolean grantedTo(Role role) {
    return roles.contains(role);
  }
}
