package yoriai.account;

import java.time.Instant;

/** A successful login: the bearer token is shown to the client once and stored only as a hash. */
public record Session(String token, Instant expiresAt, Account user) {}
