package yoriai.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Phone numbers, care-insurance numbers (被保険者番号, 10 digits) and My Numbers (12 digits), in
 * any grouping, separator, width or kanji digits. A window of consecutive digit groups is:
 * <ul>
 *   <li>a care-insurance number when it has 10 digits and 被保険者/保険証/介護保険 comes shortly before,
 *   <li>a My Number when it has 12 digits and マイナンバー/個人番号 comes shortly before, or it is
 *       written as one block of 12 or as 4-4-4,
 *   <li>a phone number when it starts with 0 and has 10 or 11 digits, or starts with +81 and has 9
 *       or 10 more (a leading 0 after +81 is allowed),
 *   <li>a care-insurance number when it is one block of 10 digits not starting with 0.
 * </ul>
 * A window never spans more than 12 digits, so the work is linear in the length of the text.
 */
final class NumberDetector implements KindDetector {

  private static final int CONTEXT = 20;
  private static final List<String> CARE_INSURANCE_CUES = List.of("被保険者", "保険証", "介護保険");
  private static final List<String> MY_NUMBER_CUES = List.of("マイナンバー", "個人番号", "通知カード");
  private static final int MAX_DIGITS = 12;

  @Override
  public List<Span> find(String folded) {
    String numbers = NumberView.of(folded);
    List<Span> spans = new ArrayList<>();
    for (DigitGroups.Run run : DigitGroups.in(numbers)) {
      List<DigitGroups.Group> groups = run.groups();
      int i = 0;
      while (i < groups.size()) {
        int matchedUpTo = match(folded, numbers, run, i, spans);
        i = matchedUpTo < 0 ? i + 1 : matchedUpTo + 1;
      }
    }
    return spans;
  }

  /** Adds the finding that starts at group {@code first}, if any; returns its last group or -1. */
  private static int match(String folded, String numbers, DigitGroups.Run run, int first, List<Span> spans) {
    List<DigitGroups.Group> groups = run.groups();
    int start = groups.get(first).start();
    Cues cues = new Cues(folded, start);
    boolean international = first == 0 && run.plus() && numbers.startsWith("81", start);
    int phoneEnd = -1;
    StringBuilder window = new StringBuilder();
    for (int last = first; last < groups.size() && window.length() < MAX_DIGITS; last++) {
      window.append(numbers, groups.get(last).start(), groups.get(last).end());
      int digits = window.length();
      int end = groups.get(last).end();
      int count = last - first + 1;
      if (digits == 10 && cues.careInsurance()) {
        return add(spans, start, end, PiiKind.CARE_INSURANCE_NUMBER, last);
      }
      if (digits == 12 && (count == 1 || cues.myNumber() || fourFourFour(groups, first, last))) {
        return add(spans, start, end, PiiKind.MY_NUMBER, last);
      }
      if (international && isInternationalPhone(window)) {
        phoneEnd = last;
      }
      if (!international && numbers.charAt(start) == '0' && (digits == 10 || digits == 11)) {
        phoneEnd = last;
      }
      if (count == 1 && digits == 10 && numbers.charAt(start) != '0') {
        return add(spans, start, end, PiiKind.CARE_INSURANCE_NUMBER, last);
      }
    }
    if (phoneEnd >= 0) {
      boolean areaCodeInParentheses = start > 0 && numbers.charAt(start - 1) == '(';
      int phoneStart = international || areaCodeInParentheses ? start - 1 : start;
      return add(spans, phoneStart, groups.get(phoneEnd).end(), PiiKind.PHONE, phoneEnd);
    }
    return -1;
  }

  private static boolean isInternationalPhone(CharSequence digits) {
    int national = digits.length() - 2;
    if (national > 0 && digits.charAt(2) == '0') {
      national--;
    }
    return national == 9 || national == 10;
  }

  private static boolean fourFourFour(List<DigitGroups.Group> groups, int first, int last) {
    return last - first == 2 && groups.subList(first, last + 1).stream().allMatch(g -> g.digits() == 4);
  }

  private static int add(List<Span> spans, int start, int end, PiiKind kind, int last) {
    spans.add(new Span(start, end, kind));
    return last;
  }

  /** The words shortly before a number that say what it is; read only for a number long enough to need them. */
  private static final class Cues {
    private final String folded;
    private final int start;

    Cues(String folded, int start) {
      this.folded = folded;
      this.start = start;
    }

    boolean careInsurance() {
      return before(CARE_INSURANCE_CUES);
    }

    boolean myNumber() {
      return before(MY_NUMBER_CUES);
    }

    private boolean before(List<String> cues) {
      String before = folded.substring(Math.max(0, start - CONTEXT), start);
      return cues.stream().anyMatch(before::contains);
    }
  }
}
