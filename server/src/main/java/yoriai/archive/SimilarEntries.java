package yoriai.archive;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The archive's "similar cases": other entries that share at least one activity, ranked higher for
 * the same household and care level and for the distinctive words of the case (MoreLikeThis).
 */
final class SimilarEntries {
  private final Analyzer indexAnalyzer;
  private final Snippets snippets;

  SimilarEntries(Analyzer indexAnalyzer, Snippets snippets) {
    this.indexAnalyzer = indexAnalyzer;
    this.snippets = snippets;
  }

  /** Up to {@code n} entries like the one with {@code id}; none when there is no such entry. */
  List<SearchResult.Hit> find(IndexSearcher searcher, String id, int n) throws IOException {
    TermQuery self = new TermQuery(new Term(ArchiveDocuments.ID, id));
    TopDocs found = searcher.search(self, 1);
    if (found.scoreDocs.length == 0) {
      return List.of();
    }
    ArchiveEntry entry = ArchiveDocuments.load(searcher, found.scoreDocs[0].doc);
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(self, Occur.MUST_NOT);
    BooleanQuery.Builder activities = new BooleanQuery.Builder();
    entry.activities().forEach(activity -> activities.add(
        new TermQuery(new Term(ArchiveDocuments.ACTIVITY, activity.activity())), Occur.SHOULD));
    BooleanQuery sharedActivity = activities.build();
    if (!sharedActivity.clauses().isEmpty()) {
      query.add(sharedActivity, Occur.MUST);
    }
    if (entry.person() != null) {
      addTerm(query, ArchiveDocuments.HOUSEHOLD, entry.person().household());
      addTerm(query, ArchiveDocuments.CARE_LEVEL, entry.person().careLevel());
    }
    query.add(keyTerms(searcher.getIndexReader(), entry), Occur.SHOULD);
    List<SearchResult.Hit> hits = new ArrayList<>();
    for (ScoreDoc doc : searcher.search(query.build(), Math.min(n, SearchQuery.MAX_SIZE)).scoreDocs) {
      ArchiveEntry other = ArchiveDocuments.load(searcher, doc.doc);
      hits.add(SearchResult.Hit.of(other, snippets.snippet(other, null), doc.score));
    }
    return hits;
  }

  private Query keyTerms(IndexReader reader, ArchiveEntry entry) throws IOException {
    String field = ArchiveDocuments.BODY + FieldAnalyzer.WORDS;
    MoreLikeThis moreLikeThis = new MoreLikeThis(reader);
    moreLikeThis.setAnalyzer(indexAnalyzer);
    moreLikeThis.setFieldNames(new String[] {field});
    moreLikeThis.setMinTermFreq(1);
    moreLikeThis.setMinDocFreq(2);
    moreLikeThis.setMaxQueryTerms(20);
    return moreLikeThis.like(field,
        new StringReader(String.join("\n", ArchiveDocuments.bodyText(entry))));
  }

  private static void addTerm(BooleanQuery.Builder query, String field, String value) {
    if (value != null) {
      query.add(new TermQuery(new Term(field, value)), Occur.SHOULD);
    }
  }
}
