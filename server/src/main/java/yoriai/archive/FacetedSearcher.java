package yoriai.archive;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/** A searcher that carries the facet ordinals of its own snapshot, built once per refresh. */
final class FacetedSearcher extends IndexSearcher {
  private final SortedSetDocValuesReaderState state;

  private FacetedSearcher(IndexReader reader, FacetsConfig config) throws IOException {
    super(reader);
    boolean hasFacets = FieldInfos.getMergedFieldInfos(reader)
        .fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null;
    state = hasFacets ? new DefaultSortedSetDocValuesReaderState(reader, config) : null;
  }

  /** The facet ordinals, or null while the index holds no entry. */
  SortedSetDocValuesReaderState state() {
    return state;
  }

  /** Makes the searchers a {@code SearcherManager} hands out. */
  static final class Factory extends SearcherFactory {
    private final FacetsConfig config;

    Factory(FacetsConfig config) {
      this.config = config;
    }

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
      return new FacetedSearcher(reader, config);
    }
  }
}
