package yoriai.account;

import java.time.Duration;

/** Tunables of logins, read from the environment by the app. */
public record AccountSettings(
    int bcryptCost,
    Duration sessionTtl,
    Duration throttleWindow,
    int maxFailuresPerAccount,
    int maxFailuresPerAddress) {}
