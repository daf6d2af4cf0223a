package yoriai.privacy;

/**
 * A length-preserving subset of NFKC: full-width ASCII becomes ASCII, the many dash look-alikes
 * become '-', the ideographic space becomes ' '. Real NFKC can change the length of the text
 * (half-width katakana with voicing marks, ligatures), which would break the offsets we report.
 */
final class WidthFolding {

  private static final String DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63";
  private static final String LONG_VOWEL_MARKS = "\u30FC\uFF70";

  private WidthFolding() {}

  static String fold(String text) {
    char[] folded = new char[text.length()];
    for (int i = 0; i < folded.length; i++) {
      folded[i] = foldChar(text.charAt(i));
    }
    for (int i = 1; i + 1 < folded.length; i++) {
      // People typing phone numbers in a Japanese IME often get the katakana long-vowel mark
      // instead of a hyphen (090ー1234ー5678); only between digits is it a hyphen.
      if (LONG_VOWEL_MARKS.indexOf(folded[i]) >= 0 && isAsciiDigit(folded[i - 1]) && isAsciiDigit(folded[i + 1])) {
        folded[i] = '-';
      }
    }
    return new String(folded);
  }

  private static char foldChar(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E') {
      return (char) (c - 0xFEE0);
    }
    if (c == '\u3000') {
      return ' ';
    }
    if (c == '\u301C') {
      return '~';
    }
    if (DASHES.indexOf(c) >= 0) {
      return '-';
    }
    return c;
  }

  static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
