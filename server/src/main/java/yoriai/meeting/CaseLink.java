package yoriai.meeting;

import io.vertx.core.Future;
import java.util.List;
import yoriai.account.Account;

/**
 * What meetings need from case files. Contract: {@code schedule} fails when a case cannot be put on
 * a meeting by {@code host} (and nothing is created then); {@code markDiscussed} is called once
 * the meeting has durably closed.
 */
public interface CaseLink {
  Future<Void> schedule(List<String> caseIds, Account host);

  Future<Void> markDiscussed(List<String> caseIds, Account host);
}
