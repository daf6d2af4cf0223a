package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;

class PairedPhrasesTest {
  private static final ArchiveQueries QUERIES = new ArchiveQueries(JapaneseSearchAnalyzer.forQuery(CareSynonyms.load()),
      new BigramAnalyzer(), CareParaphrases.load());
  /** Care words, their spellings and synonyms, compounds Kuromoji splits or stacks, particles and punctuation. */
  private static final List<String> PIECES = List.of("一人暮らし", "ひとり暮らし", "独居", "ゴミ出し", "ごみ出し", "ごみ", "を",
      "出す", "買い物", "買物", "の", "支援", "が", "難しい", "通いの場", "サロン", "配食", "サービス", "デイサービス", "見守り",
      "老老介護", "高齢", "夫婦", "で", "に", "、", "。", "ヘルパー", "へるぱー", "要介護2", "移動販売", "坂道", "バス", "乗り降り",
      "布団", "上げ下ろし", "ｺﾞﾐ", "日中", "家", "に", "いる", "通院", "移動", "手段");

  @Property(tries = 60)
  void a_word_found_through_the_pairs_finds_the_same_entries_as_its_phrases(@ForAll("entries") List<List<String>> entries,
      @ForAll("words") List<String> words) throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory,
          new IndexWriterConfig(new FieldAnalyzer(JapaneseSearchAnalyzer.forIndex(), new BigramAnalyzer())))) {
        for (List<String> values : entries) {
          Document doc = new Document();
          ArchiveDocuments.addText(doc, ArchiveDocuments.ALL, values);
          writer.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (String word : wordsAndPiecesOf(words, entries)) {
          Query pairs = QUERIES.match(ArchiveDocuments.ALL, word, ArchiveQueries.Phrases.AS_PAIRS);
          Query phrases = QUERIES.match(ArchiveDocuments.ALL, word, ArchiveQueries.Phrases.AS_PHRASES);
          assertThat(LuceneHits.found(searcher, pairs)).as(word).isEqualTo(LuceneHits.found(searcher, phrases));
        }
      }
    }
  }

  @Example
  void a_field_indexed_without_pairs_is_searched_by_its_phrases() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory,
          new IndexWriterConfig(new FieldAnalyzer(JapaneseSearchAnalyzer.forIndex(), new BigramAnalyzer())))) {
        Document doc = new Document();
        doc.add(new TextField(ArchiveDocuments.BODY + FieldAnalyzer.WORDS, "ゴミ出しが難しい", Field.Store.NO));
        writer.addDocument(doc);
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        Query pairs = QUERIES.match(ArchiveDocuments.BODY, "ごみ出し", ArchiveQueries.Phrases.AS_PAIRS);

        assertThat(pairs.toString()).contains(FieldAnalyzer.PAIRS);
        assertThat(new IndexSearcher(reader).count(pairs)).isEqualTo(1);
      }
    }
  }

  @Provide
  Arbitrary<List<List<String>>> entries() {
    Arbitrary<String> value = Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(8).map(pieces -> String.join("", pieces));
    return value.list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(30);
  }

  @Provide
  Arbitrary<List<String>> words() {
    return Combinators.combine(Arbitraries.of(PIECES), Arbitraries.of(PIECES)).as((a, b) -> a + b).list().ofMinSize(1).ofMaxSize(4)
        .flatMap(joined -> Arbitraries.of(PIECES).list().ofMaxSize(4).map(single -> {
          List<String> all = new java.util.ArrayList<>(joined);
          all.addAll(single);
          return all;
        }));
  }

  /** The words, and a stretch of each entry's first value: what a reader copies out of an entry. */
  private static Set<String> wordsAndPiecesOf(List<String> words, List<List<String>> entries) {
    Set<String> all = new HashSet<>(words);
    for (List<String> values : entries) {
      String first = values.get(0);
      all.add(first.substring(first.length() / 3, Math.min(first.length(), first.length() / 3 + 4)));
    }
    all.removeIf(String::isBlank);
    return all;
  }
}
