package yoriai.app;

import io.vertx.core.Future;
import java.util.List;
import yoriai.account.Account;
import yoriai.account.Permission;
import yoriai.casefile.Case;
import yoriai.casefile.CaseService;
import yoriai.casefile.CaseState;
import yoriai.meeting.CaseLink;
import yoriai.meeting.MeetingCase;
import yoriai.shared.Failure;

/**
 * Connects meetings to case files: a host may put on a meeting only the cases of its own
 * organization (an admin any case); the case service enforces the lifecycle. Participants read a
 * case's sheet only, never the case around it; a withdrawn case is no longer shared.
 */
final class CaseFilesForMeetings implements CaseLink {
  private final CaseService cases;

  CaseFilesForMeetings(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public Future<Void> schedule(List<String> caseIds, Account host) {
    return Future.all(caseIds.stream().map(cases::findForMeeting).toList()).compose(found -> {
      for (int i = 0; i < found.size(); i++) {
        Case c = found.resultAt(i);
        if (!host.may(Permission.MODERATE_ANY_MEETING) && !c.ownedBy(host)) {
          return Future.failedFuture(Failure.forbidden("Case " + c.id() + " belongs to another organization"));
        }
      }
      return cases.markScheduled(caseIds, host).mapEmpty();
    });
  }

  @Override
  public Future<Void> markDiscussed(List<String> caseIds, Account host) {
    return cases.markDiscussed(caseIds, host).mapEmpty();
  }

  @Override
  public Future<List<MeetingCase>> sheets(List<String> caseIds) {
    return Future.all(caseIds.stream().map(cases::findForMeeting).toList()).map(found -> found.<Case>list().stream()
        .filter(c -> c.state() != CaseState.WITHDRAWN)
        .map(c -> new MeetingCase(c.id(), c.sheet()))
        .toList());
  }
}
