package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A word every entry holds is counted as shared without reading its postings, and the entries a
 * text finds stay those that share enough of its words.
 */
class SharedWordsTest {
  private static final ArchiveQueries QUERIES = new ArchiveQueries(JapaneseSearchAnalyzer.forQuery(CareSynonyms.load()),
      new BigramAnalyzer(), CareParaphrases.load());
  /** In every entry the property writes, as boilerplate of a form would be. */
  private static final String EVERYWHERE = "通院";
  private static final List<String> WORDS = List.of("一人暮らし", "独居", "ゴミ出し", "買い物", "買物", "支援", "サロン",
      "配食", "デイサービス", "見守り", "夫婦", "ヘルパー", "移動販売", "坂道", "バス", "布団", "家", "移動", "手段", EVERYWHERE);

  @Property(tries = 80)
  void a_text_finds_the_entries_sharing_enough_of_its_words(@ForAll("entries") List<List<String>> entries,
      @ForAll("texts") List<String> words, @ForAll @IntRange(min = 1, max = 4) int required,
      @ForAll @IntRange(min = 0, max = 3) int deleted) throws IOException {
    int needed = Math.min(required, words.size());
    List<Query> each = words.stream().map(word -> QUERIES.match(ArchiveDocuments.ALL, word)).toList();
    BooleanQuery.Builder reading = new BooleanQuery.Builder().setMinimumNumberShouldMatch(needed);
    each.forEach(word -> reading.add(word, Occur.SHOULD));
    try (ByteBuffersDirectory directory = index(entries, deleted); DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);

      assertThat(LuceneHits.found(searcher, new SharedWords(each, needed))).as("%s, %d needed", words, needed)
          .isEqualTo(LuceneHits.found(searcher, reading.build()));
    }
  }

  @Example
  void the_postings_of_a_word_every_entry_holds_are_not_read() throws IOException {
    Searched searched = search(List.of(List.of("坂道 通院"), List.of("配食 通院"), List.of("坂道 配食 通院")), 0, "坂道 配食 通院");

    assertThat(searched.termsRead()).contains("坂道", "配食").doesNotContain(EVERYWHERE);
    assertThat(searched.found()).containsExactly(2);
  }

  @Example
  void a_text_of_words_every_entry_holds_finds_every_entry() throws IOException {
    Searched searched = search(List.of(List.of("坂道 通院"), List.of("配食 通院"), List.of("通院 の 手段")), 0, "通院");

    assertThat(searched.termsRead()).isEmpty();
    assertThat(searched.found()).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Example
  void a_word_missing_only_from_a_deleted_entry_is_still_read() throws IOException {
    Searched searched = search(List.of(List.of("坂道 通院"), List.of("配食 通院"), List.of("配食")), 1, "配食 通院");

    assertThat(searched.termsRead()).contains("配食", EVERYWHERE);
    assertThat(searched.found()).containsExactly(1);
  }

  /** What a search for {@code text}'s matching part reads and finds. */
  private record Searched(Set<String> termsRead, Set<Integer> found) {}

  private static Searched search(List<List<String>> entries, int deleted, String text) throws IOException {
    try (ByteBuffersDirectory directory = index(entries, deleted); DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Query matching = QUERIES.parse(text, false).matching();
      return new Searched(termsRead(searcher, matching), LuceneHits.found(searcher, matching));
    }
  }

  @Provide
  Arbitrary<List<List<String>>> entries() {
    Arbitrary<String> value = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(6).map(words -> String.join(" ", words));
    return value.list().ofMinSize(1).ofMaxSize(3).map(values -> {
      List<String> withBoilerplate = new ArrayList<>(values);
      withBoilerplate.add(EVERYWHERE + "を続ける");
      return List.copyOf(withBoilerplate);
    }).list().ofMinSize(1).ofMaxSize(25);
  }

  @Provide
  Arbitrary<List<String>> texts() {
    return Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(6).uniqueElements();
  }

  /** The entries in segments of four, ids 0…n-1, the last {@code deleted} of them deleted again. */
  private static ByteBuffersDirectory index(List<List<String>> entries, int deleted) throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory,
        new IndexWriterConfig(new FieldAnalyzer(JapaneseSearchAnalyzer.forIndex(), new BigramAnalyzer()))
            .setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < entries.size(); i++) {
        Document doc = new Document();
        doc.add(new StringField("id", String.valueOf(i), Field.Store.NO));
        ArchiveDocuments.addText(doc, ArchiveDocuments.ALL, entries.get(i));
        writer.addDocument(doc);
        if (i % 4 == 3) {
          writer.commit();
        }
      }
      for (int i = Math.max(0, entries.size() - deleted); i < entries.size(); i++) {
        writer.deleteDocuments(new Term("id", String.valueOf(i)));
      }
    }
    return directory;
  }

  /** The texts of the terms whose postings a search with {@code query} reads. */
  private static Set<String> termsRead(IndexSearcher searcher, Query query) throws IOException {
    Set<String> terms = new HashSet<>();
    searcher.rewrite(query).visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query leaf, Term... read) {
        for (Term term : read) {
          terms.add(term.text());
        }
      }

      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        return this;
      }
    });
    return terms;
  }
}
