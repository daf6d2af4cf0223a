package yoriai.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import yoriai.shared.Nullable;

/**
 * The body an account belongs to, e.g. 八王子市 (municipality, 東京都). Its {@code id} is what
 * ownership compares: two bodies may share a name and prefecture (docs/decisions.md 24).
 */
public record Organization(@Nullable String id, String name, OrganizationKind kind, String prefecture) {
  private static final String LEGACY = "legacy-";

  /**
   * This organization with an id. Accounts and services stored before organizations had ids read
   * as {@code legacy-} and a digest of name and prefecture, so whatever shared ownership then (same
   * name and prefecture) still does; new organizations get random ids, which never look like that.
   */
  public Organization identified() {
    return id != null ? this : new Organization(legacyId(name, prefecture), name, kind, prefecture);
  }

  /** Whether both are the same body, by id; one stored before ids were given counts by its legacy id. */
  public boolean sameAs(Organization other) {
    return identified().id().equals(other.identified().id());
  }

  Organization withId(String newId) {
    return new Organization(newId, name, kind, prefecture);
  }

  static boolean isLegacyId(String id) {
    return id.startsWith(LEGACY);
  }

  static String legacyId(String name, String prefecture) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((name + "\n" + prefecture).getBytes(StandardCharsets.UTF_8));
      return LEGACY + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
