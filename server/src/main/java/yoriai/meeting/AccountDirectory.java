package yoriai.meeting;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import yoriai.account.Account;

/**
 * What meetings need to know of accounts to reach people: who has an address, and where to write
 * to an account. Contract: only accounts that may sign in now are returned (not disabled, not
 * waiting for approval); unknown addresses and ids are left out, in no particular order.
 */
public interface AccountDirectory {
  /** The accounts of these normalized addresses. */
  Future<List<Account>> byEmails(Collection<String> emails);

  Future<List<Account>> byIds(Collection<String> ids);
}
