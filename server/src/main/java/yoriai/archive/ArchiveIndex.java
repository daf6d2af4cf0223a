package yoriai.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import yoriai.casefile.CaseSheet;

/**
 * The Lucene index of the public archive. Derived from MongoDB: {@link #needsRebuild()} says when
 * opening found no usable index, and {@link #rebuildRevised} recreates it from the stored entries.
 *
 * <p>Every method blocks on disk I/O; call it off the event loop. Searches run concurrently on
 * near-real-time snapshots; writes are serialized and visible to the next search once they
 * return.
 *
 * <p>Facet counts use drill-sideways: each dimension is counted over the hits of the text query
 * with every <em>other</em> filter applied, so the chosen prefecture still shows the counts of the
 * other prefectures a reader can switch to, while activity counts reflect that prefecture.
 */
public final class ArchiveIndex implements Closeable {
  private static final System.Logger LOG = System.getLogger(ArchiveIndex.class.getName());
  private static final Sort NEWEST = new Sort(
      new SortField(ArchiveDocuments.PUBLISHED, SortField.Type.LONG, true),
      new SortField(ArchiveDocuments.ID, SortField.Type.STRING));
  private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE,
      new SortField(ArchiveDocuments.PUBLISHED, SortField.Type.LONG, true),
      new SortField(ArchiveDocuments.ID, SortField.Type.STRING));

  private final Directory directory;
  private final FacetsConfig facetsConfig = ArchiveDocuments.facetsConfig();
  private final Analyzer indexAnalyzer =
      new FieldAnalyzer(JapaneseSearchAnalyzer.forIndex(), new BigramAnalyzer());
  private final ArchiveQueries queries;
  private final Snippets snippets;
  private final SimilarEntries similarEntries;
  private final ExecutorService facetCounting =
      Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), ArchiveIndex::facetCountingThread);
  private volatile Writing writing;
  private volatile boolean needsRebuild;

  /** The writer and the manager of its searchers, replaced together when a failure closed the writer. */
  private record Writing(IndexWriter writer, SearcherManager searchers) {}

  private ArchiveIndex(Directory directory, boolean create, ArchiveQueries.Weights weights, CareParaphrases paraphrases)
      throws IOException {
    this.directory = directory;
    this.queries = new ArchiveQueries(JapaneseSearchAnalyzer.forQuery(CareSynonyms.load()), new BigramAnalyzer(),
        paraphrases, weights);
    this.snippets = new Snippets(indexAnalyzer, queries);
    this.similarEntries = new SimilarEntries(indexAnalyzer, snippets);
    this.needsRebuild = create;
    this.writing = openWriting(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
  }

  /**
   * Entries are published one at a time, each commit a segment of its own, and a search pays for
   * every segment (each word looked up again, a scorer and facet counts per segment): with
   * Lucene's defaults a 100,000-entry archive plus its last few hundred publications was searched
   * over a dozen segments, a quarter slower than over one. Segments up to 64 MB count as equal
   * here, so the small ones are merged together early, and four to a tier keep the count low; a
   * rebuild's large segment is not rewritten with them (so skewed a merge scores worst).
   */
  private static TieredMergePolicy fewSegments() {
    return new TieredMergePolicy().setFloorSegmentMB(64).setSegmentsPerTier(4);
  }

  private Writing openWriting(IndexWriterConfig.OpenMode mode) throws IOException {
    IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer).setOpenMode(mode)
        .setRAMBufferSizeMB(64).setMergePolicy(fewSegments()));
    writer.setLiveCommitData(IndexFolder.COMMIT_DATA.entrySet());
    try {
      if (mode == IndexWriterConfig.OpenMode.CREATE) {
        writer.commit();
      }
      return new Writing(writer, new SearcherManager(writer, new FacetedSearcher.Factory(facetsConfig)));
    } catch (IOException | RuntimeException e) {
      writer.rollback();
      throw e;
    }
  }

  /**
   * The writer, opened again from its last commit when a failed flush or merge (a full disk) has
   * closed it: Lucene closes a writer on such a "tragic" failure for good, and every later write
   * would fail until a restart, leaving new entries unsearchable and redacted text searchable.
   * What the failure lost was never committed; the periodic re-check of {@link IndexUpdates}
   * writes it again from MongoDB.
   */
  private IndexWriter writer() throws IOException {
    Writing current = writing;
    Throwable tragedy = current.writer().getTragicException();
    if (tragedy == null) {
      return current.writer();
    }
    LOG.log(System.Logger.Level.WARNING, "archive index writer closed by a failure, opening it again: " + tragedy);
    // a merge thread's tragedy is flagged before its rollback frees the write lock; this waits for that rollback
    current.writer().rollback();
    writing = openWriting(IndexWriterConfig.OpenMode.APPEND);
    current.searchers().close();
    return writing.writer();
  }

  private IndexSearcher acquire() throws IOException {
    while (true) {
      SearcherManager searchers = writing.searchers();
      try {
        return searchers.acquire();
      } catch (AlreadyClosedException replaced) {
        if (searchers == writing.searchers()) {
          throw replaced;
        }
      }
    }
  }

  /** What {@code SearcherManager.release} does, whichever manager gave the searcher: the writer may have been reopened since. */
  private static void release(IndexSearcher searcher) throws IOException {
    searcher.getIndexReader().decRef();
  }

  /**
   * Opens the index in {@code path}, creating the folder if needed. A missing index, or one whose
   * files fail their checksums, is wiped and {@link #needsRebuild()} is true.
   */
  public static ArchiveIndex open(Path path) throws IOException {
    Files.createDirectories(path);
    FSDirectory directory = FSDirectory.open(path);
    try {
      boolean usable = IndexFolder.usable(directory);
      if (!usable) {
        IndexFolder.wipe(directory);
      }
      return new ArchiveIndex(directory, !usable, ArchiveQueries.Weights.ARCHIVE, CareParaphrases.load());
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * As {@link #open}, for a server starting: the index is derived data, so when it cannot even be
   * opened (another process holding its lock aside) it is deleted and opened empty, and
   * {@link #needsRebuild()} has it rebuilt from MongoDB rather than keeping the server down.
   */
  static ArchiveIndex openOrReset(Path indexDir) throws IOException {
    try {
      return open(indexDir);
    } catch (LockObtainFailedException held) {
      throw held;
    } catch (IOException | RuntimeException unusable) {
      LOG.log(System.Logger.Level.WARNING, "archive index unusable, rebuilding it: " + unusable);
      try (Stream<Path> files = Files.walk(indexDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
      return open(indexDir);
    }
  }

  /** An empty index in memory, for tests. */
  public static ArchiveIndex inMemory() throws IOException {
    return inMemory(ArchiveQueries.Weights.ARCHIVE);
  }

  /** An empty index in memory that ranks with other weights, for tuning them. */
  static ArchiveIndex inMemory(ArchiveQueries.Weights weights) throws IOException {
    return inMemory(weights, CareParaphrases.load());
  }

  /** An empty index in memory that reads everyday expressions with {@code paraphrases}, to show what they add. */
  static ArchiveIndex inMemory(ArchiveQueries.Weights weights, CareParaphrases paraphrases) throws IOException {
    return new ArchiveIndex(new ByteBuffersDirectory(), true, weights, paraphrases);
  }

  /** An empty index over {@code directory}, for tests whose directory fails on purpose. */
  static ArchiveIndex over(Directory directory) throws IOException {
    return new ArchiveIndex(directory, true, ArchiveQueries.Weights.ARCHIVE, CareParaphrases.load());
  }

  /** True when no usable index was found on open, until a {@link #rebuildRevised} succeeds. */
  public boolean needsRebuild() {
    return needsRebuild;
  }

  /** An entry as MongoDB holds it at {@code revision} (0 as published, one more per redaction). */
  record Revised(ArchiveEntry entry, long revision) {}

  /** Adds the entry as first published, or replaces the one with the same id; durable and searchable on return. */
  void index(ArchiveEntry entry) throws IOException {
    index(new Revised(entry, 0));
  }

  synchronized void index(Revised revised) throws IOException {
    IndexWriter writer = writer();
    writer.updateDocument(new Term(ArchiveDocuments.ID, revised.entry().id()),
        ArchiveDocuments.toDocument(revised.entry(), revised.revision(), facetsConfig));
    writer.commit();
    writing.searchers().maybeRefreshBlocking();
  }

  /** Takes the entry {@code id} out, if the index holds it; durable and gone from searches on return. */
  synchronized void remove(String id) throws IOException {
    IndexWriter writer = writer();
    writer.deleteDocuments(new Term(ArchiveDocuments.ID, id));
    writer.commit();
    writing.searchers().maybeRefreshBlocking();
  }

  /** Replaces the whole index with {@code entries}, each as first published; see {@link #rebuildRevised}. */
  long rebuild(Stream<ArchiveEntry> entries) throws IOException {
    return rebuildRevised(entries.map(entry -> new Revised(entry, 0)));
  }

  /**
   * Replaces the whole index with {@code entries}, merged into one segment (a search looks each
   * word up once per segment; merging 100,000 entries takes seconds). Searches see the old index
   * until the new one is committed. If the stream fails, {@link #needsRebuild()} stays true and
   * the index keeps every entry it had: each entry replaces the one with its id, and those the
   * stream did not name are deleted only once it has ended, because the next {@link #index}
   * commits whatever this left pending (a {@code deleteAll} first lost them all).
   */
  synchronized long rebuildRevised(Stream<Revised> entries) throws IOException {
    IndexWriter writer = writer();
    needsRebuild = true;
    Set<String> notNamed = new HashSet<>(revisions().keySet());
    long count = 0;
    for (Iterator<Revised> it = entries.iterator(); it.hasNext(); count++) {
      Revised next = it.next();
      notNamed.remove(next.entry().id());
      writer.updateDocument(new Term(ArchiveDocuments.ID, next.entry().id()),
          ArchiveDocuments.toDocument(next.entry(), next.revision(), facetsConfig));
    }
    for (String id : notNamed) {
      writer.deleteDocuments(new Term(ArchiveDocuments.ID, id));
    }
    writer.forceMerge(1);
    writer.commit();
    writing.searchers().maybeRefreshBlocking();
    needsRebuild = false;
    return count;
  }

  /** The revision each indexed entry had when it was indexed, by id. */
  Map<String, Long> revisions() throws IOException {
    IndexSearcher searcher = acquire();
    try {
      Map<String, Long> revisions = new HashMap<>();
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        SortedDocValues ids = DocValues.getSorted(leaf.reader(), ArchiveDocuments.ID);
        NumericDocValues numbers = DocValues.getNumeric(leaf.reader(), ArchiveDocuments.REVISION);
        for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
          if (live == null || live.get(doc)) {
            revisions.put(ids.lookupOrd(ids.ordValue()).utf8ToString(), numbers.advanceExact(doc) ? numbers.longValue() : 0L);
          }
        }
      }
      return revisions;
    } finally {
      release(searcher);
    }
  }

  /**
   * One page of the entries matching {@code query}. When no entry shares enough of the text's
   * words, the page holds the entries sharing any of them, and the result says it is relaxed.
   */
  public SearchResult search(SearchQuery query) throws IOException {
    FacetedSearcher searcher = (FacetedSearcher) acquire();
    List<FacetCountsAside> counting = new ArrayList<>(2);
    try {
      if (searcher.state() == null) {
        return new SearchResult(0, List.of(), Map.of(), false);
      }
      ArchiveQueries.Ranked text = queries.parse(query.q(), false);
      boolean relaxed = false;
      int end = query.page() * query.size();
      Found found = drillSideways(searcher, text, query, end, counting);
      if (text != null && found.hits().totalHits.value == 0) {
        ArchiveQueries.Ranked any = queries.parse(query.q(), true);
        Found nearest = drillSideways(searcher, any, query, end, counting);
        relaxed = nearest.hits().totalHits.value > 0;
        if (relaxed) {
          text = any;
          found = nearest;
        }
      }
      TopDocs hits = found.hits();
      long total = hits.totalHits.relation == TotalHits.Relation.EQUAL_TO
          ? hits.totalHits.value : searcher.count(drillDown(matching(text), query));
      ScoreDoc[] ranked = text == null ? hits.scoreDocs : Rescoring.rescore(searcher, hits.scoreDocs, text.boosts());
      ScoreDoc[] page = Arrays.copyOfRange(ranked, Math.min(end - query.size(), ranked.length), Math.min(end, ranked.length));
      List<SearchResult.Hit> shown = snippets.hits(searcher, page, query.q(), text != null);
      return new SearchResult(total, shown, found.facets().counts(), relaxed);
    } finally {
      counting.forEach(FacetCountsAside::awaitCounting);
      release(searcher);
    }
  }

  /**
   * The id of every entry {@link #search} finds, in the same order, up to {@code limit}: what an
   * export writes, read from the store, which has a redaction before any index does.
   */
  public List<String> allIds(SearchQuery query, int limit) throws IOException {
    IndexSearcher searcher = acquire();
    try {
      ArchiveQueries.Ranked text = queries.parse(query.q(), relaxes(searcher, query));
      int n = Math.max(1, Math.min(limit, searcher.getIndexReader().maxDoc()));
      ScoreDoc[] found = text == null ? searcher.search(drillDown(null, query), n, NEWEST, false).scoreDocs
          : Rescoring.rescore(searcher,
              searcher.search(drillDown(text.matching(), query), Rescoring.candidates(n), RELEVANCE, false).scoreDocs,
              text.boosts());
      List<String> ids = new ArrayList<>();
      for (ScoreDoc doc : Arrays.copyOf(found, Math.min(n, found.length))) {
        ids.add(searcher.storedFields().document(doc.doc, Set.of(ArchiveDocuments.ID)).get(ArchiveDocuments.ID));
      }
      return ids;
    } finally {
      release(searcher);
    }
  }

  /** The hits of a search, and the facet counts being taken beside them. */
  private record Found(TopDocs hits, FacetCountsAside facets) {}

  /**
   * The entries matching {@code text} (all when null) under the filters, with facet counts: the
   * first {@code end} newest first, or by matching score, enough for {@link Rescoring} to rank.
   * The counting is added to {@code counting}, which the caller awaits before releasing the searcher.
   */
  private Found drillSideways(FacetedSearcher searcher, ArchiveQueries.Ranked text, SearchQuery query, int end,
      List<FacetCountsAside> counting) throws IOException {
    FacetCountsAside sideways = new FacetCountsAside(searcher, facetsConfig, searcher.state(), facetCounting);
    counting.add(sideways);
    TopDocs hits = sideways.search(drillDown(matching(text), query), null, null,
        text != null ? Rescoring.candidates(end) : end, text != null ? RELEVANCE : NEWEST, false).hits;
    return new Found(hits, sideways);
  }

  private static Query matching(ArchiveQueries.Ranked text) {
    return text == null ? null : text.matching();
  }

  /** True when the text's words find nothing under the filters but any one of them would. */
  private boolean relaxes(IndexSearcher searcher, SearchQuery query) throws IOException {
    ArchiveQueries.Ranked strict = queries.parse(query.q(), false);
    return strict != null && searcher.count(drillDown(strict.matching(), query)) == 0
        && searcher.count(drillDown(queries.parse(query.q(), true).matching(), query)) > 0;
  }

  /**
   * Up to {@code n} other entries most like the given one: they share at least one activity, and
   * rank higher for the same household and care level and for distinctive words of the case.
   */
  public List<SearchResult.Hit> similar(String id, int n) throws IOException {
    IndexSearcher searcher = acquire();
    try {
      return similarEntries.find(searcher, id, n);
    } finally {
      release(searcher);
    }
  }

  /** As {@link #similar}, for the sheet of case {@code caseId}: its difficult activities and its words. */
  public List<SearchResult.Hit> similar(String caseId, CaseSheet sheet, int n) throws IOException {
    IndexSearcher searcher = acquire();
    try {
      return similarEntries.find(searcher, caseId, sheet, n);
    } finally {
      release(searcher);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    Writing last = writing;
    try (directory; IndexWriter writer = last.writer(); SearcherManager searchers = last.searchers()) {
      // closes in reverse order: searchers, writer, directory
    } finally {
      facetCounting.shutdown();
    }
  }

  private static Thread facetCountingThread(Runnable counting) {
    Thread thread = new Thread(counting, "archive-facet-counts");
    thread.setDaemon(true);
    return thread;
  }

  /** The text query (everything when null) narrowed by every filter of {@code query}. */
  private DrillDownQuery drillDown(Query text, SearchQuery query) {
    DrillDownQuery drillDown = new DrillDownQuery(facetsConfig, text != null ? text : new MatchAllDocsQuery());
    addFilter(drillDown, ArchiveDocuments.ACTIVITY, query.activity());
    addFilter(drillDown, ArchiveDocuments.CARE_LEVEL, query.careLevel());
    addFilter(drillDown, ArchiveDocuments.HOUSEHOLD, query.household());
    addFilter(drillDown, ArchiveDocuments.PREFECTURE, query.prefecture());
    addFilter(drillDown, ArchiveDocuments.TYPE, query.type());
    addFilter(drillDown, ArchiveDocuments.YEAR, query.year() == null ? null : String.valueOf(query.year()));
    return drillDown;
  }

  private static void addFilter(DrillDownQuery query, String dimension, String value) {
    if (value != null && !value.isBlank()) {
      query.add(dimension, value);
    }
  }
}
