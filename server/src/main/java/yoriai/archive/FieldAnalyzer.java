package yoriai.archive;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/** Picks the analyzer by field suffix: {@code _bi} is the bigram field, everything else words. */
final class FieldAnalyzer extends DelegatingAnalyzerWrapper {
  static final String WORDS = "_ja";
  static final String BIGRAMS = "_bi";

  private final Analyzer words;
  private final Analyzer bigrams;

  FieldAnalyzer(Analyzer words, Analyzer bigrams) {
    super(PER_FIELD_REUSE_STRATEGY);
    this.words = words;
    this.bigrams = bigrams;
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    return fieldName.endsWith(BIGRAMS) ? bigrams : words;
  }
}
