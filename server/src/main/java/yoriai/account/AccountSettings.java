package yoriai.account;

import java.time.Duration;

/**
 * Tunables of logins, read from the environment by the app. {@code freeFailuresPerAddress}: failures
 * from one address in a window before that address is slowed down.
 */
public record AccountSettings(
    int bcryptCost,
    Duration sessionTtl,
    Duration throttleWindow,
    int maxFailuresPerAccount,
    int freeFailuresPerAddress) {}
