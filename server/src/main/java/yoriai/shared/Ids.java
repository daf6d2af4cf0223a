package yoriai.shared;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Identifiers and secrets. Entity ids are random UUIDs so they reveal no count or order. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String newId() {
    return UUID.randomUUID().toString();
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
