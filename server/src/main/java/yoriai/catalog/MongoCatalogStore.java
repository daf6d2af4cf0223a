package yoriai.catalog;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import yoriai.catalog.CatalogQuery.Criteria;
import yoriai.storage.Documents;
import yoriai.storage.Storage;

final class MongoCatalogStore implements CatalogStore {
  private static final String SERVICES = "catalog_services";
  private static final String USAGE = "catalog_usage";
  private static final JsonObject NEWEST_FIRST = new JsonObject().put("createdAt", -1).put("_id", 1);

  private final Storage storage;
  private final MongoClient mongo;

  private MongoCatalogStore(Storage storage) {
    this.storage = storage;
    this.mongo = storage.mongo();
  }

  static Future<CatalogStore> create(Storage storage) {
    MongoCatalogStore store = new MongoCatalogStore(storage);
    return Future.all(
            store.mongo.createIndex(SERVICES, new JsonObject().put("coverage", 1)),
            store.mongo.createIndex(SERVICES, new JsonObject().put("category", 1)),
            store.mongo.createIndex(SERVICES, NEWEST_FIRST),
            store.mongo.createIndex(USAGE, new JsonObject().put("caseId", 1)),
            store.mongo.createIndex(USAGE, new JsonObject().put("serviceId", 1)))
        .map(store);
  }

  @Override
  public Future<Void> insert(StoredService service) {
    return mongo.insert(SERVICES, Documents.toDocument(service)).compose(id -> storage.durable());
  }

  @Override
  public Future<Boolean> replace(StoredService service) {
    return mongo.replaceDocuments(SERVICES, byId(service.id()), Documents.toDocument(service))
        .compose(result -> storage.durable().map(result.getDocMatched() > 0));
  }

  @Override
  public Future<Boolean> delete(String id) {
    return mongo.removeDocument(SERVICES, byId(id))
        .compose(result -> storage.durable().map(result.getRemovedCount() > 0));
  }

  @Override
  public Future<Optional<StoredService>> findById(String id) {
    return mongo.findOne(SERVICES, byId(id), null)
        .map(doc -> Optional.ofNullable(doc).map(d -> Documents.fromDocument(d, StoredService.class)));
  }

  @Override
  public Future<Long> count(Criteria criteria) {
    return mongo.count(SERVICES, filter(criteria));
  }

  @Override
  public Future<List<StoredService>> find(Criteria criteria, int skip, int limit) {
    FindOptions options = new FindOptions().setSort(NEWEST_FIRST).setSkip(skip).setLimit(limit == 0 ? -1 : limit);
    return mongo.findWithOptions(SERVICES, filter(criteria), options)
        .map(docs -> docs.stream().map(d -> Documents.fromDocument(d, StoredService.class)).toList());
  }

  @Override
  public Future<Void> replaceUsage(String caseId, Set<String> proposed, Set<String> adopted) {
    Set<String> used = new LinkedHashSet<>(proposed);
    used.addAll(adopted);
    List<BulkOperation> upserts = new ArrayList<>();
    for (String serviceId : used) {
      JsonObject usage = new JsonObject()
          .put("caseId", caseId)
          .put("serviceId", serviceId)
          .put("proposed", proposed.contains(serviceId) ? 1 : 0)
          .put("adopted", adopted.contains(serviceId) ? 1 : 0);
      upserts.add(BulkOperation.createReplace(usageId(caseId, serviceId), usage, true));
    }
    JsonObject stale = new JsonObject().put("caseId", caseId)
        .put("serviceId", new JsonObject().put("$nin", new JsonArray(List.copyOf(used))));
    Future<?> written = upserts.isEmpty() ? Future.succeededFuture() : mongo.bulkWrite(USAGE, upserts);
    return written.compose(r -> mongo.removeDocuments(USAGE, stale)).compose(r -> storage.durable());
  }

  @Override
  public Future<Map<String, Usage>> usage(Collection<String> serviceIds) {
    JsonObject query = new JsonObject().put("serviceId", new JsonObject().put("$in", new JsonArray(List.copyOf(serviceIds))));
    return mongo.find(USAGE, query).map(docs -> {
      Map<String, Usage> usage = new HashMap<>();
      for (JsonObject doc : docs) {
        Usage one = new Usage(doc.getInteger("proposed", 0), doc.getInteger("adopted", 0));
        usage.merge(doc.getString("serviceId"), one, (a, b) -> new Usage(a.proposed() + b.proposed(), a.adopted() + b.adopted()));
      }
      return usage;
    });
  }

  /** One document per case and service, so recording the same case again overwrites instead of adding. */
  private static JsonObject usageId(String caseId, String serviceId) {
    return byId(new JsonObject().put("caseId", caseId).put("serviceId", serviceId));
  }

  private static JsonObject byId(Object id) {
    return new JsonObject().put("_id", id);
  }

  private static JsonObject filter(Criteria criteria) {
    List<JsonObject> parts = new ArrayList<>();
    if (criteria.category() != null) {
      parts.add(new JsonObject().put("category", criteria.category()));
    }
    if (criteria.prefectureCode() != null) {
      parts.add(new JsonObject().put("coverage", StoredService.inPrefecture(criteria.prefectureCode())));
    }
    if (criteria.municipalityKey() != null) {
      String key = criteria.municipalityKey();
      parts.add(new JsonObject().put("coverage", new JsonObject().put("$in", new JsonArray()
          .add(StoredService.municipality(key))
          .add(StoredService.wholePrefecture(key.substring(0, 2))))));
    }
    return parts.isEmpty() ? new JsonObject() : new JsonObject().put("$and", new JsonArray(parts));
  }
}
