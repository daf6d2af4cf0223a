package yoriai.privacy;

/** Character classes of Japanese script that the detectors share. */
final class JapaneseText {

  /** Kanji numerals as written in addresses and ages; 〇 is also the anonymization placeholder. */
  static final String KANJI_NUMERALS = "〇一二三四五六七八九十百千";

  private static final String PLACEHOLDERS = "〇○◯●◎×✕*□■△▲";

  private JapaneseText() {}

  /** Kanji that can be part of a word or name; the numeral 〇 is excluded, it marks a redaction. */
  static boolean isKanji(int codePoint) {
    return codePoint == '々' || codePoint == 'ヶ'
        || (codePoint != '〇' && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN);
  }

  static boolean isKatakana(int codePoint) {
    return (codePoint >= 'ァ' && codePoint <= 'ヺ') || codePoint == 'ー';
  }

  static boolean isHiragana(int codePoint) {
    return codePoint >= 'ぁ' && codePoint <= 'ゖ';
  }

  static boolean isPlaceholder(int codePoint) {
    return PLACEHOLDERS.indexOf(codePoint) >= 0;
  }

  static boolean isAsciiLetter(int codePoint) {
    return (codePoint >= 'A' && codePoint <= 'Z') || (codePoint >= 'a' && codePoint <= 'z');
  }

  /** Start of the run of code points matching {@code test} that ends at {@code end}, at most {@code maxCodePoints} long. */
  static int runStart(String text, int end, int maxCodePoints, java.util.function.IntPredicate test) {
    int start = end;
    int count = 0;
    while (start > 0 && count < maxCodePoints) {
      int codePoint = text.codePointBefore(start);
      if (!test.test(codePoint)) {
        break;
      }
      start -= Character.charCount(codePoint);
      count++;
    }
    return start;
  }
}
