package yoriai.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.IndexSearcher;

/**
 * Drill sideways whose facet counts are taken on another thread once the hits are collected, so
 * they are counted while the caller ranks and highlights the page: counting reads the ordinals of
 * every hit (a fifth of a large archive for a common word), ranking and highlighting read a few
 * hundred entries, and the two need nothing of each other (decision 144). One instance per search.
 */
final class FacetCountsAside extends DrillSideways {
  private static final int FACET_VALUES = 100;

  private final Executor executor;
  private CompletableFuture<Map<String, Map<String, Integer>>> counts;

  FacetCountsAside(IndexSearcher searcher, FacetsConfig config, SortedSetDocValuesReaderState state, Executor executor) {
    super(searcher, config, state);
    this.executor = executor;
  }

  /** Starts the counting and leaves the result's {@code facets} null: {@link #counts()} has them. */
  @Override
  protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] dims) {
    counts = CompletableFuture.supplyAsync(() -> {
      try {
        return byDimension(super.buildFacetsResult(drillDowns, drillSideways, dims));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, executor);
    return null;
  }

  /** The counts of each dimension's values, once counted; call after {@code search}. */
  Map<String, Map<String, Integer>> counts() throws IOException {
    try {
      return counts.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
  }

  /**
   * Waits for the counting, whatever its outcome: it reads the searcher's segments, which must
   * stay open until it has ended.
   */
  void awaitCounting() {
    if (counts != null) {
      counts.exceptionally(failed -> null).join();
    }
  }

  private static Map<String, Map<String, Integer>> byDimension(Facets facets) throws IOException {
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    for (String dimension : ArchiveDocuments.DIMENSIONS) {
      Map<String, Integer> values = new LinkedHashMap<>();
      FacetResult result = facets.getTopChildren(FACET_VALUES, dimension);
      if (result != null) {
        for (LabelAndValue value : result.labelValues) {
          values.put(value.label, value.value.intValue());
        }
      }
      counts.put(dimension, values);
    }
    return counts;
  }
}
