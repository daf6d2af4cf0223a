package yoriai.archive;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score, summed over the same distinct terms in the same order, from a list.
 * Lucene's own scorer fills a new hash with a 32 KiB block for every passage it weighs: a quarter
 * of all a sentence search allocated, and a young collection every few searches.
 */
final class ListedTermsScorer extends PassageScorer {
  @Override
  public float score(Passage passage, int contentLength) {
    int hits = passage.getNumMatches();
    BytesRef[] terms = new BytesRef[hits];
    int[] inPassage = new int[hits];
    int[] inEntry = new int[hits];
    int distinct = 0;
    for (int i = 0; i < hits; i++) {
      BytesRef term = passage.getMatchTerms()[i];
      int at = 0;
      while (at < distinct && !terms[at].bytesEquals(term)) {
        at++;
      }
      if (at == distinct) {
        terms[distinct] = term;
        inEntry[distinct] = passage.getMatchTermFreqsInDoc()[i];
        distinct++;
      }
      inPassage[at]++;
    }
    double score = 0d;
    for (int i = 0; i < distinct; i++) {
      score += tf(inPassage[i], passage.getLength()) * weight(contentLength, inEntry[i]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }
}
