package yoriai.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
      new ArchiveQueries(JapaneseSearchAnalyzer.forQuery(CareSynonyms.load()), new BigramAnalyzer());

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

  /**
   * What a person typed, a word or a sentence, as the archive reads it: its content words, of
   * which a document's {@code field} must share all for a short query and a growing share for a
   * sentence (any one when {@code relaxed}); a word also in a boosted field adds that field's
   * boost. Null for a blank text.
   */
  public Query text(String text, String field, Map<String, Float> boostedFields, boolean relaxed) {
    return queries.query(text, field, new ArchiveQueries.Weights(boostedFields, 0f, 0,
        ArchiveQueries.Weights.ARCHIVE.requiredShare()), relaxed);
  }

  /**
   * The words of what a person typed, as typed (買い物支援 → 買い物, 支援), particles dropped,
   * each once. A term written only in kana stays whole: Kuromoji cannot cut a reading.
   */
  public List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String term : ArchiveQueries.terms(text)) {
      if (!ArchiveQueries.hiraganaToKatakana(term).equals(term) || isKatakana(term)) {
        addOnce(words, term);
        continue;
      }
      try (TokenStream stream = splitter.tokenStream("", term)) {
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          addOnce(words, term.substring(offset.startOffset(), offset.endOffset()));
        }
        stream.end();
      } catch (IOException e) {
        throw new UncheckedIOException("analyzing a string does not fail", e);
      }
    }
    return words;
  }

  private static boolean isKatakana(String term) {
    return term.chars().allMatch(c -> (c >= 'ァ' && c <= 'ヶ') || c == 'ー');
  }

  private static void addOnce(List<String> words, String word) {
    if (!words.contains(word)) {
      words.add(word);
    }
  }
}
