package yoriai.meeting;

import java.time.OffsetDateTime;
import yoriai.account.Account;

/**
 * An open meeting on the public calendar ({@code GET /api/v1/meetings/public}): its title, when it
 * runs in Japan time, and the host's organization and prefecture, never a case's details.
 * {@code state} scheduled or live; {@code registered} only for a signed-in reader, else null.
 */
public record CalendarEntry(String id, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String prefecture,
    String hostOrganization, String state, Boolean registered) {

  /** {@code host}: null when the host's account is gone or disabled. */
  static CalendarEntry of(Meeting meeting, Account host, Boolean registered) {
    return new CalendarEntry(meeting.id(), meeting.title(), meeting.startsAt().atZoneSameInstant(MeetingCalendar.JAPAN)
        .toOffsetDateTime(), meeting.plannedEnd().atZone(MeetingCalendar.JAPAN).toOffsetDateTime(),
        host == null ? null : host.organization().prefecture(), host == null ? null : host.organization().name(),
        meeting.progress().state(), registered);
  }
}
