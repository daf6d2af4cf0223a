package yoriai.archive;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The character field: the same normalization plus kana folding, then overlapping bigrams. It
 * matches wherever Kuromoji's segmentation differs between the text and the query (へるぱー,
 * unknown words, compounds), and is queried as a phrase so bigrams must stand together.
 */
final class BigramAnalyzer extends Analyzer {

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return Okurigana.wrap(new JapaneseNormalizingCharFilter(reader, true));
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(tokenizer);
    stream = new CJKBigramFilter(stream);
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return 100;
  }
}
