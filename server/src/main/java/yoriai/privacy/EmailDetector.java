package yoriai.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * E-mail addresses, found from each @ (a full-width ＠ is folded to @ before) outward: the local
 * part to the left, a dotted domain with a final label of two or more letters to the right. Each
 * character is looked at from at most the two @ around it, so the work is linear.
 */
final class EmailDetector implements KindDetector {

  private static final int MIN_TOP_LEVEL = 2;

  @Override
  public List<Span> find(String folded) {
    List<Span> spans = new ArrayList<>();
    for (int at = folded.indexOf('@'); at >= 0; at = folded.indexOf('@', at + 1)) {
      int start = at;
      while (start > 0 && isLocal(folded.charAt(start - 1))) {
        start--;
      }
      while (start < at && folded.charAt(start) == '.') {
        start++;
      }
      int end = at + 1;
      while (end < folded.length() && isDomain(folded.charAt(end))) {
        end++;
      }
      while (end > at + 1 && (folded.charAt(end - 1) == '.' || folded.charAt(end - 1) == '-')) {
        end--;
      }
      if (start < at && hasTopLevel(folded, at + 1, end)) {
        spans.add(new Span(start, end, PiiKind.EMAIL));
      }
    }
    return spans;
  }

  private static boolean hasTopLevel(String folded, int domainStart, int end) {
    int dot = end - 1;
    while (dot > domainStart && folded.charAt(dot) != '.') {
      dot--;
    }
    if (dot <= domainStart || end - dot - 1 < MIN_TOP_LEVEL) {
      return false;
    }
    for (int i = dot + 1; i < end; i++) {
      if (!isAsciiLetter(folded.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLocal(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || "._%+-".indexOf(c) >= 0;
  }

  private static boolean isDomain(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
