package yoriai.catalog;

import java.util.Optional;
import java.util.regex.Pattern;
import yoriai.shared.Prefectures;
import yoriai.shared.Validator;

/**
 * A catalog listing request; every part is optional. {@code prefecture} is a name (群馬県) or a
 * JIS code ({@code "10"}); {@code municipality} is a JIS X 0402 code; {@code page} counts from 1.
 */
public record CatalogQuery(String q, String category, String prefecture, String municipality, Integer page, Integer size) {
  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;
  /** Keeps {@code (page - 1) * size} an int; nobody pages this deep by hand. */
  public static final int MAX_PAGE = 100_000;
  private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{5,6}");

  Criteria criteria() {
    Optional<String> prefectureCode = prefecture == null ? Optional.empty()
        : Prefectures.codeOf(prefecture).or(() -> Prefectures.nameOf(prefecture).map(name -> prefecture));
    new Validator()
        .text("q", q, 0, 200)
        .oneOf("category", category, Categories.NAMES)
        .check(prefecture == null || prefectureCode.isPresent(), "prefecture", "a prefecture name or a JIS code from 01 to 47")
        .matches("municipality", municipality, MUNICIPALITY_CODE, "a JIS X 0402 code of 5 or 6 digits")
        .check(municipality == null || municipality.length() < 2
                || Prefectures.nameOf(municipality.substring(0, 2)).isPresent(),
            "municipality", "a code that starts with a prefecture code")
        .check(municipality == null || prefectureCode.isEmpty() || municipality.startsWith(prefectureCode.get()),
            "municipality", "a municipality of the given prefecture")
        .check(page == null || (page >= 1 && page <= MAX_PAGE), "page", "from 1 to " + MAX_PAGE)
        .check(size == null || (size >= 1 && size <= MAX_SIZE), "size", "from 1 to " + MAX_SIZE)
        .orThrow();
    if (municipality != null) {
      // The municipality lies in the prefecture, so it is the narrower filter of the two.
      return new Criteria(blankToNull(q), category, null, municipality.substring(0, 5));
    }
    return new Criteria(blankToNull(q), category, prefectureCode.orElse(null), null);
  }

  int pageOrDefault() {
    return page == null ? 1 : page;
  }

  int sizeOrDefault() {
    return size == null ? DEFAULT_SIZE : size;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** The validated filters: codes resolved, the municipality reduced to its five-digit key. */
  record Criteria(String q, String category, String prefectureCode, String municipalityKey) {}
}
