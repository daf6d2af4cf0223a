package yoriai.testing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A word no other test run writes, in letters only: a text that can become public goes through
 * the personal-data check, and digits there can read as a phone or My Number ("秘密トークン" +
 * a twelve-digit {@code System.nanoTime()} was refused as {@code my_number} on a machine that had
 * just booted), so a test posting it would fail on a clock value, not on what it tests.
 */
public final class UniqueWord {
  private static final AtomicLong LAST = new AtomicLong();

  private UniqueWord() {}

  /** {@code prefix} followed by a unique run of the letters a to j. */
  public static String after(String prefix) {
    long unique = LAST.updateAndGet(last -> Math.max(last + 1, System.nanoTime()));
    return prefix + lettersFor(Long.toString(unique));
  }

  /** {@code text} with each digit replaced by a letter (0 → a … 9 → j). */
  public static String lettersFor(String text) {
    StringBuilder letters = new StringBuilder(text.length());
    text.chars().forEach(c -> letters.append(Character.isDigit(c) ? (char) ('a' + c - '0') : (char) c));
    return letters.toString();
  }
}
