package yoriai.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Personal names followed by an honorific (山田花子様, 佐藤さん, タナカさん, 鈴木氏, 翔太君, さくらちゃん).
 * The finding covers the name and the honorific. Not names: role words ({@link NotANameWords}) and
 * anonymization placeholders (Aさん, 〇〇さん, ●●様).
 */
final class PersonNameDetector implements KindDetector {

  private record Honorific(String text, String notFollowedBy, boolean allowsHiraganaName) {}

  private static final List<Honorific> HONORIFICS = List.of(
      // ちゃんと is the adverb "properly" far more often than a name followed by と
      new Honorific("ちゃん", "と", true),
      new Honorific("くん", "", true),
      // さんぽ, さんま and さんざん are words, not 〜さん
      new Honorific("さん", "ぽまざ", false),
      // 様子, 様々, 様式, 様相, 様態
      new Honorific("様", "子々式相態", false),
      // 氏名, 氏族
      new Honorific("氏", "名族", false),
      new Honorific("君", "", false),
      // 殿堂, 殿様
      new Honorific("殿", "堂様", false));

  private static final String KANJI_HONORIFICS = "様氏君殿";
  private static final int MAX_KANJI_NAME = 8;
  private static final int MAX_KATAKANA_NAME = 12;
  private static final int MIN_KATAKANA_NAME = 2;
  private static final int MIN_HIRAGANA_NAME = 2;
  private static final int MAX_HIRAGANA_NAME = 4;

  @Override
  public List<Span> find(String folded) {
    List<Span> spans = new ArrayList<>();
    for (int i = 1; i < folded.length(); i++) {
      for (Honorific honorific : HONORIFICS) {
        if (folded.startsWith(honorific.text(), i) && !followedByWordEnding(folded, i, honorific)) {
          int end = i + honorific.text().length();
          nameStart(folded, i, honorific).ifPresent(start -> spans.add(new Span(start, end, PiiKind.PERSON_NAME)));
        }
      }
    }
    return spans;
  }

  private static boolean followedByWordEnding(String folded, int at, Honorific honorific) {
    int next = at + honorific.text().length();
    return next < folded.length() && honorific.notFollowedBy().indexOf(folded.charAt(next)) >= 0;
  }

  private static Optional<Integer> nameStart(String folded, int honorificStart, Honorific honorific) {
    int before = folded.codePointBefore(honorificStart);
    if (isKanjiOfName(before)) {
      int start = JapaneseText.runStart(folded, honorificStart, MAX_KANJI_NAME, PersonNameDetector::isKanjiOfName);
      return NotANameWords.kanjiWord(folded.substring(start, honorificStart)) ? Optional.empty() : Optional.of(start);
    }
    if (JapaneseText.isKatakana(before)) {
      int start = JapaneseText.runStart(folded, honorificStart, MAX_KATAKANA_NAME, JapaneseText::isKatakana);
      String word = folded.substring(start, honorificStart);
      boolean name = word.length() >= MIN_KATAKANA_NAME && word.charAt(0) != 'ー' && !NotANameWords.katakanaWord(word);
      return name ? Optional.of(start) : Optional.empty();
    }
    if (JapaneseText.isHiragana(before) && honorific.allowsHiraganaName()) {
      return hiraganaNameStart(folded, honorificStart);
    }
    return Optional.empty();
  }

  /** A kanji honorific ends the previous name, so 神様仏様 is read as 神様 + 仏様. */
  private static boolean isKanjiOfName(int codePoint) {
    return JapaneseText.isKanji(codePoint) && KANJI_HONORIFICS.indexOf(codePoint) < 0;
  }

  /** Hiragana given names (さくらちゃん) are only recognised as a short run, or one after the particle の. */
  private static Optional<Integer> hiraganaNameStart(String folded, int honorificStart) {
    int start = JapaneseText.runStart(folded, honorificStart, MAX_HIRAGANA_NAME + 2, JapaneseText::isHiragana);
    if (folded.charAt(start) == 'の' && honorificStart - start > MIN_HIRAGANA_NAME) {
      start++;
    }
    String word = folded.substring(start, honorificStart);
    boolean isolated = start == 0 || !JapaneseText.isHiragana(folded.codePointBefore(start)) || folded.charAt(start - 1) == 'の';
    boolean name = isolated && word.length() >= MIN_HIRAGANA_NAME && word.length() <= MAX_HIRAGANA_NAME
        && !NotANameWords.hiraganaWord(word);
    return name ? Optional.of(start) : Optional.empty();
  }
}
