package yoriai.archive;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import yoriai.shared.LastChange;

/**
 * Published entries in MongoDB, the source the search index is derived from. An entry changes
 * only by a redaction, which is stored in the same document write as its audit record.
 */
interface ArchiveStore {
  /**
   * Stores the entry, published from a meeting hosted by {@code hostId}, unless one with its id
   * exists; returns the stored one. Durable when complete.
   */
  Future<ArchiveEntry> insertOnce(ArchiveEntry entry, String hostId);

  Future<Optional<ArchiveEntry>> find(String id);

  /** The entries with these ids, in no particular order; ids with no entry are left out. */
  Future<List<ArchiveEntry>> findAll(Collection<String> ids);

  /** The entry with who hosted its meeting and its revision, for a redaction. */
  Future<Optional<Stored>> findStored(String id);

  /**
   * Replaces the entry with {@code redacted} and appends {@code record} to its audit trail, in one
   * write, if the stored revision is still {@code current}'s; false when it changed meanwhile.
   * Durable when complete.
   */
  Future<Boolean> redact(Stored current, ArchiveEntry redacted, Redaction record);

  /** The entry's audit trail, oldest first. */
  Future<List<Redaction>> redactions(String id);

  /** Newest first, at most {@code limit}. */
  Future<List<ArchiveEntry>> newest(int limit);

  /** As {@link #newest}, each entry with the revision it was read at (from the same document). */
  Future<List<ArchiveIndex.Revised>> newestRevised(int limit);

  /** Every entry's revision by id: 0 as published, one more per redaction. */
  Future<Map<String, Long>> revisions();

  /** Each entry's id and last change (its publication or latest redaction), newest published first, at most {@code limit}. */
  Future<List<LastChange>> lastChanges(int limit);

  /** The last change of each entry of {@code ids} that exists, in no order. */
  Future<List<LastChange>> lastChangesOf(List<String> ids);

  /** An entry as stored: {@code hostId} is null for entries published before it was kept. */
  record Stored(ArchiveEntry entry, String hostId, long revision) {}
}
