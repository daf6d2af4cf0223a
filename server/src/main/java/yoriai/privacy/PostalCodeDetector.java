package yoriai.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Postal codes: seven digits (3-4 or one block, any separator, width or kanji digits) after a
 * postal mark 〒 〶 〠 or the label 郵便番号; and a bare 3-4 code only when a prefecture or
 * municipality follows, since 123-4567 alone is as likely a local phone number or a reference.
 * The finding starts at the mark or label, so the reader sees what was recognised.
 */
final class PostalCodeDetector implements KindDetector {

  private static final String MARKS = "〒〶〠";
  private static final String LABEL = "郵便番号";
  private static final String FILLERS = " :=・はが";
  private static final int MAX_FILLER = 3;
  private static final String SEPARATORS = " -・の";
  private static final int MAX_SEPARATOR = 3;
  private static final Pattern BEFORE_PLACE =
      Pattern.compile("(?<![0-9-])([0-9]{3}-[0-9]{4})(?![0-9-])\\s{0,3}+[^\\s0-9]{0,8}?[都道府県市区町村郡]");

  @Override
  public List<Span> find(String folded) {
    String numbers = NumberView.of(folded);
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < numbers.length(); i++) {
      boolean mark = MARKS.indexOf(numbers.charAt(i)) >= 0;
      boolean label = !mark && numbers.startsWith(LABEL, i);
      if (mark || label) {
        int end = codeEnd(numbers, i + (mark ? 1 : LABEL.length()));
        if (end > 0) {
          spans.add(new Span(i, end, PiiKind.POSTAL_CODE));
        }
      }
    }
    BEFORE_PLACE.matcher(numbers).results()
        .forEach(m -> spans.add(new Span(m.start(1), m.end(1), PiiKind.POSTAL_CODE)));
    return spans;
  }

  /** The end of a seven-digit code starting after at most a few fillers from {@code from}, or -1. */
  private static int codeEnd(String numbers, int from) {
    int at = skip(numbers, from, FILLERS, MAX_FILLER);
    int first = digitsEnd(numbers, at);
    if (first - at == 7) {
      return first;
    }
    if (first - at != 3) {
      return -1;
    }
    int second = skip(numbers, first, SEPARATORS, MAX_SEPARATOR);
    int end = digitsEnd(numbers, second);
    return second > first && end - second == 4 ? end : -1;
  }

  private static int skip(String text, int from, String chars, int max) {
    int at = from;
    while (at < text.length() && at - from < max && chars.indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    return at;
  }

  /** The end of the digits starting at {@code from}, looking no further than eight digits. */
  private static int digitsEnd(String text, int from) {
    int at = from;
    while (at < text.length() && at - from <= 7 && NumberView.isDigit(text.charAt(at))) {
      at++;
    }
    return at;
  }
}
