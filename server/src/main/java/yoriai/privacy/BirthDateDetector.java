package yoriai.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dates of birth in 和暦 (昭和15年4月1日, S15.4.1, R2年1月5日, 令和元年…, 昭和十年の二月二日) and 西暦
 * (1940/4/1, 1940年4月1日, 1940-04-01, 一九四〇年), read on the {@link NumberView} so kanji digits
 * count. A date counts only with birth context: followed by 生/生まれ or introduced by
 * 生年月日/誕生日; "2020年4月1日に転倒" is an event, not a birth date. A birth year with 生まれ is
 * reported too, because it gives the exact age that the age band is meant to hide.
 */
final class BirthDateDetector implements KindDetector {

  private static final String SPACE = "\\s{0,3}+";
  private static final String ERA = "(?:明治|大正|昭和|平成|令和|(?<![A-Za-z])[MTSHR]\\.?+)";
  private static final String SMALL_NUMBER = "[0-9十]{1,3}+";
  private static final String ERA_YEAR = ERA + SPACE + "(?:元|" + SMALL_NUMBER + ")" + SPACE + "年";
  private static final String WESTERN_YEAR = "(?<![0-9])(?:西暦" + SPACE + ")?(?:18|19|20)[0-9]{2}" + SPACE + "年";
  private static final String THE = SPACE + "(?:の" + SPACE + ")?";
  private static final String MONTH_DAY = THE + SMALL_NUMBER + SPACE + "月" + THE + SMALL_NUMBER + SPACE + "日";
  private static final String ERA_LETTER_DATE =
      "(?<![A-Za-z])[MTSHR]\\.?+" + SPACE + "[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{1,2}(?![0-9])";
  private static final String WESTERN_DATE =
      "(?<![0-9])(?:18|19|20)[0-9]{2}[/.-][0-9]{1,2}[/.-][0-9]{1,2}(?![0-9])";
  private static final String DATE = "(?:" + ERA_YEAR + MONTH_DAY + "|" + WESTERN_YEAR + MONTH_DAY
      + "|" + ERA_LETTER_DATE + "|" + WESTERN_DATE + ")";
  private static final String BORN = SPACE + "(?:生まれ|生れ|生(?![活協徒産涯命]))";

  private static final Pattern DATE_THEN_BORN = Pattern.compile(DATE + BORN);
  private static final Pattern YEAR_THEN_BORN = Pattern.compile("(?:" + ERA_YEAR + "|" + WESTERN_YEAR + ")" + BORN);
  private static final Pattern LABEL_THEN_DATE =
      Pattern.compile("(?:生年月日|誕生日|出生日)" + SPACE + "(?:は|:|=)?+" + SPACE + "(" + DATE + ")");

  @Override
  public List<Span> find(String folded) {
    // every form needs 生 (生まれ, 生年月日, 誕生日, 出生日): no 生, no pass of the three patterns
    if (folded.indexOf('生') < 0) {
      return List.of();
    }
    String numbers = NumberView.of(folded);
    List<Span> spans = new ArrayList<>();
    DATE_THEN_BORN.matcher(numbers).results()
        .forEach(m -> spans.add(new Span(m.start(), m.end(), PiiKind.BIRTH_DATE)));
    YEAR_THEN_BORN.matcher(numbers).results()
        .forEach(m -> spans.add(new Span(m.start(), m.end(), PiiKind.BIRTH_DATE)));
    LABEL_THEN_DATE.matcher(numbers).results()
        .forEach(m -> spans.add(new Span(m.start(1), m.end(1), PiiKind.BIRTH_DATE)));
    return spans;
  }
}
