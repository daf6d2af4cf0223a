package yoriai.account;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import yoriai.notification.NoticeKind;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.Nullable;
import yoriai.shared.Prefectures;
import yoriai.shared.Validator;

/** What an admin does with accounts: make them, approve or reject sign-ups, change, disable and enable them. */
public final class AccountAdministration {
  private final AccountStore store;
  private final Registration registration;
  private final Sessions sessions;
  private final PasswordResets passwords;
  private final AccountMail mail;
  private final Clock clock;

  AccountAdministration(AccountStore store, Registration registration, Sessions sessions, PasswordResets passwords,
      AccountMail mail, Clock clock) {
    this.store = store;
    this.registration = registration;
    this.sessions = sessions;
    this.passwords = passwords;
    this.mail = mail;
    this.clock = clock;
  }

  /** An active account; without a password, its owner is mailed a link to set one. */
  public Future<Account> create(NewAccount request) {
    return registration.register(request, AccountState.ACTIVE)
        .compose(account -> request.password() != null ? Future.succeededFuture(account)
            : passwords.invite(account).map(account));
  }

  /** Every account, or those in {@code state}; newest first. */
  public Future<List<Account>> list(@Nullable AccountState state) {
    return store.list(state).map(accounts -> accounts.stream()
        .sorted(Comparator.comparing(Account::createdAt).reversed().thenComparing(Account::email)).toList());
  }

  /** Every organization an account belongs to, by prefecture (north to south) then name. */
  public Future<List<OrganizationSummary>> organizations() {
    return store.list(null).map(accounts -> {
      Map<String, List<Organization>> byId = accounts.stream().map(Account::organization)
          .collect(Collectors.groupingBy(Organization::id));
      return byId.values().stream()
          .map(members -> {
            Organization o = members.get(0);
            return new OrganizationSummary(o.id(), o.name(), o.kind(), o.prefecture(), members.size());
          })
          .sorted(Comparator.<OrganizationSummary>comparingInt(o -> Prefectures.NAMES.indexOf(o.prefecture()))
              .thenComparing(OrganizationSummary::name).thenComparing(OrganizationSummary::id))
          .toList();
    });
  }

  public Future<Account> approve(String accountId) {
    return move(accountId, EnumSet.of(AccountState.PENDING), AccountState.ACTIVE).compose(account -> {
      Letters letter = Letters.approved(account.displayName());
      return mail.notify(account, NoticeKind.SIGNUP_APPROVED, letter, mail.link("/#/login")).map(account);
    });
  }

  public Future<Account> reject(String accountId, @Nullable String reason) {
    new Validator().text("reason", reason, 0, 1000).orThrow();
    return move(accountId, EnumSet.of(AccountState.PENDING), AccountState.REJECTED).compose(account -> {
      return mail.send(account.email(), Letters.rejected(account.displayName(), reason)).map(account);
    });
  }

  /** Disables an account: its sessions end everywhere and it can no longer sign in. */
  public Future<Void> disable(Account by, String accountId) {
    if (by.id().equals(accountId)) {
      return Future.failedFuture(new Failure(FailureKind.CONFLICT, "invalid_state", "You cannot disable your own account"));
    }
    return move(accountId, EnumSet.of(AccountState.ACTIVE, AccountState.DISABLED), AccountState.DISABLED)
        .compose(account -> sessions.endAll(accountId));
  }

  public Future<Account> enable(String accountId) {
    return move(accountId, EnumSet.of(AccountState.DISABLED, AccountState.ACTIVE), AccountState.ACTIVE);
  }

  /** Mails a fresh link to set the password; the older link stops working. */
  public Future<Void> resendInvitation(String accountId) {
    return existing(accountId).compose(stored -> stored.currentState() == AccountState.ACTIVE
        ? passwords.invite(stored.account()) : Future.failedFuture(invalidState(stored.currentState())));
  }

  /**
   * Changes role, profession or name under the rules of creation. A new role ends the account's
   * sessions, so no open page or socket keeps acting with the old one; nobody changes their own role.
   */
  public Future<Account> change(Account by, String accountId, AccountChange change) {
    return existing(accountId).compose(stored -> {
      Account current = stored.account();
      Role role = change.role() != null ? change.role() : current.role();
      String profession = change.profession() != null ? change.profession() : current.profession();
      String displayName = change.displayName() != null ? change.displayName().strip() : current.displayName();
      boolean newRole = role != current.role();
      if (newRole && by.id().equals(accountId)) {
        return Future.failedFuture(new Failure(FailureKind.CONFLICT, "invalid_state", "You cannot change your own role"));
      }
      Validator v = new Validator().text("displayName", displayName, 1, 100);
      NewAccount.fitsRole(v, role, current.organization(), profession);
      v.orThrow();
      return store.update(accountId, role, profession, displayName)
          .compose(v2 -> newRole ? sessions.endAll(accountId) : Future.succeededFuture())
          .compose(ended -> existing(accountId)).map(StoredAccount::account);
    });
  }

  private Future<Account> move(String accountId, Set<AccountState> from, AccountState to) {
    return store.changeState(accountId, from, to, clock.instant()).compose(moved -> existing(accountId)
        .compose(stored -> moved ? Future.succeededFuture(stored.account())
            : Future.failedFuture(invalidState(stored.currentState()))));
  }

  private Future<StoredAccount> existing(String accountId) {
    return store.findById(accountId).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(Failure.notFound("Account"))));
  }

  private static Failure invalidState(AccountState state) {
    return new Failure(FailureKind.CONFLICT, "invalid_state", "The account is " + state.code(),
        List.of(new StateDetail(state)));
  }
}
