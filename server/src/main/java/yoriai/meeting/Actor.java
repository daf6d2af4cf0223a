package yoriai.meeting;

import yoriai.account.Account;
import yoriai.account.Organization;
import yoriai.account.Role;
import yoriai.shared.Nullable;

/** Who did something, as every participant may see it: a badge, never an email. */
public record Actor(String accountId, String displayName, Role role, @Nullable String profession,
    @Nullable Organization organization) {
  static Actor of(Account account) {
    return new Actor(account.id(), account.displayName(), account.role(), account.profession(), account.organization());
  }
}
