package yoriai.http.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import yoriai.casefile.Gender;
import yoriai.shared.Coded;

/**
 * How the codes of an archive entry read in Japanese, for everything that shows an entry to people:
 * the public pages, the workbooks and the CSV for people. An unknown code reads as sent.
 */
public final class Labels {
  /** The timed phases of a meeting in their order. */
  public static final List<String> PHASE_ORDER = List.of("presentation", "questions", "advice", "proposals", "summary");
  /** Messages posted outside the timed phases (the comment period before or after the meeting). */
  public static final String OUTSIDE_PHASES = "会議前後のコメント";
  private static final Map<String, String> PHASES = Map.of("presentation", "事例説明", "questions", "質疑応答",
      "advice", "各専門職からの助言", "proposals", "解決策の提案", "summary", "まとめ");
  private static final Map<String, String> PROPOSAL_TYPES = Map.of("market", "市場サービス", "mutual", "互助・インフォーマル",
      "public", "公的サービス", "hybrid", "組み合わせ");
  private static final Map<String, String> SUPPORT_KINDS = Map.of("formal", "公的サービス（フォーマル）",
      "informal", "インフォーマル（家族・近所・ボランティア）", "market", "市場サービス（民間企業）");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日").withZone(ZoneId.of("Asia/Tokyo"));

  private Labels() {}

  /** 事例説明 for {@code presentation}; {@link #OUTSIDE_PHASES} for none. */
  public static String phase(String code) {
    return code == null ? OUTSIDE_PHASES : PHASES.getOrDefault(code, code);
  }

  public static String proposalType(String code) {
    return code == null ? "" : PROPOSAL_TYPES.getOrDefault(code, code);
  }

  public static String supportKind(String code) {
    return code == null ? "" : SUPPORT_KINDS.getOrDefault(code, code);
  }

  public static String gender(String code) {
    return code == null ? "" : Coded.fromCode(Gender.class, code).map(gender -> switch (gender) {
      case FEMALE -> "女性";
      case MALE -> "男性";
      case OTHER -> "その他";
    }).orElse(code);
  }

  /** 80〜84歳 for {@code 80-84}, 100歳以上 for {@code 100+}. */
  public static String ageBand(String code) {
    if (code == null || code.isEmpty()) {
      return "";
    }
    return code.endsWith("+") ? code.substring(0, code.length() - 1) + "歳以上" : code.replace('-', '〜') + "歳";
  }

  /** 2026年12月2日, the day in Japan. */
  public static String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant);
  }
}
