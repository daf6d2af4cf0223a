package yoriai.archive;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Cuts up to two passages of about {@value #PASSAGE_CHARS} characters out of an entry, each
 * centred on a hit so the words around it show, and marks the matched words. The matched words'
 * places are read from the index (each entry's snippet text is indexed with offsets), so marks
 * follow the same normalization and synonyms as matching without analyzing the text again. Words
 * are tried first because they mark whole words; characters catch what words missed.
 */
final class Snippets {
  static final String FIELD = "hl";
  static final int PASSAGE_CHARS = 80;
  private static final int PASSAGES = 2;
  private static final int FALLBACK_CHARS = 120;
  private static final String LINE_BREAK = " / ";
  private static final String CUT = "…";
  private static final String[] FIELDS = {FIELD + FieldAnalyzer.WORDS, FIELD + FieldAnalyzer.BIGRAMS};
  /** How the snippet text is indexed: searched by nothing, its postings keep offsets for the marks. */
  static final FieldType INDEXED_WITH_OFFSETS = withOffsets();
  private static final ListedTermsScorer SCORER = new ListedTermsScorer();

  private final Analyzer indexAnalyzer;
  private final ArchiveQueries queries;

  Snippets(Analyzer indexAnalyzer, ArchiveQueries queries) {
    this.indexAnalyzer = indexAnalyzer;
    this.queries = queries;
  }

  /** Adds the text snippets are cut from to {@code doc}. */
  static void addSource(Document doc, ArchiveEntry entry) {
    String source = ArchiveDocuments.snippetSource(entry);
    for (String field : FIELDS) {
      doc.add(new Field(field, source, INDEXED_WITH_OFFSETS));
    }
  }

  /** The entries of {@code found}, each with its snippet for {@code text}, scored when {@code scored}. */
  List<SearchResult.Hit> hits(IndexSearcher searcher, ScoreDoc[] found, String text, boolean scored) throws IOException {
    int[] docs = Arrays.stream(found).mapToInt(doc -> doc.doc).toArray();
    List<ArchiveEntry> entries = new ArrayList<>();
    Map<Integer, String> sources = new HashMap<>();
    for (int doc : docs) {
      ArchiveEntry entry = ArchiveDocuments.load(searcher, doc);
      entries.add(entry);
      sources.put(doc, ArchiveDocuments.snippetSource(entry));
    }
    Map<String, String[]> marked = ArchiveQueries.terms(text).isEmpty() || docs.length == 0 ? Map.of()
        : highlighter(searcher, sources).highlightFields(FIELDS, queries.forField(FIELD, text), docs, new int[] {PASSAGES, PASSAGES});
    List<SearchResult.Hit> hits = new ArrayList<>();
    for (int i = 0; i < docs.length; i++) {
      String snippet = firstMarked(marked, i).orElse(start(sources.get(docs[i])));
      hits.add(SearchResult.Hit.of(entries.get(i), snippet, scored ? found[i].score : 0f));
    }
    return hits;
  }

  private static Optional<String> firstMarked(Map<String, String[]> marked, int i) {
    for (String field : FIELDS) {
      String[] byDoc = marked.get(field);
      if (byDoc != null && byDoc[i] != null && byDoc[i].contains("<mark>")) {
        return Optional.of(byDoc[i]);
      }
    }
    return Optional.empty();
  }

  private static String start(String source) {
    String start = source.length() <= FALLBACK_CHARS ? source : source.substring(0, FALLBACK_CHARS) + CUT;
    return escape(start.replace("\n", LINE_BREAK));
  }

  /** A highlighter for one search: the texts come from the entries already read, not from stored fields. */
  private UnifiedHighlighter highlighter(IndexSearcher searcher, Map<Integer, String> sources) {
    UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, indexAnalyzer)
        .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
            BreakIterator.getCharacterInstance(Locale.JAPANESE), PASSAGE_CHARS, 0.5f))
        .withFormatter(new Marked())
        .withScorer(SCORER)
        .withMaxNoHighlightPassages(0)
        .withMaxLength(Integer.MAX_VALUE - 1);
    return new UnifiedHighlighter(builder) {
      @Override
      protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
        return source == OffsetSource.POSTINGS ? new OneWeightOffsets(components, searcher)
            : super.getOffsetStrategy(source, components);
      }

      @Override
      protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
          throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          CharSequence[] text = new CharSequence[fields.length];
          Arrays.fill(text, sources.get(doc));
          values.add(text);
        }
        return values;
      }
    };
  }

  /**
   * The marks of every entry of one search from one weight of the query. Lucene's own strategy makes
   * a weight for each entry, which looks every word of the query up in the index again: with the
   * words, synonyms and character pairs of a sentence, about a fifth of the time spent marking a page.
   */
  private static final class OneWeightOffsets extends PostingsOffsetStrategy {
    private final IndexSearcher searcher;
    private Weight weight;

    OneWeightOffsets(UHComponents components, IndexSearcher searcher) {
      super(components);
      this.searcher = searcher;
    }

    @Override
    protected void createOffsetsEnumsWeightMatcher(LeafReader segment, int doc, List<OffsetsEnum> results)
        throws IOException {
      if (weight == null) {
        weight = searcher.createWeight(searcher.rewrite(components.getQuery()), ScoreMode.COMPLETE_NO_SCORES, 1f);
      }
      Matches matches = weight.matches(leafOf(segment), doc);
      if (matches == null) {
        return;
      }
      for (String field : matches) {
        MatchesIterator inField = components.getFieldMatcher().test(field) ? matches.getMatches(field) : null;
        if (inField != null) {
          results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(inField));
        }
      }
    }

    /** The searcher's own context of the segment the highlighter hands over, which the weight was made for. */
    private LeafReaderContext leafOf(LeafReader segment) {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        if (leaf.reader() == segment) {
          return leaf;
        }
      }
      throw new IllegalStateException("segment not in the searcher's reader");
    }
  }

  private static FieldType withOffsets() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  /**
   * Escaped text with {@code <mark>} around each hit, the entry's lines joined by
   * {@value #LINE_BREAK}, and {@value #CUT} where a passage cuts into the text.
   */
  private static final class Marked extends PassageFormatter {
    @Override
    public String format(Passage[] passages, String content) {
      StringBuilder out = new StringBuilder();
      int end = 0;
      for (Passage passage : passages) {
        if (passage.getStartOffset() > end || (out.isEmpty() && passage.getStartOffset() > 0)) {
          out.append(out.isEmpty() ? CUT : " " + CUT + " ");
        }
        int at = passage.getStartOffset();
        for (int i = 0; i < passage.getNumMatches(); i++) {
          int matchStart = Math.max(at, passage.getMatchStarts()[i]);
          int matchEnd = Math.min(passage.getEndOffset(), passage.getMatchEnds()[i]);
          if (matchEnd <= matchStart) {
            continue;
          }
          out.append(plain(content, at, matchStart)).append("<mark>").append(plain(content, matchStart, matchEnd))
              .append("</mark>");
          at = matchEnd;
        }
        out.append(plain(content, at, passage.getEndOffset()));
        end = passage.getEndOffset();
      }
      if (end < content.length()) {
        out.append(CUT);
      }
      return out.toString().replace("</mark><mark>", "");
    }

    private static String plain(String content, int start, int end) {
      return escape(content.substring(start, end).replace("\n", LINE_BREAK));
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#x27;");
  }
}
