package yoriai.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** What counts as an email address, and its one stored form, for every feature that keeps addresses. */
public final class EmailAddresses {
  public static final Pattern FORMAT = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
  public static final int MAX_LENGTH = 254;

  private EmailAddresses() {}

  /** Stripped and lower-cased: two spellings of one address are one address. */
  public static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
