package yoriai.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** What counts as an email address, and its one stored form, for every feature that keeps addresses. */
public final class EmailAddresses {
  /**
   * A dot-atom local part and a host name: no quotes, brackets, commas or angle brackets, so the
   * address a person typed is the one mail goes to ({@code x<victim@corp.jp>} would be delivered to
   * the victim while stored as something else).
   */
  public static final Pattern FORMAT =
      Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");
  public static final int MAX_LENGTH = 254;

  private EmailAddresses() {}

  /** Stripped and lower-cased: two spellings of one address are one address. */
  public static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
