package yoriai.archive;

import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * NFKC (full-width Latin and digits to half width, half-width katakana to full width, ｶﾞ to ガ),
 * optionally followed by folding katakana to hiragana and dropping the long vowel mark, so that
 * ゴミ, ごみ, ｺﾞﾐ and ヘルパー, へるぱ all read the same. Offsets are corrected so highlights land
 * on the original characters.
 */
final class JapaneseNormalizingCharFilter extends BaseCharFilter {
  private static final char LONG_VOWEL = 'ー';

  private final boolean foldKana;
  private String normalized;
  private int position;

  JapaneseNormalizingCharFilter(Reader in, boolean foldKana) {
    super(in);
    this.foldKana = foldKana;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (normalized == null) {
      normalized = normalize(readAll());
    }
    if (position >= normalized.length()) {
      return -1;
    }
    int n = Math.min(length, normalized.length() - position);
    normalized.getChars(position, position + n, buffer, offset);
    position += n;
    return n;
  }

  private String readAll() throws IOException {
    StringBuilder text = new StringBuilder();
    char[] chunk = new char[1024];
    for (int n = input.read(chunk); n != -1; n = input.read(chunk)) {
      text.append(chunk, 0, n);
    }
    return text.toString();
  }

  /** Works one base character plus its combining marks at a time, so offsets stay exact. */
  private String normalize(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      int end = i + Character.charCount(source.codePointAt(i));
      while (end < source.length() && isCombining(source.codePointAt(end))) {
        end += Character.charCount(source.codePointAt(end));
      }
      String segment = source.substring(i, end);
      String replaced = Normalizer.normalize(segment, Normalizer.Form.NFKC);
      if (foldKana) {
        replaced = foldKana(replaced);
      }
      int start = out.length();
      out.append(replaced);
      if (replaced.length() != segment.length()) {
        int shortest = Math.min(replaced.length(), segment.length());
        for (int k = shortest; k <= replaced.length(); k++) {
          addOffCorrectMap(start + k, end - (start + k));
        }
      }
      i = end;
    }
    return out.toString();
  }

  static String foldKana(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == LONG_VOWEL) {
        continue;
      }
      folded.append(c >= 'ァ' && c <= 'ヶ' ? (char) (c - 0x60) : c);
    }
    return folded.toString();
  }

  private static boolean isCombining(int codePoint) {
    return switch (codePoint) {
      case 0x3099, 0x309A, 0xFF9E, 0xFF9F -> true;
      default -> Character.getType(codePoint) == Character.NON_SPACING_MARK
          || Character.getType(codePoint) == Character.ENCLOSING_MARK;
    };
  }
}
