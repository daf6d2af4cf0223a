package yoriai.archive;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The word field: NFKC and okurigana mapping, Kuromoji in search mode, base forms, stop tags and
 * stop words, katakana long-vowel stemming, token-level kana folding, lower case and closed gaps. The query
 * side adds the care vocabulary as a synonym graph; the index side has none, so changing the
 * synonym list needs no reindex.
 */
final class JapaneseSearchAnalyzer extends Analyzer {
  private final SynonymMap synonyms;

  private JapaneseSearchAnalyzer(SynonymMap synonyms) {
    this.synonyms = synonyms;
  }

  static JapaneseSearchAnalyzer forIndex() {
    return new JapaneseSearchAnalyzer(null);
  }

  static JapaneseSearchAnalyzer forQuery(SynonymMap synonyms) {
    return new JapaneseSearchAnalyzer(synonyms);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return Okurigana.wrap(new JapaneseNormalizingCharFilter(reader, false));
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    JapaneseTokenizer tokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.SEARCH);
    TokenStream stream = new JapaneseBaseFormFilter(tokenizer);
    stream = new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
    stream = new StopFilter(stream, JapaneseAnalyzer.getDefaultStopSet());
    stream = new JapaneseKatakanaStemFilter(stream);
    stream = new KanaFoldFilter(stream);
    stream = new LowerCaseFilter(stream);
    stream = new CloseGapsFilter(stream);
    if (synonyms != null) {
      stream = new SynonymGraphFilter(stream, synonyms, true);
    }
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return 100;
  }
}
