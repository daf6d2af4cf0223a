package yoriai.meeting;

import java.time.OffsetDateTime;

/**
 * An open meeting as an anonymous visitor sees it on the home page: nothing a listing of open
 * meetings does not already show every signed-in account, and not even all of that (no host, no
 * agenda ids, no call link, no summary).
 */
public record PublicMeeting(String id, String title, OffsetDateTime startsAt, String visibility, String state,
    int caseCount) {

  static PublicMeeting of(Meeting meeting) {
    return new PublicMeeting(meeting.id(), meeting.title(), meeting.startsAt(), meeting.visibility(),
        meeting.progress().state(), meeting.caseIds().size());
  }
}
