package yoriai.shared;

/** Detail of a failure that passes: seconds after which the same request may succeed. */
public record RetryAfter(long retryAfterSeconds) {}
