package yoriai.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Postal codes: anything after 〒 or 郵便番号, and a bare 3-4 code only when a prefecture or
 * municipality follows, since 123-4567 alone is as likely a local phone number or a reference.
 */
final class PostalCodeDetector implements KindDetector {

  private static final Pattern AFTER_MARK = Pattern.compile("〒\\s*[0-9]{3}-?[0-9]{4}(?![0-9])");
  private static final Pattern AFTER_LABEL =
      Pattern.compile("郵便番号\\s*(?:は|:)?\\s*([0-9]{3}-?[0-9]{4})(?![0-9])");
  private static final Pattern BEFORE_PLACE =
      Pattern.compile("(?<![0-9-])([0-9]{3}-[0-9]{4})(?![0-9-])\\s*[^\\s0-9]{0,8}?[都道府県市区町村郡]");

  @Override
  public List<Span> find(String folded) {
    List<Span> spans = new ArrayList<>();
    AFTER_MARK.matcher(folded).results()
        .forEach(m -> spans.add(new Span(m.start(), m.end(), PiiKind.POSTAL_CODE)));
    AFTER_LABEL.matcher(folded).results()
        .forEach(m -> spans.add(new Span(m.start(1), m.end(1), PiiKind.POSTAL_CODE)));
    BEFORE_PLACE.matcher(folded).results()
        .forEach(m -> spans.add(new Span(m.start(1), m.end(1), PiiKind.POSTAL_CODE)));
    return spans;
  }
}
