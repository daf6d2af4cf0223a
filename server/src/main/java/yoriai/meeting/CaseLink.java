package yoriai.meeting;

import io.vertx.core.Future;
import java.util.List;
import yoriai.account.Account;

/**
 * What meetings need from case files. Contract: {@code schedule} fails when a case cannot be put on
 * a meeting by {@code host} (and nothing is created then); {@code markDiscussed} is called once
 * the meeting has durably closed; {@code sheets} reads the cases for a reader the meeting has
 * already admitted, so it checks no rights of its own.
 */
public interface CaseLink {
  Future<Void> schedule(List<String> caseIds, Account host);

  Future<Void> markDiscussed(List<String> caseIds, Account host);

  /** The cases of {@code caseIds} in that order, a case its owner withdrew left out. */
  Future<List<MeetingCase>> sheets(List<String> caseIds);
}
