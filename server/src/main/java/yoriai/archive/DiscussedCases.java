package yoriai.archive;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import yoriai.account.AccountService;
import yoriai.account.Role;
import yoriai.casefile.Case;
import yoriai.casefile.CaseService;
import yoriai.meeting.MeetingEvent;
import yoriai.meeting.MeetingService;
import yoriai.meeting.MeetingView;

/**
 * A meeting's cases as the archive shows them, read from its whole log: the one reading that
 * publishing (with its PII check) and the minutes share.
 */
final class DiscussedCases {
  private static final int EVENT_PAGE = 1000;

  private final MeetingService meetings;
  private final CaseService cases;
  private final AccountService accounts;
  private final Clock clock;

  DiscussedCases(MeetingService meetings, CaseService cases, AccountService accounts, Clock clock) {
    this.meetings = meetings;
    this.cases = cases;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** One case of the agenda with its entry. */
  record Discussed(Case source, ArchiveEntry entry) {}

  /** The meeting's log, the companies whose staff show their name, and each case of the agenda in order. */
  record Reading(List<MeetingEvent> log, Set<String> namedCompanies, List<Discussed> cases) {}

  /** For a meeting the caller was allowed to read already. */
  Future<Reading> read(MeetingView meeting) {
    return log(meeting.id(), 0, new ArrayList<>()).compose(log -> {
      Set<String> companyStaff = new LinkedHashSet<>();
      log.stream().filter(e -> e.actor() != null && e.actor().role() == Role.COMPANY)
          .forEach(e -> companyStaff.add(e.actor().accountId()));
      return accounts.showingCompanyName(companyStaff).compose(named ->
          Future.all(meeting.caseIds().stream().map(cases::findForMeeting).toList()).map(found -> {
            List<Discussed> discussed = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
              Case c = found.resultAt(i);
              discussed.add(new Discussed(c, Publication.entry(c, meeting, log, named, clock.instant())));
            }
            return new Reading(log, named, discussed);
          }));
    });
  }

  private Future<List<MeetingEvent>> log(String meetingId, long after, List<MeetingEvent> into) {
    return meetings.events(meetingId, after, EVENT_PAGE).compose(page -> {
      into.addAll(page);
      return page.size() < EVENT_PAGE ? Future.succeededFuture(into) : log(meetingId, page.get(page.size() - 1).seq(), into);
    });
  }
}
