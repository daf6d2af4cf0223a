package yoriai.archive;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Whether the index found in a folder can be used as it is: present, its files passing their
 * checksums, and written with today's fields. Every commit records the fields' version, so an index
 * written before a field was added is rebuilt from MongoDB rather than searched without it.
 */
final class IndexFolder {
  /**
   * Raise when the documents' fields change, or the text a snippet is cut from
   * ({@code ArchiveDocuments.snippetSource}: the offsets indexed must match it): 2 added the fields
   * that weigh a sentence's words, 3 each entry's revision (what a starting node compares with
   * MongoDB), 4 the snippet text with offsets (an index written at 3 before them is rebuilt), 5 the pairs of
   * neighbouring tokens beside each text field (decision 119).
   */
  static final String FIELDS_VERSION = "5";
  static final Map<String, String> COMMIT_DATA = Map.of("fields", FIELDS_VERSION);

  private IndexFolder() {}

  static boolean usable(Directory directory) throws IOException {
    return DirectoryReader.indexExists(directory) && intact(directory)
        && FIELDS_VERSION.equals(SegmentInfos.readLatestCommit(directory).getUserData().get("fields"));
  }

  private static boolean intact(Directory directory) throws IOException {
    try (CheckIndex check = new CheckIndex(directory)) {
      check.setChecksumsOnly(true);
      return check.checkIndex().clean;
    } catch (LockObtainFailedException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  static void wipe(Directory directory) throws IOException {
    for (String file : directory.listAll()) {
      if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
        directory.deleteFile(file);
      }
    }
  }
}
