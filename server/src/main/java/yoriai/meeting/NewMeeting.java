package yoriai.meeting;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import yoriai.shared.Ids;
import yoriai.shared.Validator;

/** The body of {@code POST /api/v1/meetings}. */
public record NewMeeting(String title, List<String> caseIds, String visibility, OffsetDateTime startsAt,
    Map<String, Integer> phaseMinutes, Integer commentDaysBefore, Integer commentDaysAfter) {

  /** About 30 minutes per case (PRODUCT §3). */
  static final Map<String, Integer> DEFAULT_MINUTES = Map.of(
      "presentation", 10, "questions", 5, "advice", 5, "proposals", 5, "summary", 5);

  void validate() {
    Validator v = new Validator().text("title", title, 1, 120)
        .required("caseIds", caseIds)
        .check(caseIds == null || (!caseIds.isEmpty() && caseIds.size() <= 20), "caseIds", "1 to 20 case ids")
        .required("visibility", visibility).oneOf("visibility", visibility, List.of("open", "invite"))
        .required("startsAt", startsAt)
        .check(commentDaysBefore == null || (commentDaysBefore >= 0 && commentDaysBefore <= 60), "commentDaysBefore", "0 to 60")
        .check(commentDaysAfter == null || (commentDaysAfter >= 0 && commentDaysAfter <= 60), "commentDaysAfter", "0 to 60");
    if (caseIds != null) {
      for (int i = 0; i < caseIds.size(); i++) {
        v.required("caseIds[" + i + "]", caseIds.get(i)).matches("caseIds[" + i + "]", caseIds.get(i), Ids.FORMAT, "a case id");
      }
    }
    if (phaseMinutes != null) {
      phaseMinutes.forEach((phase, minutes) -> v
          .check(Phase.TIMED.contains(phase), "phaseMinutes." + phase, "not a timed phase")
          .check(minutes != null && minutes >= 1 && minutes <= 240, "phaseMinutes." + phase, "1 to 240 minutes"));
    }
    v.orThrow();
  }

  Map<String, Integer> minutes() {
    Map<String, Integer> merged = new LinkedHashMap<>();
    for (String phase : Phase.TIMED) {
      merged.put(phase, phaseMinutes != null && phaseMinutes.containsKey(phase) ? phaseMinutes.get(phase) : DEFAULT_MINUTES.get(phase));
    }
    return merged;
  }
}
