package yoriai.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dates of birth in 和暦 (昭和15年4月1日, S15.4.1, 令和元年…) and 西暦 (1940/4/1, 1940年4月1日,
 * 1940-04-01). A date counts only with birth context: followed by 生/生まれ or introduced by
 * 生年月日/誕生日; "2020年4月1日に転倒" is an event, not a birth date. A birth year with 生まれ is
 * reported too, because it gives the exact age that the age band is meant to hide.
 */
final class BirthDateDetector implements KindDetector {

  private static final String ERA = "(?:明治|大正|昭和|平成|令和)";
  private static final String SMALL_NUMBER = "(?:[0-9]{1,2}|[一二三四五六七八九十]+)";
  private static final String ERA_YEAR = ERA + "\\s*(?:元|" + SMALL_NUMBER + ")\\s*年";
  private static final String WESTERN_YEAR = "(?<![0-9])(?:18|19|20)[0-9]{2}\\s*年";
  private static final String ERA_DATE =
      ERA_YEAR + "\\s*" + SMALL_NUMBER + "\\s*月\\s*" + SMALL_NUMBER + "\\s*日";
  private static final String ERA_LETTER_DATE =
      "(?<![A-Za-z])[MTSHR]\\s?[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{1,2}(?![0-9])";
  private static final String WESTERN_DATE = "(?<![0-9])(?:18|19|20)[0-9]{2}\\s*"
      + "(?:年\\s*[0-9]{1,2}\\s*月\\s*[0-9]{1,2}\\s*日|[/.-][0-9]{1,2}[/.-][0-9]{1,2}(?![0-9]))";
  private static final String DATE = "(?:" + ERA_DATE + "|" + ERA_LETTER_DATE + "|" + WESTERN_DATE + ")";
  private static final String BORN = "\\s*(?:生まれ|生れ|生(?![活協徒産涯命]))";

  private static final Pattern DATE_THEN_BORN = Pattern.compile(DATE + BORN);
  private static final Pattern YEAR_THEN_BORN = Pattern.compile("(?:" + ERA_YEAR + "|" + WESTERN_YEAR + ")" + BORN);
  private static final Pattern LABEL_THEN_DATE =
      Pattern.compile("(?:生年月日|誕生日|出生日)\\s*(?:は|:)?\\s*(" + DATE + ")");

  @Override
  public List<Span> find(String folded) {
    List<Span> spans = new ArrayList<>();
    DATE_THEN_BORN.matcher(folded).results()
        .forEach(m -> spans.add(new Span(m.start(), m.end(), PiiKind.BIRTH_DATE)));
    YEAR_THEN_BORN.matcher(folded).results()
        .forEach(m -> spans.add(new Span(m.start(), m.end(), PiiKind.BIRTH_DATE)));
    LABEL_THEN_DATE.matcher(folded).results()
        .forEach(m -> spans.add(new Span(m.start(1), m.end(1), PiiKind.BIRTH_DATE)));
    return spans;
  }
}
