package yoriai.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search scores the boosts of the best-matching {@value Rescoring#WINDOW} entries only. Checked
 * against scoring every entry found with the whole query, over an archive where most words find
 * more entries than the window holds: the first page is the same for every labelled query and
 * sentence that narrows the archive. One whose words every entry holds finds every entry with no
 * matching score to choose the window by, so its window is the newest entries (decision 128).
 */
class RescoringTest {
  private static final int ENTRIES = 2000;
  private static final int PUBLISHED_SINCE = 20;
  private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE,
      new SortField(ArchiveDocuments.PUBLISHED, SortField.Type.LONG, true),
      new SortField(ArchiveDocuments.ID, SortField.Type.STRING));

  @TempDir
  static Path folder;
  private static ArchiveIndex index;
  private static FSDirectory directory;
  private static DirectoryReader reader;
  private static final ArchiveQueries QUERIES = new ArchiveQueries(JapaneseSearchAnalyzer.forQuery(CareSynonyms.load()),
      new BigramAnalyzer(), CareParaphrases.load());

  /** Rebuilt, then the last entries published one by one: several segments, as a running node has. */
  @BeforeAll
  static void indexCorpus() throws IOException {
    List<ArchiveEntry> entries = ArchiveCorpus.generate(ENTRIES, 7L).stream().map(ArchiveCorpus.Generated::entry).toList();
    index = ArchiveIndex.open(folder);
    index.rebuild(entries.subList(0, ENTRIES - PUBLISHED_SINCE).stream());
    for (ArchiveEntry entry : entries.subList(ENTRIES - PUBLISHED_SINCE, ENTRIES)) {
      index.index(entry);
    }
    directory = FSDirectory.open(folder);
    reader = DirectoryReader.open(directory);
    assertThat(reader.leaves()).as("segments").hasSizeGreaterThan(1);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
    index.close();
  }

  @Test
  void a_first_page_ranks_as_scoring_every_entry_found() throws IOException {
    int beyondWindow = 0;
    for (String text : queries()) {
      SearchResult result = index.search(SearchQuery.text(text));
      if (!result.relaxed() && result.total() < ENTRIES) {
        assertThat(ids(result)).as("%s (%d found)", text, result.total()).isEqualTo(firstPageScoringEveryEntry(text));
        beyondWindow += result.total() > Rescoring.WINDOW ? 1 : 0;
      }
    }
    System.out.printf("RESCORING queries finding more than the window of %d (of %d entries): %d of %d%n",
        Rescoring.WINDOW, ENTRIES, beyondWindow, queries().size());
    assertThat(beyondWindow).as("queries whose entries the window cannot hold").isPositive();
  }

  @Test
  void pages_past_the_window_neither_repeat_nor_skip_an_entry() throws IOException {
    String common = queries().stream()
        .filter(text -> total(text) > Rescoring.WINDOW + 100).findFirst().orElseThrow();
    int size = 30;
    int pages = (Rescoring.WINDOW + 100) / size;
    List<String> paged = new ArrayList<>();
    for (int page = 1; page <= pages; page++) {
      paged.addAll(ids(index.search(SearchQuery.text(common).page(page, size))));
    }
    assertThat(paged).doesNotHaveDuplicates().hasSize(pages * size)
        .isEqualTo(index.allIds(SearchQuery.text(common), pages * size));
  }

  private static List<String> queries() {
    return Stream.concat(LabelledQueries.ALL.stream().map(LabelledQueries.Labelled::query),
        ArchiveSearchBench.SENTENCES.stream()).toList();
  }

  private static long total(String text) {
    try {
      return index.search(SearchQuery.text(text)).total();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> firstPageScoringEveryEntry(String text) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    List<String> ids = new ArrayList<>();
    for (ScoreDoc doc : searcher.search(QUERIES.parse(text, false).combined(), 10, RELEVANCE).scoreDocs) {
      ids.add(searcher.storedFields().document(doc.doc, Set.of(ArchiveDocuments.ID)).get(ArchiveDocuments.ID));
    }
    return ids;
  }

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(SearchResult.Hit::id).toList();
  }
}
