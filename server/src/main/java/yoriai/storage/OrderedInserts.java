package yoriai.storage;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Inserts documents in their order and stops at the first that fails; a taken {@code _id} fails
 * as the driver reports it, so {@link StoreErrors#isDuplicateKey} reads it the same way. The
 * embedded store takes them without the wire protocol (decision 140).
 */
public interface OrderedInserts {
  Future<Void> insert(String collection, List<JsonObject> documents);
}
