package yoriai.meeting;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words of the mails about a meeting: Japanese first, then English below a line {@code ---}.
 * They name only the meeting's title, its time in Japan time and links, never a case's text.
 */
final class MeetingLetters {
  private static final DateTimeFormatter DAY_JA = DateTimeFormatter.ofPattern("uuuu年M月d日(E) H:mm", Locale.JAPANESE);
  private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEE d MMM uuuu, H:mm", Locale.ENGLISH);
  private static final DateTimeFormatter START_JA = DateTimeFormatter.ofPattern("M月d日(E) H:mm", Locale.JAPANESE);
  private static final DateTimeFormatter START_EN = DateTimeFormatter.ofPattern("EEE d MMM, H:mm", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

  /** {@code signUpLink}: for an address with no account yet, else null. {@code callUrl}: null when none. */
  record Invitation(String title, Instant startsAt, Instant endsAt, String hostOrganization, String roomLink,
      String callUrl, String signUpLink) {}

  private MeetingLetters() {}

  static String invitationSubject(String title) {
    return "会議へのご招待: " + title + " / Invitation: " + title;
  }

  static String invitationText(Invitation invitation) {
    StringBuilder ja = new StringBuilder()
        .append(invitation.hostOrganization()).append(" から、Yoriai の会議「").append(invitation.title())
        .append("」に招待されました。\n\n日時: ").append(whenJa(invitation.startsAt(), invitation.endsAt())).append("\n");
    StringBuilder en = new StringBuilder()
        .append(invitation.hostOrganization()).append(" invites you to the Yoriai meeting \"").append(invitation.title())
        .append("\".\n\nWhen: ").append(whenEn(invitation.startsAt(), invitation.endsAt())).append("\n");
    if (invitation.signUpLink() != null) {
      ja.append("\nまだ Yoriai のアカウントがありません。このアドレスで登録してください(管理者の承認後に参加できます):\n")
          .append(invitation.signUpLink()).append("\n\n承認後の会議室: ").append(invitation.roomLink()).append("\n");
      en.append("\nThis address has no Yoriai account yet. Sign up with it (you can join once an administrator approves):\n")
          .append(invitation.signUpLink()).append("\n\nThe meeting room, after approval: ").append(invitation.roomLink()).append("\n");
    } else {
      ja.append("会議室: ").append(invitation.roomLink()).append("\n");
      en.append("Meeting room: ").append(invitation.roomLink()).append("\n");
    }
    if (invitation.callUrl() != null) {
      ja.append("ビデオ通話: ").append(invitation.callUrl()).append("\n");
      en.append("Video call: ").append(invitation.callUrl()).append("\n");
    }
    ja.append("\n添付の meeting.ics を開くと予定表に追加できます。\n");
    en.append("\nOpen the attached meeting.ics to add it to your calendar.\n");
    return ja + "\n---\n\n" + en;
  }

  /** "Within": a meeting made less than a day ahead is reminded at once; the start says how soon. */
  static String reminderSubject(String title, Instant startsAt) {
    return "24時間以内に会議が始まります（" + START_JA.format(startsAt.atZone(MeetingCalendar.JAPAN)) + " 開始）: " + title
        + " / Starts within 24 hours (" + START_EN.format(startsAt.atZone(MeetingCalendar.JAPAN)) + " Japan time): " + title;
  }

  static String reminderText(String title, Instant startsAt, Instant endsAt, String roomLink) {
    return "会議「" + title + "」は24時間以内に始まります。\n\n日時: " + whenJa(startsAt, endsAt) + "\n会議室: " + roomLink
        + "\n\n---\n\nThe meeting \"" + title + "\" starts within 24 hours.\n\nWhen: " + whenEn(startsAt, endsAt)
        + "\nMeeting room: " + roomLink + "\n";
  }

  /** Also the DESCRIPTION of the meeting's calendar event. */
  static String calendarDescription(String roomLink, String callUrl) {
    return "Yoriai 会議室 / Meeting room: " + roomLink
        + (callUrl == null ? "" : "\nビデオ通話 / Video call: " + callUrl);
  }

  private static String whenJa(Instant startsAt, Instant endsAt) {
    return DAY_JA.format(startsAt.atZone(MeetingCalendar.JAPAN)) + "〜" + TIME.format(endsAt.atZone(MeetingCalendar.JAPAN))
        + " (日本時間)";
  }

  private static String whenEn(Instant startsAt, Instant endsAt) {
    return DAY_EN.format(startsAt.atZone(MeetingCalendar.JAPAN)) + "–" + TIME.format(endsAt.atZone(MeetingCalendar.JAPAN))
        + " (Japan time)";
  }
}
