package yoriai.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored meeting. Everything but {@code progress} is fixed at creation; {@code progress} is a
 * cache of what the event log says, kept for listing and repaired from the log when a room loads.
 * {@code caseIds} is the agenda, in order.
 * {@code callUrl}: the https link of the video call, or null.
 */
record Meeting(String id, String title, List<String> caseIds, String visibility, String hostId,
    OffsetDateTime startsAt, Map<String, Integer> phaseMinutes, int commentDaysBefore, int commentDaysAfter,
    Instant commentOpensAt, String inviteCode, Instant createdAt, Progress progress, String callUrl) {

  Meeting withProgress(Progress next) {
    return new Meeting(id, title, caseIds, visibility, hostId, startsAt, phaseMinutes, commentDaysBefore,
        commentDaysAfter, commentOpensAt, inviteCode, createdAt, next, callUrl);
  }

  /** When the meeting is planned to end: every timed phase of every case after its start. */
  Instant plannedEnd() {
    int minutes = phaseMinutes.values().stream().mapToInt(Integer::intValue).sum();
    return startsAt.toInstant().plus(Duration.ofMinutes((long) minutes * caseIds.size()));
  }

  /** The first case of the agenda (a meeting has one at least). */
  String firstCaseId() {
    return caseIds.get(0);
  }

  /**
   * {@code state} is scheduled → live → closed; {@code phase} is the phase of the case in focus
   * ({@code closed} once the meeting is), {@code summary} the first case's. {@code casePhases} has
   * the phase each case has reached (none before it is first in focus) and {@code summaries} each
   * case's summary; progress stored before the agenda has neither, nor {@code focusCaseId}.
   */
  record Progress(String state, String phase, Instant phaseEndsAt, Instant closedAt, Instant commentClosesAt,
      Summary summary, long seq, String focusCaseId, Map<String, String> casePhases, Map<String, Summary> summaries) {

    Progress {
      casePhases = ordered(casePhases);
      summaries = ordered(summaries);
    }

    Progress inPhase(String state, String phase, Instant phaseEndsAt, Instant closedAt, Instant commentClosesAt) {
      return new Progress(state, phase, phaseEndsAt, closedAt, commentClosesAt, summary, seq, focusCaseId, casePhases,
          summaries);
    }

    Progress withSummary(Summary firstCase) {
      return new Progress(state, phase, phaseEndsAt, closedAt, commentClosesAt, firstCase, seq, focusCaseId, casePhases,
          summaries);
    }

    Progress withAgenda(long atSeq, String focus, Map<String, String> phases, Map<String, Summary> caseSummaries) {
      return new Progress(state, phase, phaseEndsAt, closedAt, commentClosesAt, summary, atSeq, focus, phases,
          caseSummaries);
    }

    static Progress scheduled(String firstCaseId) {
      return new Progress("scheduled", null, null, null, null, null, 0, firstCaseId, null, null);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
      return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
  }
}
