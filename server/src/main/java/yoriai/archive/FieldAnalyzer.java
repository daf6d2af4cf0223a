package yoriai.archive;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * Picks the analyzer by field suffix: {@code _bi} is the bigram field, everything else words; a
 * field ending in {@value #PAIRS} holds the {@link AdjacentPairsFilter pairs} of the field it is named after.
 */
final class FieldAnalyzer extends DelegatingAnalyzerWrapper {
  static final String WORDS = "_ja";
  static final String BIGRAMS = "_bi";
  static final String PAIRS = "_pairs";

  private final Analyzer words;
  private final Analyzer bigrams;
  private final Analyzer wordPairs;
  private final Analyzer bigramPairs;

  FieldAnalyzer(Analyzer words, Analyzer bigrams) {
    super(PER_FIELD_REUSE_STRATEGY);
    this.words = words;
    this.bigrams = bigrams;
    this.wordPairs = new Pairs(words);
    this.bigramPairs = new Pairs(bigrams);
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    if (fieldName.endsWith(PAIRS)) {
      return fieldName.endsWith(BIGRAMS + PAIRS) ? bigramPairs : wordPairs;
    }
    return fieldName.endsWith(BIGRAMS) ? bigrams : words;
  }

  /** The tokens of another analyzer, paired. */
  private static final class Pairs extends AnalyzerWrapper {
    private final Analyzer tokens;

    Pairs(Analyzer tokens) {
      super(PER_FIELD_REUSE_STRATEGY);
      this.tokens = tokens;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      return tokens;
    }

    @Override
    protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
      return new TokenStreamComponents(components.getSource(), new AdjacentPairsFilter(components.getTokenStream()));
    }
  }
}
