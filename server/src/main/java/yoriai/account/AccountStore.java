package yoriai.account;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Accounts and login sessions. Every returned future completes after the write is durable. */
interface AccountStore {
  /** A session as stored: whose it is and when it expires. */
  record StoredSession(String accountId, Instant expiresAt) {}

  /** Fails with a {@code conflict} Failure when the email is taken. */
  Future<Void> insert(StoredAccount account);

  Future<Optional<StoredAccount>> findByEmail(String email);

  Future<Optional<StoredAccount>> findById(String id);

  Future<List<Account>> list();

  /** The organization with this id, as its accounts carry it ({@link Organization#identified}). */
  Future<Optional<Organization>> findOrganization(String id);

  Future<Long> count();

  Future<Void> insertSession(String tokenHash, String accountId, long expiresAtMillis);

  /** A session that has not expired at {@code nowMillis}. */
  Future<Optional<StoredSession>> findSession(String tokenHash, long nowMillis);

  Future<Void> deleteSession(String tokenHash);

  Future<Void> deleteSessions(String accountId);

  /** Marks the account disabled (once; a second call keeps the first time); false when there is no such account. */
  Future<Boolean> disable(String accountId, Instant at);

  Future<Void> setShowCompanyName(String accountId, boolean show);

  /** Of {@code accountIds}, those that chose to be shown by their company's name. */
  Future<Set<String>> showingCompanyName(Collection<String> accountIds);

  /** The name of every organization an account belongs to. */
  Future<Set<String>> organizationNames();
}
