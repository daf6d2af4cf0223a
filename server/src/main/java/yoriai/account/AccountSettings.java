package yoriai.account;

import java.time.Duration;

/**
 * Tunables of logins, read from the environment by the app. {@code freeFailuresPerAddress}: failures
 * from one address in a window before that address is slowed down. {@code mailRequestsPerEmail} and
 * {@code mailRequestsPerAddress}: sign-ups and reset requests, each, per hour for one email and from
 * one client address.
 */
public record AccountSettings(
    int bcryptCost,
    Duration sessionTtl,
    Duration throttleWindow,
    int maxFailuresPerAccount,
    int freeFailuresPerAddress,
    int mailRequestsPerEmail,
    int mailRequestsPerAddress) {}
