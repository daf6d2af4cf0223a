package yoriai.app;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import yoriai.account.Account;
import yoriai.account.AccountService;
import yoriai.meeting.AccountDirectory;

/** Lets meetings find the accounts they write to (invitations, reminders, the calendar's hosts). */
final class AccountsForMeetings implements AccountDirectory {
  private final AccountService accounts;

  AccountsForMeetings(AccountService accounts) {
    this.accounts = accounts;
  }

  @Override
  public Future<List<Account>> byEmails(Collection<String> emails) {
    return accounts.findByEmails(emails);
  }

  @Override
  public Future<List<Account>> byIds(Collection<String> ids) {
    return accounts.findByIds(ids);
  }
}
