package yoriai.privacy;

import java.util.List;
import java.util.regex.Pattern;

final class EmailDetector implements KindDetector {

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  @Override
  public List<Span> find(String folded) {
    return EMAIL.matcher(folded).results()
        .map(m -> new Span(m.start(), m.end(), PiiKind.EMAIL))
        .toList();
  }
}
