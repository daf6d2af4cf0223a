package yoriai.account;

import java.time.Instant;

/**
 * A signed-in account: the bearer token a successful login gives, valid until {@code expiresAt} or
 * sign-out. The token is shown to the client once and stored only as a hash ({@link AccountStore.StoredSignIn}).
 */
public record SignIn(String token, Instant expiresAt, Account user) {}
