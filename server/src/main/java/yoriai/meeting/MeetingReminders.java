package yoriai.meeting;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import yoriai.account.Account;
import yoriai.notification.Notice;
import yoriai.notification.NoticeKind;
import yoriai.notification.Notifier;

/**
 * "The meeting starts within 24 hours": once per meeting, to every account invited to it or registered
 * for it and to its host. A check finds the meetings that start within the next 24 hours and are not
 * yet reminded, page by page ({@link ReminderStore}: a durable mark, claimed by one node at a time), so a restart
 * or a second node never reminds a meeting twice, and a meeting created less than a day ahead is
 * reminded at the next check.
 */
public final class MeetingReminders {
  private static final System.Logger LOG = System.getLogger(MeetingReminders.class.getName());
  static final Duration AHEAD = Duration.ofHours(24);
  /** How long a node may take to remind one meeting before another node may take over the rest. */
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final int MEETINGS_PER_PAGE = 200;

  private final MeetingStore meetings;
  private final AttendanceStore attendance;
  private final ReminderStore marks;
  private final AccountDirectory accounts;
  private final Notifier notifier;
  private final MeetingLinks links;
  private final Clock clock;
  private final int meetingsPerPage;

  MeetingReminders(MeetingStore meetings, AttendanceStore attendance, ReminderStore marks, AccountDirectory accounts,
      Notifier notifier, MeetingLinks links, Clock clock) {
    this(meetings, attendance, marks, accounts, notifier, links, clock, MEETINGS_PER_PAGE);
  }

  /** {@code meetingsPerPage}: how many due meetings are read at a time (tests make it small). */
  MeetingReminders(MeetingStore meetings, AttendanceStore attendance, ReminderStore marks, AccountDirectory accounts,
      Notifier notifier, MeetingLinks links, Clock clock, int meetingsPerPage) {
    this.meetings = meetings;
    this.attendance = attendance;
    this.marks = marks;
    this.accounts = accounts;
    this.notifier = notifier;
    this.links = links;
    this.clock = clock;
    this.meetingsPerPage = meetingsPerPage;
  }

  /** Checks every {@code period} from now on; the timer's id, to cancel it. */
  public long every(Vertx vertx, Duration period) {
    return vertx.setPeriodic(period.toMillis(), id -> remindDue().onFailure(e ->
        LOG.log(System.Logger.Level.WARNING, "meeting reminders not sent; the next check retries", e)));
  }

  /** Reminds every meeting due now; how many meetings this call reminded. */
  public Future<Integer> remindDue() {
    Instant now = clock.instant();
    return remindFrom(MeetingStore.Position.after(now), now, 0);
  }

  /** Every page of the meetings due, so those already reminded never crowd out the ones after them. */
  private Future<Integer> remindFrom(MeetingStore.Position from, Instant now, int remindedBefore) {
    return meetings.startingBetween(from, now.plus(AHEAD), meetingsPerPage).compose(page -> remindPage(page, now)
        .compose(reminded -> page.size() < meetingsPerPage ? Future.succeededFuture(remindedBefore + reminded)
            : remindFrom(MeetingStore.Position.of(page.get(page.size() - 1)), now, remindedBefore + reminded)));
  }

  private Future<Integer> remindPage(List<Meeting> due, Instant now) {
    return due.isEmpty()
        ? Future.succeededFuture(0)
        : marks.finished(due.stream().map(Meeting::id).toList()).compose(finished -> {
          Future<Integer> reminded = Future.succeededFuture(0);
          for (Meeting meeting : due) {
            if (!finished.contains(meeting.id())) {
              reminded = reminded.compose(count -> remind(meeting, now).map(done -> done ? count + 1 : count));
            }
          }
          return reminded;
        });
  }

  /** False when another check holds the meeting. */
  private Future<Boolean> remind(Meeting meeting, Instant now) {
    return marks.claim(meeting.id(), now, now.plus(LEASE)).compose(claim -> claim.isEmpty()
        ? Future.succeededFuture(false)
        : recipients(meeting).compose(recipients -> notifyAll(meeting, recipients, claim.get()))
            .compose(v -> marks.finish(meeting.id()))
            .map(true));
  }

  private Future<Void> notifyAll(Meeting meeting, List<Account> recipients, Set<String> alreadyReminded) {
    String room = links.room(meeting.id());
    String subject = MeetingLetters.reminderSubject(meeting.title(), meeting.startsAt().toInstant());
    String text = MeetingLetters.reminderText(meeting.title(), meeting.startsAt().toInstant(), meeting.plannedEnd(), room);
    return Future.all(recipients.stream()
        .filter(account -> !alreadyReminded.contains(account.id()))
        .map(account -> notifier.notify(new Notice(account.id(), account.email(), NoticeKind.MEETING_REMINDER, subject, text, room))
            .compose(v -> marks.reminded(meeting.id(), account.id())))
        .toList()).mapEmpty();
  }

  /** The invited accounts, the registered ones and the host, each once. */
  private Future<List<Account>> recipients(Meeting meeting) {
    Future<List<Account>> invited = attendance.invitedEmails(meeting.id()).compose(accounts::byEmails);
    Future<List<Account>> registeredOrHost = attendance.registeredAccounts(meeting.id())
        .compose(ids -> accounts.byIds(Stream.concat(ids.stream(), Stream.of(meeting.hostId())).distinct().toList()));
    return Future.all(invited, registeredOrHost).map(all -> {
      Map<String, Account> byId = new LinkedHashMap<>();
      Stream.concat(invited.result().stream(), registeredOrHost.result().stream()).forEach(a -> byId.putIfAbsent(a.id(), a));
      return List.copyOf(byId.values());
    });
  }
}
