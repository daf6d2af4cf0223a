package yoriai.account;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import yoriai.shared.Nullable;

/** Accounts and their sign-ins. Every returned future completes after the write is durable. */
interface AccountStore {
  /** A sign-in as stored (in the {@code sessions} collection, under its token's hash): whose it is and when it expires. */
  record StoredSignIn(String accountId, Instant expiresAt) {}

  /** Fails with a {@code conflict} Failure when the email is taken. */
  Future<Void> insert(StoredAccount account);

  Future<Optional<StoredAccount>> findByEmail(String email);

  Future<Optional<StoredAccount>> findById(String id);

  /** Every account, or those in {@code state}, in no particular order. */
  Future<List<Account>> list(@Nullable AccountState state);

  /** The active admins, whom a new sign-up is announced to. */
  Future<List<Account>> activeAdmins();

  /** Removes the account if it is still {@code unconfirmed}; false when it is not (or there is none). */
  Future<Boolean> deleteUnconfirmed(String accountId);

  /** The active accounts whose organization has this name, kind and prefecture. */
  Future<List<Account>> members(Organization organization);

  /** The active accounts among {@code ids}. */
  Future<List<Account>> enabled(Collection<String> ids);

  /** The organization with this id, as its accounts carry it ({@link Organization#identified}). */
  Future<Optional<Organization>> findOrganization(String id);

  /** Whether any account is stored, in any state. */
  Future<Boolean> anyAccount();

  /** Stores a sign-in and removes the account's expired ones. */
  Future<Void> insertSignIn(String tokenHash, String accountId, long expiresAtMillis, long nowMillis);

  /** A session that has not expired at {@code nowMillis}. */
  Future<Optional<StoredSignIn>> findSignIn(String tokenHash, long nowMillis);

  Future<Void> deleteSignIn(String tokenHash);

  Future<Void> deleteSignIns(String accountId);

  /**
   * Moves the account to {@code to} if it is in one of {@code from}, atomically (two admins acting at
   * once cannot both approve); false when it is not (or there is no such account). Disabling sets
   * {@code disabledAt}, any other move clears it.
   */
  Future<Boolean> changeState(String accountId, Set<AccountState> from, AccountState to, Instant at);

  /** Sets what an admin may change of an account; false when there is no such account. */
  Future<Boolean> update(String accountId, Role role, @Nullable String profession, String displayName);

  Future<Void> setPasswordHash(String accountId, String passwordHash);

  Future<Void> setShowCompanyName(String accountId, boolean show);

  /** Of {@code accountIds}, those that chose to be shown by their company's name. */
  Future<Set<String>> showingCompanyName(Collection<String> accountIds);

  /**
   * The name of every organization an active account an admin made belongs to (an admin typed each);
   * an organization a sign-up named is not among them, even once approved.
   */
  Future<Set<String>> organizationNames();
}
