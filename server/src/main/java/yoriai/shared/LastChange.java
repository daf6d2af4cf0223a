package yoriai.shared;

import java.time.Instant;

/** When the public page of a record last changed: what a sitemap's {@code <lastmod>} says. */
public record LastChange(String id, Instant at) {}
