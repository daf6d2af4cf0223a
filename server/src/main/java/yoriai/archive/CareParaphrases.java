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
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The everyday expressions of archive/paraphrases.txt and the care terms they name (ご飯を作る →
 * 調理), found in what a person typed. An expression is found when its words, analyzed as indexed
 * text is (base forms, particles dropped), stand in the typed term in order, inside one clause, with
 * at most {@value #WORDS_BETWEEN} other words between them; a verb of {@link #POTENTIAL_FORMS} also
 * counts in its potential form (作れない is 作れる after the analyzer). Thread-safe.
 */
final class CareParaphrases {
  static final String RESOURCE = "/archive/paraphrases.txt";
  private static final int WORDS_BETWEEN = 2;
  /**
   * The potential form of each godan verb of the file whose "cannot" is what a coordinator writes
   * (作れない, 歩けない), reviewed one by one: Kuromoji reads a godan potential as a verb of its own.
   * Left out: verbs whose potential is another word (売る → 売れる "sells", つかる → 疲れる by sound,
   * 聞く, 来る, する) or that nobody says they cannot (転ぶ, 散らかる, 余る). Ichidan verbs need no
   * entry: the analyzer already reads 食べられない as 食べる.
   */
  static final Map<String, String> POTENTIAL_FORMS = Map.ofEntries(
      Map.entry("作る", "作れる"), Map.entry("立つ", "立てる"), Map.entry("使う", "使える"), Map.entry("噛む", "噛める"),
      Map.entry("拭く", "拭ける"), Map.entry("洗う", "洗える"), Map.entry("干す", "干せる"), Map.entry("たたむ", "たためる"),
      Map.entry("運ぶ", "運べる"), Map.entry("買う", "買える"), Map.entry("行く", "行ける"), Map.entry("持ち帰る", "持ち帰れる"),
      Map.entry("持つ", "持てる"), Map.entry("帰る", "帰れる"), Map.entry("乗る", "乗れる"), Map.entry("歩く", "歩ける"),
      Map.entry("通う", "通える"), Map.entry("下ろす", "下ろせる"), Map.entry("引き出す", "引き出せる"), Map.entry("払う", "払える"),
      Map.entry("飲む", "飲める"), Map.entry("またぐ", "またげる"), Map.entry("足す", "足せる"), Map.entry("剃る", "剃れる"),
      Map.entry("磨く", "磨ける"), Map.entry("とかす", "とかせる"), Map.entry("切る", "切れる"), Map.entry("脱ぐ", "脱げる"),
      Map.entry("はく", "はける"), Map.entry("押す", "押せる"), Map.entry("話す", "話せる"), Map.entry("会う", "会える"),
      Map.entry("頼む", "頼める"), Map.entry("送る", "送れる"), Map.entry("もらう", "もらえる"),
      Map.entry("なくす", "なくせる"), Map.entry("直す", "直せる"), Map.entry("眠る", "眠れる"));
  /** Parts of speech that end a clause: punctuation and symbols, and the particles joining clauses (着て, 飲んで, けど). */
  private static final List<String> CLAUSE_ENDS = List.of("記号", "助詞-接続助詞");

  /** One line of the file: the everyday expression and the care terms a case sheet writes for it. */
  record Paraphrase(String expression, List<String> careTerms) {}

  /** An expression found in a term: the offsets of its words there and the care terms it names. */
  record Found(List<int[]> spans, List<String> careTerms) {}

  private record Word(String text, int start, int end) {
    int[] span() {
      return new int[] {start, end};
    }
  }

  /** An expression's words, its care terms, and how many clause ends its own text has between its words (連れて行く: 1). */
  private record Analyzed(List<String> words, List<String> careTerms, long clauseEnds) {}

  private final Analyzer analyzer = JapaneseSearchAnalyzer.forIndex();
  private final Analyzer clauses = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      return new TokenStreamComponents(new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL));
    }
  };
  private final List<Analyzed> expressions;

  /** The expressions of {@code paraphrases}; {@link #load} reads the file's. */
  CareParaphrases(List<Paraphrase> paraphrases) {
    expressions = paraphrases.stream().map(p -> {
      List<Word> words = words(p.expression());
      long clauseEnds = words.isEmpty() ? 0 : clauseEnds(p.expression()).stream()
          .filter(at -> at >= words.get(0).end() && at < words.get(words.size() - 1).start()).count();
      return new Analyzed(words.stream().map(Word::text).toList(), p.careTerms(), clauseEnds);
    }).toList();
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
    if (typed.isEmpty()) {
      return List.of();
    }
    // the second Kuromoji pass only when some expression of several words is there to check
    Supplier<List<Integer>> clauseEnds = new Supplier<>() {
      private List<Integer> ends;

      @Override
      public List<Integer> get() {
        if (ends == null) {
          ends = clauseEnds(term);
        }
        return ends;
      }
    };
    List<Found> found = new ArrayList<>();
    for (Analyzed expression : expressions) {
      for (int first = 0; first < typed.size(); first++) {
        List<int[]> spans = matchFrom(typed, first, expression, clauseEnds);
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

  /**
   * The spans of the expression's words in {@code typed}, the first at {@code first}, with no more
   * clause ends between them than the expression has itself, or null when they are not all there.
   */
  private static List<int[]> matchFrom(List<Word> typed, int first, Analyzed expression, Supplier<List<Integer>> clauseEnds) {
    List<String> words = expression.words();
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
    if (last == first) {
      return spans;
    }
    int from = typed.get(first).end();
    int to = typed.get(last).start();
    return clauseEnds.get().stream().filter(at -> at >= from && at < to).count() > expression.clauseEnds() ? null : spans;
  }

  private static boolean sameWord(String typed, String word) {
    return typed.equals(word) || typed.equals(POTENTIAL_FORMS.get(word));
  }

  /** Where a clause ends in {@code text}: the start of each punctuation mark or clause-joining particle. */
  private List<Integer> clauseEnds(String text) {
    List<Integer> ends = new ArrayList<>();
    try (TokenStream stream = clauses.tokenStream("", text)) {
      PartOfSpeechAttribute partOfSpeech = stream.addAttribute(PartOfSpeechAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String tag = partOfSpeech.getPartOfSpeech();
        if (tag != null && CLAUSE_ENDS.stream().anyMatch(tag::startsWith)) {
          ends.add(offset.startOffset());
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analyzing a string does not fail", e);
    }
    return ends;
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
