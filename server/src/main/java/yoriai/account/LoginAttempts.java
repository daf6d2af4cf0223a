package yoriai.account;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Counters of login attempts shared by every node, one per key and time window. Each operation is
 * atomic in the store, so attempts made at the same moment on one or several nodes are all
 * counted. Losing counters in a crash is harmless, so writes do not wait for durability.
 */
interface LoginAttempts {
  /** Adds one attempt to {@code key} (created with no block, forgotten after {@code expiresAtMillis}); the new count. */
  Future<Integer> add(String key, long expiresAtMillis);

  /** Takes back one attempt that was not spent on a password check, or one that succeeded. */
  Future<Void> refund(String key);

  Future<Void> clear(String key);

  /**
   * Blocks {@code key} until {@code untilMillis} if it is not blocked at {@code nowMillis}; empty
   * when this caller got the slot, else the time the current block ends. Of callers racing for one
   * slot, exactly one gets it.
   */
  Future<Optional<Long>> claim(String key, long nowMillis, long untilMillis);
}
