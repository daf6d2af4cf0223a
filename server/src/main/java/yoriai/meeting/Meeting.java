package yoriai.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A stored meeting. Everything but {@code progress} is fixed at creation; {@code progress} is a
 * cache of what the event log says, kept for listing and repaired from the log when a room loads.
 * {@code callUrl}: the https link of the video call, or null.
 */
record Meeting(String id, String title, List<String> caseIds, String visibility, String hostId,
    OffsetDateTime startsAt, Map<String, Integer> phaseMinutes, int commentDaysBefore, int commentDaysAfter,
    Instant commentOpensAt, String inviteCode, Instant createdAt, Progress progress, String callUrl) {

  Meeting withProgress(Progress next) {
    return new Meeting(id, title, caseIds, visibility, hostId, startsAt, phaseMinutes, commentDaysBefore,
        commentDaysAfter, commentOpensAt, inviteCode, createdAt, next, callUrl);
  }

  /** {@code state} is scheduled → live → closed. */
  record Progress(String state, String phase, Instant phaseEndsAt, Instant closedAt, Instant commentClosesAt,
      Summary summary, long seq) {
    static final Progress SCHEDULED = new Progress("scheduled", null, null, null, null, null, 0);
  }
}
