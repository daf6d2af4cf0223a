package yoriai.shared;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifiers and secrets. Entity ids are random UUIDs so they reveal no count or order. */
public final class Ids {
  /** What every id {@link #newId()} makes looks like; a request naming anything else names nothing stored. */
  public static final Pattern FORMAT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String newId() {
    return UUID.randomUUID().toString();
  }

  public static boolean isWellFormed(String id) {
    return id != null && FORMAT.matcher(id).matches();
  }

  public static String newSecret(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  public static byte[] randomBytes(int count) {
    byte[] raw = new byte[count];
    RANDOM.nextBytes(raw);
    return raw;
  }
}
