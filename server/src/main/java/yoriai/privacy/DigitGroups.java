package yoriai.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the {@link NumberView} into runs of digit groups: 090-1234-5678, 027(345)6789,
 * 1234 5678 9012, 〇二七の三四五の六七八九 are each one run of three or four groups. Groups are
 * joined by up to three separator characters; anything else ends the run. One pass, linear.
 */
final class DigitGroups {

  /** One group of consecutive digits, {@code [start, end)} in the text. */
  record Group(int start, int end) {
    int digits() {
      return end - start;
    }
  }

  /** Consecutive groups; {@code plus} when the run is written with a leading + (an international number). */
  record Run(List<Group> groups, boolean plus) {}

  private static final String SEPARATORS = "-./ ()・･の";
  private static final int MAX_SEPARATOR = 3;

  private DigitGroups() {}

  static List<Run> in(String numbers) {
    List<Run> runs = new ArrayList<>();
    int i = 0;
    while (i < numbers.length()) {
      if (!NumberView.isDigit(numbers.charAt(i))) {
        i++;
        continue;
      }
      boolean plus = i > 0 && numbers.charAt(i - 1) == '+';
      List<Group> groups = new ArrayList<>();
      while (true) {
        int end = i;
        while (end < numbers.length() && NumberView.isDigit(numbers.charAt(end))) {
          end++;
        }
        groups.add(new Group(i, end));
        int next = end;
        while (next < numbers.length() && next - end < MAX_SEPARATOR && SEPARATORS.indexOf(numbers.charAt(next)) >= 0) {
          next++;
        }
        i = end;
        if (next == end || next >= numbers.length() || !NumberView.isDigit(numbers.charAt(next))) {
          break;
        }
        i = next;
      }
      runs.add(new Run(groups, plus));
    }
    return runs;
  }
}
