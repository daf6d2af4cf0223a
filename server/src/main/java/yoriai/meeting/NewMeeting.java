package yoriai.meeting;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import yoriai.shared.Ids;
import yoriai.shared.MachineValue;
import yoriai.shared.Validator;

/**
 * The body of {@code POST /api/v1/meetings}. Its free texts ({@link yoriai.shared.PublicTexts}) are
 * checked for personal data before the meeting is stored; the components marked machine values are not.
 */
public record NewMeeting(String title,
    @MachineValue("case ids, validated against Ids.FORMAT") List<String> caseIds,
    @MachineValue("open or invite") String visibility,
    OffsetDateTime startsAt,
    @MachineValue("phase names validated against Phase.TIMED, each with its minutes") Map<String, Integer> phaseMinutes,
    Integer commentDaysBefore, Integer commentDaysAfter,
    @MachineValue("an https URL with a host, validated by isCallUrl; never published") String callUrl) {

  static final int MAX_CALL_URL = 500;
  static final int MAX_CASES = 20;
  static final int MAX_PHASE_MINUTES = 240;
  /** The longest a meeting may be planned to run: every timed phase at its most, for every case. */
  static final Duration LONGEST = Duration.ofMinutes((long) MAX_PHASE_MINUTES * Phase.TIMED.size() * MAX_CASES);

  /** About 30 minutes per case (PRODUCT §3). */
  static final Map<String, Integer> DEFAULT_MINUTES = Map.of(
      "presentation", 10, "questions", 5, "advice", 5, "proposals", 5, "summary", 5);

  void validate() {
    Validator v = new Validator().text("title", title, 1, 120)
        .required("caseIds", caseIds)
        .check(caseIds == null || (!caseIds.isEmpty() && caseIds.size() <= MAX_CASES), "caseIds", "1 to 20 case ids")
        .required("visibility", visibility).oneOf("visibility", visibility, List.of("open", "invite"))
        .required("startsAt", startsAt)
        .check(commentDaysBefore == null || (commentDaysBefore >= 0 && commentDaysBefore <= 60), "commentDaysBefore", "0 to 60")
        .check(commentDaysAfter == null || (commentDaysAfter >= 0 && commentDaysAfter <= 60), "commentDaysAfter", "0 to 60")
        .text("callUrl", callUrl, 0, MAX_CALL_URL)
        .check(callUrl == null || isCallUrl(callUrl), "callUrl", "an https:// URL with a host and no user name");
    if (caseIds != null) {
      for (int i = 0; i < caseIds.size(); i++) {
        v.required("caseIds[" + i + "]", caseIds.get(i)).matches("caseIds[" + i + "]", caseIds.get(i), Ids.FORMAT, "a case id");
      }
    }
    if (phaseMinutes != null) {
      phaseMinutes.forEach((phase, minutes) -> v
          .check(Phase.TIMED.contains(phase), "phaseMinutes." + phase, "not a timed phase")
          .check(minutes != null && minutes >= 1 && minutes <= MAX_PHASE_MINUTES, "phaseMinutes." + phase, "1 to 240 minutes"));
    }
    v.orThrow();
  }

  /**
   * An absolute {@code https} URL with a host. A user part is refused: in
   * {@code https://city.example@elsewhere.example} the host a reader trusts is not the one the browser opens.
   */
  private static boolean isCallUrl(String url) {
    try {
      URI uri = new URI(url);
      return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty()
          && uri.getRawUserInfo() == null;
    } catch (URISyntaxException notAUrl) {
      return false;
    }
  }

  Map<String, Integer> minutes() {
    Map<String, Integer> merged = new LinkedHashMap<>();
    for (String phase : Phase.TIMED) {
      merged.put(phase, phaseMinutes != null && phaseMinutes.containsKey(phase) ? phaseMinutes.get(phase) : DEFAULT_MINUTES.get(phase));
    }
    return merged;
  }
}
