package yoriai.archive;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import yoriai.casefile.Activity;
import yoriai.casefile.AssistanceLevel;
import yoriai.casefile.CaseSheet;
import yoriai.casefile.Person;
import yoriai.shared.Coded;

/**
 * The archive's "similar cases", for an entry and for a case sheet still being prepared: other
 * entries that share at least one activity, ranked higher for the same household and care level
 * and for the distinctive words of the case (MoreLikeThis). A sheet counts only the activities it
 * finds difficult, and its difficulties, wishes and situation as its words.
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
    TopDocs found = searcher.search(new TermQuery(new Term(ArchiveDocuments.ID, id)), 1);
    if (found.scoreDocs.length == 0) {
      return List.of();
    }
    ArchiveEntry entry = ArchiveDocuments.load(searcher, found.scoreDocs[0].doc);
    ArchiveEntry.Person person = entry.person();
    // the entry itself is in the index, so a word must be in one more entry to be shared at all
    return ranked(searcher, new Like(id, entry.activities().stream().map(ArchiveEntry.Activity::activity).toList(),
        person == null ? null : person.household(), person == null ? null : person.careLevel(),
        ArchiveDocuments.bodyText(entry), 2), n);
  }

  /**
   * Up to {@code n} entries like the sheet of case {@code caseId}, never that case's own entry; none
   * when the sheet names no difficult activity and has no words to compare.
   */
  List<SearchResult.Hit> find(IndexSearcher searcher, String caseId, CaseSheet sheet, int n) throws IOException {
    List<String> difficult = sheet.activities().stream().filter(Objects::nonNull)
        .filter(a -> a.activity() != null && (a.level() != AssistanceLevel.INDEPENDENT || !blank(a.difficulty())))
        .map(a -> a.activity().code()).distinct().toList();
    Person person = sheet.person();
    List<String> text = Stream.concat(sheet.activities().stream().filter(Objects::nonNull).map(Activity::difficulty),
            Stream.of(sheet.wishes(), person == null ? null : person.housing(), person == null ? null : person.health()))
        .filter(s -> !blank(s)).toList();
    if (difficult.isEmpty() && text.isEmpty()) {
      return List.of();
    }
    return ranked(searcher, new Like(caseId, difficult, code(person == null ? null : person.household()),
        code(person == null ? null : person.careLevel()), text, 1), n);
  }

  /**
   * What the entries are compared with: {@code self} is never found, {@code activities} (one of them
   * must be shared when there are any), {@code text} whose words must occur in {@code minDocFreq}
   * entries to count.
   */
  private record Like(String self, List<String> activities, String household, String careLevel, List<String> text,
      int minDocFreq) {}

  private List<SearchResult.Hit> ranked(IndexSearcher searcher, Like like, int n) throws IOException {
    BooleanQuery.Builder query = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(ArchiveDocuments.ID, like.self())), Occur.MUST_NOT);
    BooleanQuery.Builder activities = new BooleanQuery.Builder();
    like.activities().stream().filter(Objects::nonNull).forEach(activity -> activities.add(
        new TermQuery(new Term(ArchiveDocuments.ACTIVITY, activity)), Occur.SHOULD));
    BooleanQuery sharedActivity = activities.build();
    BooleanQuery keyTerms = keyTerms(searcher.getIndexReader(), like);
    if (sharedActivity.clauses().isEmpty() && keyTerms.clauses().isEmpty()) {
      return List.of();
    }
    // without an activity to share, the case's words are what makes an entry similar at all
    query.add(sharedActivity.clauses().isEmpty() ? keyTerms : sharedActivity, Occur.MUST);
    addTerm(query, ArchiveDocuments.HOUSEHOLD, like.household());
    addTerm(query, ArchiveDocuments.CARE_LEVEL, like.careLevel());
    query.add(keyTerms, Occur.SHOULD);
    String matched = String.join(" ", words(keyTerms));
    return snippets.hits(searcher, searcher.search(query.build(), Math.min(n, SearchQuery.MAX_SIZE)).scoreDocs,
        matched.isEmpty() ? null : matched, true);
  }

  private BooleanQuery keyTerms(IndexReader reader, Like like) throws IOException {
    String field = ArchiveDocuments.BODY + FieldAnalyzer.WORDS;
    MoreLikeThis moreLikeThis = new MoreLikeThis(reader);
    moreLikeThis.setAnalyzer(indexAnalyzer);
    moreLikeThis.setFieldNames(new String[] {field});
    moreLikeThis.setMinTermFreq(1);
    moreLikeThis.setMinDocFreq(like.minDocFreq());
    moreLikeThis.setMaxQueryTerms(20);
    return (BooleanQuery) moreLikeThis.like(field, new StringReader(String.join("\n", like.text())));
  }

  /** The words MoreLikeThis chose, which the snippet marks: why an entry matched. */
  private static List<String> words(BooleanQuery keyTerms) {
    return keyTerms.clauses().stream().map(BooleanClause::getQuery)
        .map(q -> q instanceof BoostQuery boosted ? boosted.getQuery() : q)
        .filter(TermQuery.class::isInstance).map(q -> ((TermQuery) q).getTerm().text()).toList();
  }

  private static void addTerm(BooleanQuery.Builder query, String field, String value) {
    if (value != null) {
      query.add(new TermQuery(new Term(field, value)), Occur.SHOULD);
    }
  }

  private static String code(Coded value) {
    return value == null ? null : value.code();
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
