package yoriai.catalog;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import yoriai.archive.JapaneseMatching;
import yoriai.shared.Prefectures;

/**
 * The catalog's free-text index, in memory and derived from MongoDB: rebuilt on start and updated
 * on every change, with the archive's Japanese analysis. The rule for a query's words is in
 * {@link #query}. Methods block briefly (no disk); call them off the event loop.
 */
final class CatalogIndex {
  /** Words that name no service by themselves: they rank, never exclude. */
  static final Set<String> GENERIC_WORDS = Set.of("支援", "サービス", "サポート", "事業", "提供", "利用", "対応");
  private static final String ID = "id";
  private static final String ALL = "all";
  private static final String NAME = "name";
  private static final String CATEGORY = "category";
  /** What one shared word adds: more than field weights ever add, so more shared words rank first. */
  private static final float SHARED_WORD = 1000f;
  private static final float NAME_BOOST = 4f;
  private static final float CATEGORY_BOOST = 2f;

  private final JapaneseMatching matching = new JapaneseMatching();
  private final IndexWriter writer;
  private final SearcherManager searchers;

  CatalogIndex() throws IOException {
    writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(matching.indexAnalyzer()));
    searchers = new SearcherManager(writer, null);
  }

  synchronized void rebuild(List<StoredService> services) throws IOException {
    writer.deleteAll();
    for (StoredService service : services) {
      writer.addDocument(document(service));
    }
    searchers.maybeRefreshBlocking();
  }

  synchronized void put(StoredService service) throws IOException {
    writer.updateDocument(new Term(ID, service.id()), document(service));
    searchers.maybeRefreshBlocking();
  }

  synchronized void remove(String id) throws IOException {
    writer.deleteDocuments(new Term(ID, id));
    searchers.maybeRefreshBlocking();
  }

  /** The score of every service matching {@code text} by id; empty when nothing does. */
  Map<String, Float> scores(String text) throws IOException {
    Query query = query(text);
    Map<String, Float> scores = new HashMap<>();
    if (query == null) {
      return scores;
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      for (ScoreDoc hit : searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
        scores.put(searcher.storedFields().document(hit.doc, Set.of(ID)).get(ID), hit.score);
      }
      return scores;
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Every term of the query (what whitespace separates) must occur somewhere in the service, read
   * as the archive reads it, or else each of its words except the generic ones, which only rank
   * (買い物支援 finds a shopping service whose text never says 支援); a query of generic words only
   * needs one of them. Reading the whole term keeps a word's context, so ゴミ出し, ひとり暮らし and
   * 通所介護 match their variants and synonyms as they do in the archive. Each shared word counts
   * the same, then a word in the name weighs most and one in the category next. A sentence (a
   * coordinator typing the situation, 重い荷物を家まで運んでほしい) is read as the archive reads
   * one: a service must share a growing share of its content words and ranks by them. Null when
   * the text has no word.
   */
  Query query(String text) {
    if (matching.hasMoreWordsThanAllRequired(text)) {
      return matching.sentence(text, ALL, Map.of(NAME, NAME_BOOST, CATEGORY, CATEGORY_BOOST));
    }
    Map<String, List<String>> wordsByTerm = new LinkedHashMap<>();
    for (String term : matching.terms(text)) {
      List<String> words = matching.words(term);
      if (!words.isEmpty()) {
        wordsByTerm.put(term, words);
      }
    }
    if (wordsByTerm.isEmpty()) {
      return null;
    }
    boolean anySpecific = wordsByTerm.values().stream().flatMap(List::stream).anyMatch(word -> !GENERIC_WORDS.contains(word));
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    wordsByTerm.forEach((term, words) -> {
      List<String> specific = words.stream().filter(word -> !GENERIC_WORDS.contains(word)).toList();
      if (!anySpecific || specific.isEmpty()) {
        words.forEach(word -> query.add(word(word), Occur.SHOULD));
        return;
      }
      BooleanQuery.Builder eachWord = new BooleanQuery.Builder();
      specific.forEach(word -> eachWord.add(word(word), Occur.MUST));
      query.add(new BooleanQuery.Builder().add(word(term), Occur.SHOULD).add(eachWord.build(), Occur.SHOULD).build(),
          Occur.MUST);
      words.stream().filter(GENERIC_WORDS::contains).forEach(word -> query.add(word(word), Occur.SHOULD));
    });
    return query.build();
  }

  private Query word(String word) {
    return new BooleanQuery.Builder()
        .add(new BoostQuery(new ConstantScoreQuery(matching.match(ALL, word)), SHARED_WORD), Occur.MUST)
        .add(new BoostQuery(matching.match(NAME, word), NAME_BOOST), Occur.SHOULD)
        .add(new BoostQuery(matching.match(CATEGORY, word), CATEGORY_BOOST), Occur.SHOULD)
        .add(matching.match(ALL, word), Occur.SHOULD)
        .build();
  }

  private Document document(StoredService service) {
    Document doc = new Document();
    doc.add(new StringField(ID, service.id(), Field.Store.YES));
    List<String> categoryLabels = Categories.named(service.category()).map(Categories.Category::labels)
        .orElse(List.of(service.category()));
    matching.addText(doc, NAME, service.name());
    categoryLabels.forEach(label -> matching.addText(doc, CATEGORY, label));
    matching.addText(doc, ALL, service.name());
    categoryLabels.forEach(label -> matching.addText(doc, ALL, label));
    matching.addText(doc, ALL, service.provider());
    matching.addText(doc, ALL, service.description());
    matching.addText(doc, ALL, service.howToUse());
    matching.addText(doc, ALL, service.price());
    for (Area area : service.areas()) {
      matching.addText(doc, ALL, area.name());
      Prefectures.nameOf(area.prefectureCode()).ifPresent(prefecture -> matching.addText(doc, ALL, prefecture));
    }
    return doc;
  }
}
