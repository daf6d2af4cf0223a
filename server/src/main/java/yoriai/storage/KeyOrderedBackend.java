package yoriai.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend whose unique indexes compare keys with {@link SerializedKeyOrder}
 * and whose collections write their documents with {@link DocumentValues} and store an updated
 * document as a new object ({@link ReplacingCollection}); its non-unique indexes
 * are kept and used ({@link SecondaryIndex}) where mongo-java-server would ignore them. A map that is already
 * open is what {@link H2Database} gets when it opens it by name, so each such map is opened here
 * first, under the name H2Database gives it.
 */
final class KeyOrderedBackend extends H2Backend {
  /** Where H2Database keeps a collection's documents: this prefix and the collection's full name. */
  private static final String DOCUMENTS_PREFIX = "databases.";
  /** Where H2Database keeps a collection's size. */
  private static final String META_PREFIX = "meta.";

  /**
   * Shared by every collection's documents: what a commit writes is mostly the events of the
   * meetings under way. Made when first needed, as H2Backend's constructor opens the collections
   * stored before; no initializer, which would run after it. Two collections opened at once may
   * each make one, which costs only memos.
   */
  private SerializedBytes documentBytes;

  KeyOrderedBackend(MVStore store) {
    super(store);
  }

  private SerializedBytes documentBytes() {
    if (documentBytes == null) {
      documentBytes = new SerializedBytes(8192);
    }
    return documentBytes;
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new KeyOrderedDatabase(databaseName);
  }

  /** An inner class: the index maps are opened from H2Database's constructor, which needs the store already. */
  private final class KeyOrderedDatabase extends H2Database {
    KeyOrderedDatabase(String databaseName) {
      super(databaseName, getMvStore(), getCursorRegistry());
    }

    /** As H2Database opens a collection, with its own value type and collection class. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      String name = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> documents = getMvStore().openMap(DOCUMENTS_PREFIX + name,
          new MVMap.Builder<Object, Document>().valueType(new DocumentValues(documentBytes())));
      MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + name);
      return new ReplacingCollection(this, collectionName, options, documents, meta, getCursorRegistry());
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
          new MVMap.Builder<KeyValue, Object>().keyType(new SerializedKeyOrder()));
      return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    /** Under the name H2Database gives a unique index's map, so dropping the index removes it the same way. */
    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      // a read-only store (disk full) cannot build an index it lacks; it serves reads by scanning, as before
      if (sparse || getMvStore().isReadOnly()) {
        return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
      }
      MVMap<String, Object> entries = getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName);
      return new SecondaryIndex(entries, indexName, keys);
    }
  }
}
