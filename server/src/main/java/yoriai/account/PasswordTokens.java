package yoriai.account;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/**
 * One-time tokens that let the holder of a mailed link set an account's password (a reset, or the
 * first password of an account an admin made). Kept only as {@link Tokens#hash}. An account has at
 * most one: a newer token replaces the older. Returned futures complete after the write is durable.
 */
interface PasswordTokens {
  Future<Void> replace(String accountId, String tokenHash, Instant expiresAt);

  /** The account of an unexpired token, removing it in the same step, so two uses at once cannot both succeed. */
  Future<Optional<String>> take(String tokenHash, Instant now);
}
