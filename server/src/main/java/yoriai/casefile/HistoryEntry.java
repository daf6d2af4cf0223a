package yoriai.casefile;

import java.time.Instant;

/** One step of a case's audit trail; {@code from} is absent on the entry that created the case. */
public record HistoryEntry(CaseState from, CaseState to, String by, String byName, Instant at) {}
