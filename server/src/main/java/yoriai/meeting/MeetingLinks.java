package yoriai.meeting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import yoriai.mail.Mailer;

/** The absolute links a mail or a calendar gives for a meeting, all under the server's public address. */
final class MeetingLinks {
  private final Mailer mailer;

  MeetingLinks(Mailer mailer) {
    this.mailer = mailer;
  }

  String room(String meetingId) {
    return mailer.link("/#/meetings/" + meetingId);
  }

  /** The sign-up page with the address filled in: the invitation follows the address once the account is approved. */
  String signUp(String email) {
    return mailer.link("/#/signup?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
  }

  /** The meeting as a calendar event; {@code withCall}: the reader may see the call link. */
  MeetingCalendar.Event event(Meeting meeting, boolean withCall) {
    String callUrl = withCall ? meeting.callUrl() : null;
    String room = room(meeting.id());
    return new MeetingCalendar.Event(meeting.id(), meeting.title(), meeting.startsAt().toInstant(), meeting.plannedEnd(),
        room, callUrl, MeetingLetters.calendarDescription(room, callUrl));
  }
}
