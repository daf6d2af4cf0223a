package yoriai.meeting;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The durable mark that a meeting's reminder went out, shared by every node. A node claims a
 * meeting for a lease; only one node holds an unexpired claim, so two nodes never remind at once.
 * Each recipient is marked after their notice is stored, so a node that dies mid-way leaves the
 * rest to whoever claims the meeting after the lease: at most the one notice in flight is repeated.
 */
interface ReminderStore {
  /** Of {@code meetingIds}, those whose reminder is finished. */
  Future<Set<String>> finished(Collection<String> meetingIds);

  /** The accounts already reminded, when this node now holds the claim until {@code leaseUntil}; else empty. */
  Future<Optional<Set<String>>> claim(String meetingId, Instant now, Instant leaseUntil);

  Future<Void> reminded(String meetingId, String accountId);

  /** Marks the meeting's reminder finished, durably. */
  Future<Void> finish(String meetingId);
}
