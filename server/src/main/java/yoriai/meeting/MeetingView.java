package yoriai.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A meeting as {@code GET /api/v1/meetings/{id}} shows it; {@code inviteCode} only to the host,
 * {@code callUrl} to everyone who may see the meeting (they are the ones who may join the call).
 * {@code caseIds} is the agenda in order, {@code focusCaseId} the case in focus and {@code phase}
 * its phase; {@code casePhases} has the phase each case reached (none before it was first in focus),
 * {@code summaries} each case's summary, and {@code summary} stays the first case's. {@code registered}:
 * the viewer registered for it (false in listings).
 */
public record MeetingView(String id, String title, List<String> caseIds, String visibility, String hostId,
    OffsetDateTime startsAt, Map<String, Integer> phaseMinutes, int commentDaysBefore, int commentDaysAfter,
    String state, String phase, Instant phaseEndsAt, String inviteCode, Instant commentOpensAt, Instant closedAt,
    Instant commentClosesAt, Summary summary, long seq, Instant createdAt, String callUrl, String focusCaseId,
    Map<String, String> casePhases, Map<String, Summary> summaries, boolean registered) {

  /**
   * {@code showCall}: the call link goes to the readers of this one meeting, whose rights were
   * checked (a removed participant gets 403); a listing of every open meeting shows it only to the
   * host and admins, so a removed participant cannot read it there.
   */
  static MeetingView of(Meeting m, boolean showInvite, boolean showCall) {
    Meeting.Progress p = m.progress();
    Map<String, Summary> summaries = p.summaries();
    if (summaries.isEmpty() && p.summary() != null) {
      // progress stored before the agenda, listed before its room repaired it
      summaries = Map.of(m.firstCaseId(), p.summary());
    }
    return new MeetingView(m.id(), m.title(), m.caseIds(), m.visibility(), m.hostId(), m.startsAt(), m.phaseMinutes(),
        m.commentDaysBefore(), m.commentDaysAfter(), p.state(), p.phase(), p.phaseEndsAt(),
        showInvite ? m.inviteCode() : null, m.commentOpensAt(), p.closedAt(), p.commentClosesAt(), p.summary(),
        p.seq(), m.createdAt(), showCall ? m.callUrl() : null, p.focusCaseId() == null ? m.firstCaseId() : p.focusCaseId(),
        p.casePhases(), summaries, false);
  }

  MeetingView withRegistered(boolean viewerRegistered) {
    return new MeetingView(id, title, caseIds, visibility, hostId, startsAt, phaseMinutes, commentDaysBefore,
        commentDaysAfter, state, phase, phaseEndsAt, inviteCode, commentOpensAt, closedAt, commentClosesAt, summary, seq,
        createdAt, callUrl, focusCaseId, casePhases, summaries, viewerRegistered);
  }
}
