package yoriai.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every whitespace-separated term of the query must occur in the name, provider, description or
 * howToUse. NFKC folds full-width and half-width forms (ＡＢＣ, ｶﾅ) onto one spelling. A term
 * in the name weighs most, so names rank first.
 */
final class SubstringSearch implements CatalogSearch {
  private static final double NAME = 4;
  private static final double PROVIDER = 2;
  private static final double TEXT = 1;

  @Override
  public double score(String query, Service service) {
    List<String> terms = Arrays.stream(normalize(query).split("\\s+")).filter(t -> !t.isEmpty()).toList();
    if (terms.isEmpty()) {
      return 0;
    }
    String name = normalize(service.name());
    String provider = normalize(service.provider());
    String description = normalize(service.description());
    String howToUse = normalize(service.howToUse());
    double score = 0;
    for (String term : terms) {
      double best = name.contains(term) ? NAME
          : provider.contains(term) ? PROVIDER
          : description.contains(term) || howToUse.contains(term) ? TEXT
          : 0;
      if (best == 0) {
        return 0;
      }
      score += best;
    }
    return score;
  }

  static String normalize(String text) {
    return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }
}
