package yoriai.mail;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The mails waiting to go out and those that went. Every returned future completes after the write is durable. */
interface Outbox {
  /** False when a mail with its id is already there (nothing changes). */
  Future<Boolean> insert(OutboxMail mail);

  /**
   * A queued mail due at {@code nowMillis} that no node is sending, now claimed until
   * {@code claimedUntilMillis} so another node leaves it alone; empty when none is due.
   */
  Future<Optional<OutboxMail>> claimDue(long nowMillis, long claimedUntilMillis);

  Future<Void> markSent(String id, Instant at);

  /** Another attempt failed: the mail stays queued until {@code nextAttemptAtMillis}. */
  Future<Void> markFailed(String id, int attempts, long nextAttemptAtMillis, String error);

  /** Removes the sent mails queued before {@code createdBeforeMillis}; queued and kept ones stay. */
  Future<Void> pruneSent(long createdBeforeMillis);

  /** Newest first. */
  Future<List<OutboxMail>> list(int limit);
}
