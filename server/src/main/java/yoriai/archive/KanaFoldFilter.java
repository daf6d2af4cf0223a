package yoriai.archive;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds each token's katakana to hiragana after Kuromoji has segmented the original text: folding
 * before tokenizing would make Kuromoji misread loanwords such as ヘルパー.
 */
final class KanaFoldFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  KanaFoldFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    String folded = JapaneseNormalizingCharFilter.foldKana(term.toString());
    if (!folded.isEmpty()) {
      term.setEmpty().append(folded);
    }
    return true;
  }
}
