package yoriai.meeting;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import yoriai.account.Account;

/**
 * The open meetings to come as the public sees them: with the host's organization and its
 * prefecture (never a case's details), as JSON entries or as an iCalendar feed without call links
 * (those are for the meeting's readers).
 */
final class PublicCalendar {
  private final AttendanceStore attendance;
  private final AccountDirectory accounts;
  private final MeetingLinks links;
  private final Clock clock;

  PublicCalendar(AttendanceStore attendance, AccountDirectory accounts, MeetingLinks links, Clock clock) {
    this.attendance = attendance;
    this.accounts = accounts;
    this.links = links;
    this.clock = clock;
  }

  /** For a signed-in {@code reader} (else null) each entry also says whether it registered. */
  Future<List<CalendarEntry>> entries(List<Meeting> meetings, Account reader) {
    List<String> ids = meetings.stream().map(Meeting::id).toList();
    Future<List<Account>> hosts = accounts.byIds(meetings.stream().map(Meeting::hostId).distinct().toList());
    Future<Set<String>> registered = reader == null || ids.isEmpty() ? Future.succeededFuture(Set.of())
        : attendance.registeredFor(reader.id(), ids);
    return Future.all(hosts, registered).map(all -> {
      Map<String, Account> hostById = hosts.result().stream().collect(Collectors.toMap(Account::id, a -> a));
      return meetings.stream().map(m -> CalendarEntry.of(m, hostById.get(m.hostId()),
          reader == null ? null : registered.result().contains(m.id()))).toList();
    });
  }

  String feed(List<Meeting> meetings) {
    return MeetingCalendar.feed(meetings.stream().map(m -> links.event(m, false)).toList(), clock.instant());
  }
}
