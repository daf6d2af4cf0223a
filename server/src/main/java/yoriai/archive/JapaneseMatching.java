package yoriai.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.Query;

/**
 * The archive's Japanese text analysis for another feature's own index (the catalog): the same
 * normalization, okurigana, Kuromoji, kana folding, character bigrams and care synonyms, so a word
 * reads the same in every search. Thread-safe.
 */
public final class JapaneseMatching {
  private final Analyzer indexAnalyzer = new FieldAnalyzer(JapaneseSearchAnalyzer.forIndex(), new BigramAnalyzer());
  private final Analyzer splitter = JapaneseSearchAnalyzer.forIndex();
  private final ArchiveQueries queries =
      new ArchiveQueries(JapaneseSearchAnalyzer.forQuery(CareSynonyms.load()), new BigramAnalyzer(),
      CareParaphrases.load());

  /** The analyzer an index writer needs for fields added by {@link #addText}. */
  public Analyzer indexAnalyzer() {
    return indexAnalyzer;
  }

  /** Adds {@code text} to {@code field} so that {@link #match} finds it. */
  public void addText(Document doc, String field, String text) {
    if (text != null && !text.isBlank()) {
      ArchiveDocuments.addText(doc, field, List.of(text));
    }
  }

  /** Documents whose {@code field} holds {@code word}, as the archive matches one term. */
  public Query match(String field, String word) {
    return queries.match(field, word);
  }

  /** What a person typed, NFKC-normalized and split where whitespace separates terms, as the archive splits it. */
  public List<String> terms(String text) {
    return ArchiveQueries.terms(text);
  }

  /**
   * True when {@code text} has more content words than the archive requires every one of: the
   * catalog reads it as a sentence ({@link #sentence}) rather than term by term.
   */
  public boolean hasMoreWordsThanAllRequired(String text) {
    return queries.contentWords(text).size() > ArchiveQueries.ALL_REQUIRED_UP_TO;
  }

  /**
   * A sentence as the archive reads it: documents whose {@code field} shares a share of its
   * content words that grows with its length; a word also in a boosted field adds that field's
   * boost. Null for a blank text.
   */
  public Query sentence(String text, String field, Map<String, Float> boostedFields) {
    ArchiveQueries.Weights archive = ArchiveQueries.Weights.ARCHIVE;
    return queries.query(text, field,
        new ArchiveQueries.Weights(boostedFields, 0f, 0, archive.requiredShare(), archive.paraphrase()), false);
  }

  /**
   * The words of one term as typed (買い物支援 → 買い物, 支援), particles dropped, each once. A
   * term written only in kana stays whole: Kuromoji cannot cut a reading.
   */
  public List<String> words(String term) {
    if (ArchiveQueries.isKana(term)) {
      return List.of(term);
    }
    Set<String> words = new LinkedHashSet<>();
    try (TokenStream stream = splitter.tokenStream("", term)) {
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        words.add(term.substring(offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analyzing a string does not fail", e);
    }
    return List.copyOf(words);
  }
}
