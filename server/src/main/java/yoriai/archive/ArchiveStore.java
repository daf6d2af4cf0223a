package yoriai.archive;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Published entries in MongoDB, the source the search index is derived from. Entries are never changed. */
interface ArchiveStore {
  /** Stores the entry unless one with its id exists; returns the stored one. Durable when complete. */
  Future<ArchiveEntry> insertOnce(ArchiveEntry entry);

  Future<Optional<ArchiveEntry>> find(String id);

  /** Newest first, at most {@code limit}. */
  Future<List<ArchiveEntry>> newest(int limit);

  Future<Long> count();
}
