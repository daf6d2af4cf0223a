package yoriai.privacy;

/**
 * The width-folded text with kanji digits read as ASCII digits (〇九〇 → 090), for the detectors of
 * numbers only: a phone number or a My Number dictated in kanji is still that number, while words
 * such as 一緒 must keep their kanji for the name and address detectors. Same length as the text.
 * A run of two or more 〇 alone stays as it is: it is the anonymization placeholder (090-〇〇〇〇-〇〇〇〇).
 * Kanji digits right next to ASCII digits stay too (〒370-0001八島町).
 */
final class NumberView {

  private static final String KANJI_DIGITS = "〇一二三四五六七八九";

  private NumberView() {}

  static String of(String folded) {
    char[] view = folded.toCharArray();
    int i = 0;
    while (i < view.length) {
      if (KANJI_DIGITS.indexOf(view[i]) < 0) {
        i++;
        continue;
      }
      int end = i;
      boolean onlyZeros = true;
      while (end < view.length && KANJI_DIGITS.indexOf(view[end]) >= 0) {
        onlyZeros &= view[end] == '〇';
        end++;
      }
      boolean placeholder = onlyZeros && end - i >= 2;
      // 〒370-0001八島町: a number is written in one script, so kanji touching ASCII digits are a word
      boolean touchesAsciiDigits = (i > 0 && isDigit(view[i - 1])) || (end < view.length && isDigit(view[end]));
      if (!placeholder && !touchesAsciiDigits) {
        for (int k = i; k < end; k++) {
          view[k] = (char) ('0' + KANJI_DIGITS.indexOf(view[k]));
        }
      }
      i = end;
    }
    for (int k = 1; k + 1 < view.length; k++) {
      if (isLongVowelOrDash(view[k]) && isDigit(view[k - 1]) && isDigit(view[k + 1])) {
        view[k] = '-';
      }
    }
    return new String(view);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLongVowelOrDash(char c) {
    return c == 'ー' || c == 'ｰ';
  }
}
