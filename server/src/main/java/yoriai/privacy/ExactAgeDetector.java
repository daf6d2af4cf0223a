package yoriai.privacy;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Exact ages (83歳, 八十三歳, 満83才), which a case file must replace with a band. An age that is
 * part of a range, threshold or approximation is not exact: 80-84歳, 80〜84歳, 65歳以上, 75歳未満,
 * 80歳代, 90歳を超え, 80歳を過ぎ, 80歳前後, 約80歳; nor is the 100歳体操 exercise programme. An exact age at a
 * past event (40歳の時) is still reported: with the event's date it gives the birth year.
 */
final class ExactAgeDetector implements KindDetector {

  private static final Pattern AGE = Pattern.compile(
      "(?<![0-9一二三四五六七八九十百千万])(?:満\\s{0,3}+)?(?:[0-9]{1,3}|[一二三四五六七八九十百]++)\\s{0,3}+[歳才]");
  private static final List<String> NOT_EXACT_AFTER = List.of(
      "以上", "以下", "未満", "超", "を超", "代", "台", "~", "-", "から", "まで", "前後", "くらい", "ぐらい",
      "位", "程度", "頃", "近く", "以降", "を過ぎ", "過ぎ", "体操");
  private static final int CONTEXT = 6;
  private static final List<String> NOT_EXACT_BEFORE = List.of("~", "-", "から", "約", "およそ", "推定");

  @Override
  public List<Span> find(String folded) {
    // the search tries its look-behind at every character; a text without 歳 or 才 cannot match
    if (folded.indexOf('歳') < 0 && folded.indexOf('才') < 0) {
      return List.of();
    }
    return AGE.matcher(folded).results()
        .filter(m -> isExact(folded, m))
        .map(m -> new Span(m.start(), m.end(), PiiKind.EXACT_AGE))
        .toList();
  }

  private static boolean isExact(String folded, MatchResult m) {
    String after = folded.substring(m.end(), Math.min(folded.length(), m.end() + CONTEXT)).stripLeading();
    String before = folded.substring(Math.max(0, m.start() - CONTEXT), m.start()).stripTrailing();
    return NOT_EXACT_AFTER.stream().noneMatch(after::startsWith)
        && NOT_EXACT_BEFORE.stream().noneMatch(before::endsWith);
  }
}
