package yoriai.account;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/**
 * One-time tokens of mailed links: those that let the holder set an account's password (a reset,
 * or the first password of an account an admin made) and those that confirm a sign-up's address.
 * Kept only as {@link Tokens#hash}. An account has at most one of each kind: a newer token replaces
 * the older. Returned futures complete after the write is durable.
 */
interface PasswordTokens {
  /** What a token lets its holder do; a token of one kind is never taken as the other. */
  enum Kind {
    SET_PASSWORD("password"),
    CONFIRM_EMAIL("confirm_email");

    final String code;

    Kind(String code) {
      this.code = code;
    }
  }

  Future<Void> replace(Kind kind, String accountId, String tokenHash, Instant expiresAt);

  /** The account of an unexpired token of {@code kind}, removing it in the same step, so two uses at once cannot both succeed. */
  Future<Optional<String>> take(Kind kind, String tokenHash, Instant now);
}
