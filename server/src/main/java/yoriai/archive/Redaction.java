package yoriai.archive;

import java.time.Instant;

/** The audit record of one redaction: which text of which entry, by whom, why and when. */
public record Redaction(String entryId, String path, String by, String reason, Instant at) {}
