package yoriai.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Care-insurance numbers (10 digits) and My Number (12 digits, optionally grouped 4-4-4).
 * A bare 10-digit number starting with 0 is left to {@link PhoneDetector} unless it is introduced
 * as an insurance number, because toll-free and landline numbers have that shape too.
 */
final class IdNumberDetector implements KindDetector {

  private static final String NOT_INSIDE_A_LARGER_NUMBER_BEFORE = "(?<![0-9.,-])";
  private static final String NOT_INSIDE_A_LARGER_NUMBER_AFTER = "(?![0-9]|[.,-][0-9])";
  private static final Pattern TEN_DIGITS = Pattern.compile(
      NOT_INSIDE_A_LARGER_NUMBER_BEFORE + "[0-9]{10}" + NOT_INSIDE_A_LARGER_NUMBER_AFTER);
  private static final Pattern MY_NUMBER = Pattern.compile(
      NOT_INSIDE_A_LARGER_NUMBER_BEFORE + "[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}" + NOT_INSIDE_A_LARGER_NUMBER_AFTER);

  @Override
  public List<Span> find(String folded) {
    List<Span> spans = new ArrayList<>();
    TEN_DIGITS.matcher(folded).results()
        .filter(m -> m.group().charAt(0) != '0' || CareInsuranceContext.precedes(folded, m.start()))
        .forEach(m -> spans.add(new Span(m.start(), m.end(), PiiKind.CARE_INSURANCE_NUMBER)));
    MY_NUMBER.matcher(folded).results()
        .forEach(m -> spans.add(new Span(m.start(), m.end(), PiiKind.MY_NUMBER)));
    return spans;
  }
}
