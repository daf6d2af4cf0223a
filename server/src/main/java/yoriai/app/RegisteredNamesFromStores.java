package yoriai.app;

import io.vertx.core.Future;
import java.util.HashSet;
import java.util.Set;
import yoriai.account.AccountService;
import yoriai.casefile.RegisteredNames;
import yoriai.catalog.CatalogService;

/** The names the platform registered: organizations from the accounts, providers from the catalog. */
final class RegisteredNamesFromStores implements RegisteredNames {
  private final Future<AccountService> accounts;
  private final Future<CatalogService> catalog;

  RegisteredNamesFromStores(Future<AccountService> accounts, Future<CatalogService> catalog) {
    this.accounts = accounts;
    this.catalog = catalog;
  }

  @Override
  public Future<Set<String>> all() {
    Future<Set<String>> organizations = accounts.compose(AccountService::organizationNames);
    Future<Set<String>> providers = catalog.compose(CatalogService::providerNames);
    return Future.all(organizations, providers).map(both -> {
      Set<String> names = new HashSet<>(organizations.result());
      names.addAll(providers.result());
      names.removeIf(name -> name == null || name.isBlank());
      return names;
    });
  }
}
