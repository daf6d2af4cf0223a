package yoriai.archive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The everyday expressions of archive/paraphrases.txt and the care terms they name (ご飯を作る →
 * 調理), found in what a person typed. An expression is found when its words, analyzed as indexed
 * text is (base forms, particles dropped), stand in the typed term in order with at most
 * {@value #WORDS_BETWEEN} other words between them; a verb also counts in its potential form
 * (作れない is 作れる after the analyzer). Thread-safe.
 */
final class CareParaphrases {
  static final String RESOURCE = "/archive/paraphrases.txt";
  private static final int WORDS_BETWEEN = 2;
  /** The u-row endings of a dictionary-form verb and the e-row of its potential form (作る → 作れる). */
  private static final String DICTIONARY_ENDINGS = "うくぐすつぬぶむる";
  private static final String POTENTIAL_STEMS = "えけげせてねべめれ";

  /** One line of the file: the everyday expression and the care terms a case sheet writes for it. */
  record Paraphrase(String expression, List<String> careTerms) {}

  /** An expression found in a term: the offsets of its words there and the care terms it names. */
  record Found(List<int[]> spans, List<String> careTerms) {}

  private record Word(String text, int start, int end) {
    int[] span() {
      return new int[] {start, end};
    }
  }

  private record Analyzed(List<String> words, List<String> careTerms) {}

  private final Analyzer analyzer = JapaneseSearchAnalyzer.forIndex();
  private final List<Analyzed> expressions;

  private CareParaphrases(List<Paraphrase> paraphrases) {
    expressions = paraphrases.stream()
        .map(p -> new Analyzed(words(p.expression()).stream().map(Word::text).toList(), p.careTerms()))
        .toList();
    expressions.stream().filter(e -> e.words().isEmpty()).findFirst().ifPresent(e -> {
      throw new IllegalStateException("an expression of " + RESOURCE + " without words, for " + e.careTerms());
    });
  }

  static CareParaphrases load() {
    return new CareParaphrases(lines());
  }

  /** Every mapping of the file, in order; a line without {@code =>} is an error. */
  static List<Paraphrase> lines() {
    try (InputStream in = CareParaphrases.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      List<Paraphrase> paraphrases = new ArrayList<>();
      for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
        String mapping = line.strip();
        if (mapping.isEmpty() || mapping.startsWith("#")) {
          continue;
        }
        String[] sides = mapping.split("=>");
        if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
          throw new IllegalStateException("not `expression => care term` in " + RESOURCE + ": " + line);
        }
        paraphrases.add(new Paraphrase(sides[0].strip(),
            Arrays.stream(sides[1].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
      }
      return paraphrases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The everyday expressions in {@code term}, each with where its words stand. */
  List<Found> find(String term) {
    List<Word> typed = words(term);
    List<Found> found = new ArrayList<>();
    for (Analyzed expression : expressions) {
      for (int first = 0; first < typed.size(); first++) {
        List<int[]> spans = matchFrom(typed, first, expression.words());
        if (spans != null) {
          found.add(new Found(spans, expression.careTerms()));
          break;
        }
      }
    }
    return found;
  }

  /** The care terms named by the expressions among {@code found} that have a word between {@code start} and {@code end}. */
  static Set<String> careTermsAt(List<Found> found, int start, int end) {
    Set<String> careTerms = new LinkedHashSet<>();
    found.stream().filter(f -> f.spans().stream().anyMatch(span -> span[0] < end && start < span[1]))
        .forEach(f -> careTerms.addAll(f.careTerms()));
    return careTerms;
  }

  /** The spans of {@code words} in {@code typed}, the first at {@code first}, or null when they are not all there. */
  private static List<int[]> matchFrom(List<Word> typed, int first, List<String> words) {
    if (!sameWord(typed.get(first).text(), words.get(0))) {
      return null;
    }
    List<int[]> spans = new ArrayList<>();
    spans.add(typed.get(first).span());
    int last = first;
    for (String word : words.subList(1, words.size())) {
      int at = last + 1;
      int limit = Math.min(typed.size() - 1, last + 1 + WORDS_BETWEEN);
      while (at <= limit && !sameWord(typed.get(at).text(), word)) {
        at++;
      }
      if (at > limit) {
        return null;
      }
      spans.add(typed.get(at).span());
      last = at;
    }
    return spans;
  }

  private static boolean sameWord(String typed, String word) {
    return typed.equals(word) || typed.equals(potential(word));
  }

  /** 作る → 作れる, 歩く → 歩ける, 着る → 着れる; a word that does not end like a verb stays as it is. */
  static String potential(String word) {
    int ending = word.isEmpty() ? -1 : DICTIONARY_ENDINGS.indexOf(word.charAt(word.length() - 1));
    return ending < 0 ? word : word.substring(0, word.length() - 1) + POTENTIAL_STEMS.charAt(ending) + "る";
  }

  private List<Word> words(String text) {
    List<Word> words = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        words.add(new Word(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analyzing a string does not fail", e);
    }
    return words;
  }
}
