package yoriai.archive;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * Exact phrases turned into lookups of the {@link AdjacentPairsFilter pairs} indexed beside their
 * field: two tokens become one term, n tokens a phrase of n - 1 pairs. They find the same entries
 * while reading fewer postings and positions (decision 119), and are weighed as the phrase was:
 * by the rarity of its words, not of the pair. Phrases with a slop or a gap stay as they are, and
 * a field indexed without pairs is searched by the phrase.
 */
final class PairedPhrases {
  private PairedPhrases() {}

  static Query of(Query query) {
    if (query instanceof BooleanQuery bool) {
      BooleanQuery.Builder paired = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      for (BooleanClause clause : bool.clauses()) {
        paired.add(of(clause.getQuery()), clause.getOccur());
      }
      return paired.build();
    }
    if (query instanceof BoostQuery boost) {
      return new BoostQuery(of(boost.getQuery()), boost.getBoost());
    }
    if (query instanceof PhraseQuery phrase && phrase.getSlop() == 0 && consecutive(phrase.getPositions())) {
      return new Paired(phrase, pairs(phrase.getTerms()));
    }
    return query;
  }

  private static Query pairs(Term[] terms) {
    String field = terms[0].field() + FieldAnalyzer.PAIRS;
    if (terms.length == 2) {
      return new TermQuery(pair(field, terms[0], terms[1]));
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    for (int i = 1; i < terms.length; i++) {
      phrase.add(pair(field, terms[i - 1], terms[i]), i - 1);
    }
    return phrase.build();
  }

  private static Term pair(String field, Term first, Term second) {
    return new Term(field, AdjacentPairsFilter.pair(first.text(), second.text()));
  }

  private static boolean consecutive(int[] positions) {
    if (positions.length < 2) {
      return false;
    }
    for (int i = 1; i < positions.length; i++) {
      if (positions[i] != positions[i - 1] + 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * The pairs of a phrase's words, scored as the phrase: BM25 weighs a phrase by the sum of its
   * words' idf, a term by its own, so the pairs' score is scaled by the ratio of the two.
   */
  private static final class Paired extends Query {
    private final PhraseQuery phrase;
    private final Query pairs;

    Paired(PhraseQuery phrase, Query pairs) {
      this.phrase = phrase;
      this.pairs = pairs;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
      if (searcher.collectionStatistics(termsOf(pairs)[0].field()) == null) {
        return searcher.createWeight(phrase, scoreMode, boost);
      }
      float scale = scoreMode.needsScores() && searcher.getSimilarity() instanceof BM25Similarity bm25
          ? idf(searcher, bm25, phrase.getTerms()) / idf(searcher, bm25, termsOf(pairs)) : 1f;
      return searcher.createWeight(searcher.rewrite(pairs), scoreMode, boost * (Float.isFinite(scale) ? scale : 1f));
    }

    private static Term[] termsOf(Query pairs) {
      return pairs instanceof TermQuery term ? new Term[] {term.getTerm()} : ((PhraseQuery) pairs).getTerms();
    }

    private static float idf(IndexSearcher searcher, BM25Similarity bm25, Term[] terms) throws IOException {
      CollectionStatistics collection = searcher.collectionStatistics(terms[0].field());
      if (collection == null) {
        return Float.NaN;
      }
      TermStatistics[] statistics = new TermStatistics[terms.length];
      for (int i = 0; i < terms.length; i++) {
        TermStates states = TermStates.build(searcher, terms[i], true);
        if (states.docFreq() == 0) {
          return Float.NaN;
        }
        statistics[i] = searcher.termStatistics(terms[i], states.docFreq(), states.totalTermFreq());
      }
      return bm25.idfExplain(collection, statistics).getValue().floatValue();
    }

    @Override
    public void visit(QueryVisitor visitor) {
      pairs.visit(visitor);
    }

    @Override
    public String toString(String field) {
      return "pairs(" + pairs.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
      return sameClassAs(other) && phrase.equals(((Paired) other).phrase) && pairs.equals(((Paired) other).pairs);
    }

    @Override
    public int hashCode() {
      return Objects.hash(classHash(), phrase, pairs);
    }
  }
}
