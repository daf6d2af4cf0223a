package yoriai.http.pages;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Small text helpers the views share. */
public final class Texts {
  /** Enough for a search result's snippet line and a link preview's description. */
  static final int DESCRIPTION_LENGTH = 120;

  private Texts() {}

  /** The text cut at {@code max} characters (code points) with an ellipsis; null reads as empty. */
  static String shorten(String text, int max) {
    if (text == null) {
      return "";
    }
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.codePointCount(0, flat.length()) <= max ? flat
        : flat.substring(0, flat.offsetByCodePoints(0, max - 1)) + "…";
  }

  /** The text, or null when it is blank. */
  static String present(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** The present values joined with 「・」. */
  public static String joined(String... values) {
    return Stream.of(values).filter(Objects::nonNull).filter(v -> !v.isBlank()).collect(Collectors.joining("・"));
  }
}
