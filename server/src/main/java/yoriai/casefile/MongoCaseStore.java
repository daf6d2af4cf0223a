package yoriai.casefile;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import yoriai.account.Organization;
import yoriai.storage.Documents;
import yoriai.storage.Storage;

final class MongoCaseStore implements CaseStore {
  static final String CASES = "cases";

  private final Storage storage;
  private final MongoClient mongo;

  private MongoCaseStore(Storage storage) {
    this.storage = storage;
    this.mongo = storage.mongo();
  }

  static Future<CaseStore> create(Storage storage) {
    MongoCaseStore store = new MongoCaseStore(storage);
    return store.mongo.createIndex(CASES, new JsonObject().put("organization.name", 1).put("organization.prefecture", 1))
        .map(store);
  }

  @Override
  public Future<Void> insert(Case created) {
    return mongo.insert(CASES, toDocument(created)).compose(id -> storage.durable());
  }

  @Override
  public Future<Optional<Case>> find(String id) {
    return mongo.findOne(CASES, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(MongoCaseStore::fromDocument));
  }

  @Override
  public Future<List<Case>> listOf(Organization organization, Optional<CaseState> state) {
    JsonObject query = new JsonObject()
        .put("organization.name", organization.name())
        .put("organization.kind", organization.kind().code())
        .put("organization.prefecture", organization.prefecture());
    state.ifPresent(s -> query.put("state", s.code()));
    // instants are stored as ISO text whose fraction length varies, so they do not sort as strings
    return mongo.find(CASES, query).map(docs -> docs.stream()
        .map(MongoCaseStore::fromDocument)
        .sorted(Comparator.comparing(Case::createdAt).reversed())
        .toList());
  }

  @Override
  public Future<Boolean> replace(Case next) {
    JsonObject query = new JsonObject().put("_id", next.id()).put("revision", next.revision() - 1);
    return mongo.replaceDocuments(CASES, query, toDocument(next))
        .compose(result -> result.getDocMatched() == 1
            ? storage.durable().map(true)
            : Future.succeededFuture(false));
  }

  private static JsonObject toDocument(Case value) {
    JsonObject doc = Documents.toDocument(value);
    doc.put("_id", doc.remove("id"));
    return doc;
  }

  private static Case fromDocument(JsonObject doc) {
    JsonObject copy = doc.copy();
    copy.put("id", copy.remove("_id"));
    return Documents.fromDocument(copy, Case.class);
  }
}
