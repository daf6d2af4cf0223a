package yoriai.meeting;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import yoriai.account.Account;
import yoriai.mail.Mail;
import yoriai.mail.Mailer;
import yoriai.mail.MailAttachment;

/**
 * Invitations by address. Each address is stored first (that is the right to read and join, for the
 * account that has the address now or gets it later), then each gets a mail with the meeting as an
 * iCalendar attachment: an account the room link, an unknown address a sign-up link as well.
 */
final class Invitations {
  private final AttendanceStore attendance;
  private final AccountDirectory accounts;
  private final Mailer mailer;
  private final MeetingLinks links;
  private final Clock clock;

  Invitations(AttendanceStore attendance, AccountDirectory accounts, Mailer mailer, Clock clock) {
    this.attendance = attendance;
    this.accounts = accounts;
    this.mailer = mailer;
    this.links = new MeetingLinks(mailer);
    this.clock = clock;
  }

  /** The number of distinct addresses invited, once every invitation is stored and every mail queued. */
  Future<Integer> invite(Meeting meeting, Account host, Set<String> addresses) {
    return attendance.invite(meeting.id(), addresses, host.id(), clock.instant())
        .compose(v -> accounts.byEmails(addresses))
        .compose(known -> {
          Set<String> withAccount = known.stream().map(Account::email).collect(Collectors.toSet());
          return Future.all(addresses.stream()
              .map(address -> mailer.send(mail(meeting, host, address, withAccount.contains(address))))
              .toList());
        })
        .map(sent -> addresses.size());
  }

  Future<Boolean> isInvited(String meetingId, Account account) {
    return attendance.isInvited(meetingId, account.email());
  }

  private Mail mail(Meeting meeting, Account host, String address, boolean hasAccount) {
    MeetingCalendar.Sender organizer = new MeetingCalendar.Sender(mailer.senderAddress(), host.organization().name());
    MailAttachment calendar = new MailAttachment("meeting.ics", MeetingCalendar.INVITATION_TYPE,
        MeetingCalendar.invitation(links.event(meeting, true), organizer, address, clock.instant())
            .getBytes(StandardCharsets.UTF_8));
    MeetingLetters.Invitation invitation = new MeetingLetters.Invitation(meeting.title(), meeting.startsAt().toInstant(),
        meeting.plannedEnd(), host.organization().name(), links.room(meeting.id()), meeting.callUrl(),
        hasAccount ? null : links.signUp(address));
    return new Mail(address, MeetingLetters.invitationSubject(meeting.title()), MeetingLetters.invitationText(invitation),
        List.of(calendar));
  }
}
