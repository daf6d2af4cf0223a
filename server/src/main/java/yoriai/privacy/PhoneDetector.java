package yoriai.privacy;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Japanese phone numbers: a leading 0 and 10 or 11 digits in all, with or without hyphens,
 * spaces or parentheses around the area code (03-1234-5678, 0276(22)1234, 09012345678).
 */
final class PhoneDetector implements KindDetector {

  private static final Pattern PHONE = Pattern.compile(
      "(?<![0-9-])\\(?0[0-9]{1,4}\\)?[-( ]?[0-9]{1,4}\\)?[- ]?[0-9]{3,4}(?![0-9]|-[0-9])");

  @Override
  public List<Span> find(String folded) {
    return PHONE.matcher(folded).results()
        .filter(m -> isPhone(folded, m))
        .map(m -> new Span(m.start(), m.end(), PiiKind.PHONE))
        .toList();
  }

  private static boolean isPhone(String folded, MatchResult m) {
    String digits = m.group().replaceAll("[^0-9]", "");
    if (digits.length() != 10 && digits.length() != 11) {
      return false;
    }
    boolean bareTenDigits = digits.length() == 10 && digits.length() == m.group().length();
    return !(bareTenDigits && CareInsuranceContext.precedes(folded, m.start()));
  }
}
