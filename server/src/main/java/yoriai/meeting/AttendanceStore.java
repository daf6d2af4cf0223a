package yoriai.meeting;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who was invited to a meeting (by normalized email: the right follows the address, so an account
 * made later with it has it too) and who registered for it (by account). Every write completes
 * once durable.
 */
interface AttendanceStore {
  /** Invites each of {@code emails} once; inviting an address again keeps the first invitation. */
  Future<Void> invite(String meetingId, Collection<String> emails, String invitedBy, Instant at);

  Future<Boolean> isInvited(String meetingId, String email);

  Future<List<String>> invitedEmails(String meetingId);

  /** The ids of the meetings {@code email} was invited to. */
  Future<Set<String>> meetingsInvitedTo(String email);

  /** True when this registered the account, false when it was registered already. */
  Future<Boolean> register(String meetingId, String accountId, Instant at);

  Future<Void> withdraw(String meetingId, String accountId);

  /** Of {@code meetingIds}, those {@code accountId} is registered for. */
  Future<Set<String>> registeredFor(String accountId, Collection<String> meetingIds);

  Future<List<String>> registeredAccounts(String meetingId);
}
