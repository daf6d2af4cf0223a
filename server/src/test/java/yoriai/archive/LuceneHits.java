package yoriai.archive;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/** The documents a query finds in a small test index, in no order. */
final class LuceneHits {
  private LuceneHits() {}

  static Set<Integer> found(IndexSearcher searcher, Query query) throws IOException {
    Set<Integer> docs = new HashSet<>();
    for (ScoreDoc doc : searcher.search(query, 1000).scoreDocs) {
      docs.add(doc.doc);
    }
    return docs;
  }
}
