package yoriai.app;

import io.vertx.core.Future;
import java.util.Map;
import yoriai.account.Account;
import yoriai.casefile.CaseService;
import yoriai.meeting.PersonalDataCheck;

/** A meeting's texts get the same PII check as case sheets, with the same registered names allowed. */
final class PersonalDataCheckForMeetings implements PersonalDataCheck {
  private final CaseService cases;

  PersonalDataCheckForMeetings(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public Future<Void> requireClean(Map<String, String> textsByPath, Account author) {
    return cases.requireNoPersonalData(textsByPath, author.organization());
  }
}
