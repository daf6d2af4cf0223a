package yoriai.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection, storing an updated document as a new object. mongo-java-server
 * updates the stored document in place and puts that same object back; {@link DocumentValues}
 * remembers a document's bytes by identity, so the object put back must be one it has not seen.
 */
final class ReplacingCollection extends H2Collection {
  ReplacingCollection(MongoDatabase database, String collectionName, CollectionOptions options,
      MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
    super(database, collectionName, options, documents, meta, cursors);
  }

  @Override
  protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
    super.handleUpdate(position, oldDocument, newDocument.cloneDeeply());
  }
}
