package yoriai.archive;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * Adds the score of a query's boosts to the {@value #WINDOW} entries that match it best, and puts
 * them in order again (score, then newest, then id, as every ranked search). Entries past the
 * window keep their order by matching alone. Scoring the boosts of every entry found (every field,
 * every synonym, words side by side) was most of a search's time when a common word finds a fifth
 * of a large archive; an entry that matches outside the best {@value #WINDOW} rarely has the
 * boosts to reach the first page (decision 118). The window is the same for every page, so pages
 * never repeat or skip an entry.
 */
final class Rescoring {
  static final int WINDOW = 200;

  private static final Comparator<FieldDoc> RANK = Comparator
      .comparingDouble((FieldDoc doc) -> -doc.score)
      .thenComparing(doc -> -(Long) doc.fields[1])
      .thenComparing(doc -> (BytesRef) doc.fields[2]);

  private Rescoring() {}

  /** How many entries a page ending at {@code end} needs from the search by matching alone. */
  static int candidates(int end) {
    return Math.max(end, WINDOW);
  }

  /**
   * {@code byMatching} (field docs of the relevance sort: score, published, id) with the first
   * {@value #WINDOW} scored again with {@code boosts} added and sorted again. Each score is read
   * from the sort fields, so the search need not compute scores a second time to keep them.
   * Positions (words side by side, phrases) are checked at the window's entries only: advancing
   * the scorer itself checked them at every entry past a target until one matched (decision 144).
   */
  static ScoreDoc[] rescore(IndexSearcher searcher, ScoreDoc[] byMatching, Query boosts) throws IOException {
    FieldDoc[] ranked = new FieldDoc[byMatching.length];
    for (int i = 0; i < ranked.length; i++) {
      FieldDoc doc = (FieldDoc) byMatching[i];
      ranked[i] = new FieldDoc(doc.doc, (Float) doc.fields[0], doc.fields, doc.shardIndex);
    }
    int n = Math.min(WINDOW, ranked.length);
    if (n == 0 || boosts instanceof BooleanQuery none && none.clauses().isEmpty()) {
      return ranked;
    }
    FieldDoc[] head = Arrays.copyOf(ranked, n);
    Arrays.sort(head, Comparator.comparingInt(doc -> doc.doc));
    Weight weight = searcher.createWeight(searcher.rewrite(boosts), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = null;
    Scorer scorer = null;
    TwoPhaseIterator positions = null;
    DocIdSetIterator candidates = null;
    for (int i = 0; i < n; i++) {
      FieldDoc doc = head[i];
      LeafReaderContext at = leaves.get(ReaderUtil.subIndex(doc.doc, leaves));
      if (at != leaf) {
        leaf = at;
        scorer = weight.scorer(leaf);
        positions = scorer == null ? null : scorer.twoPhaseIterator();
        candidates = scorer == null ? null : positions == null ? scorer.iterator() : positions.approximation();
      }
      float added = 0f;
      if (scorer != null) {
        int target = doc.doc - leaf.docBase;
        int found = candidates.docID() < target ? candidates.advance(target) : candidates.docID();
        if (found == target && (positions == null || positions.matches())) {
          added = scorer.score();
        }
        if (found == DocIdSetIterator.NO_MORE_DOCS) {
          scorer = null;
        }
      }
      Object[] fields = doc.fields.clone();
      fields[0] = doc.score + added;
      head[i] = new FieldDoc(doc.doc, doc.score + added, fields, doc.shardIndex);
    }
    Arrays.sort(head, RANK);
    System.arraycopy(head, 0, ranked, 0, n);
    return ranked;
  }
}
