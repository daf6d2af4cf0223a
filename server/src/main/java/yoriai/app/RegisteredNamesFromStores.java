package yoriai.app;

import io.vertx.core.Future;
import java.util.HashSet;
import java.util.Set;
import yoriai.account.AccountService;
import yoriai.casefile.RegisteredNames;

/**
 * The names the platform registered: the organizations of the accounts, each entered by an admin.
 * Not catalog providers: any company account types those, and a provider named after a person
 * would then pass every PII check.
 */
final class RegisteredNamesFromStores implements RegisteredNames {
  private final Future<AccountService> accounts;

  RegisteredNamesFromStores(Future<AccountService> accounts) {
    this.accounts = accounts;
  }

  @Override
  public Future<Set<String>> all() {
    return accounts.compose(AccountService::organizationNames).map(organizations -> {
      Set<String> names = new HashSet<>(organizations);
      names.removeIf(name -> name == null || name.isBlank());
      return names;
    });
  }
}
