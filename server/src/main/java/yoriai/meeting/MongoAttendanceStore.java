package yoriai.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.IndexModel;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import yoriai.storage.Storage;
import yoriai.storage.StoreErrors;

/** Invitations in {@code meeting_invitations}, registrations in {@code meeting_registrations}; one document per pair. */
final class MongoAttendanceStore implements AttendanceStore {
  private static final String INVITATIONS = "meeting_invitations";
  private static final String REGISTRATIONS = "meeting_registrations";

  private final Storage storage;
  private final MongoClient mongo;

  private MongoAttendanceStore(Storage storage) {
    this.storage = storage;
    this.mongo = storage.mongo();
  }

  static Future<AttendanceStore> create(Storage storage) {
    MongoAttendanceStore store = new MongoAttendanceStore(storage);
    return store.mongo.createIndexes(INVITATIONS, List.of(
            new IndexModel(new JsonObject().put("meetingId", 1), new IndexOptions().name("meeting")),
            new IndexModel(new JsonObject().put("email", 1), new IndexOptions().name("email"))))
        .compose(v -> store.mongo.createIndexes(REGISTRATIONS, List.of(
            new IndexModel(new JsonObject().put("meetingId", 1), new IndexOptions().name("meeting")),
            new IndexModel(new JsonObject().put("accountId", 1), new IndexOptions().name("account")))))
        .map(store);
  }

  /** One id per pair, so a second invitation or registration finds the first. */
  private static String pair(String meetingId, String who) {
    return meetingId + "/" + who;
  }

  @Override
  public Future<Void> invite(String meetingId, Collection<String> emails, String invitedBy, Instant at) {
    List<BulkOperation> upserts = emails.stream().map(email -> BulkOperation.createUpdate(
        new JsonObject().put("_id", pair(meetingId, email)),
        new JsonObject().put("$setOnInsert", new JsonObject().put("meetingId", meetingId).put("email", email)
            .put("invitedBy", invitedBy).put("invitedAt", new JsonObject().put("$date", at.toString()))))
        .setUpsert(true)).toList();
    return mongo.bulkWrite(INVITATIONS, upserts).compose(done -> storage.durable());
  }

  @Override
  public Future<Boolean> isInvited(String meetingId, String email) {
    // findOne, not count: count is an aggregate, which the embedded store runs over every document (decision 137)
    return mongo.findOne(INVITATIONS, new JsonObject().put("_id", pair(meetingId, email)), new JsonObject().put("_id", 1))
        .map(doc -> doc != null);
  }

  @Override
  public Future<List<String>> invitedEmails(String meetingId) {
    return mongo.find(INVITATIONS, new JsonObject().put("meetingId", meetingId))
        .map(docs -> docs.stream().map(doc -> doc.getString("email")).toList());
  }

  @Override
  public Future<Set<String>> meetingsInvitedTo(String email) {
    return mongo.find(INVITATIONS, new JsonObject().put("email", email))
        .map(docs -> docs.stream().map(doc -> doc.getString("meetingId")).collect(Collectors.toSet()));
  }

  @Override
  public Future<Boolean> register(String meetingId, String accountId, Instant at) {
    JsonObject registration = new JsonObject().put("_id", pair(meetingId, accountId)).put("meetingId", meetingId)
        .put("accountId", accountId).put("registeredAt", new JsonObject().put("$date", at.toString()));
    return mongo.insert(REGISTRATIONS, registration).map(true)
        .recover(e -> StoreErrors.isDuplicateKey(e) ? Future.succeededFuture(false) : Future.failedFuture(e))
        .compose(created -> storage.durable().map(created));
  }

  @Override
  public Future<Void> withdraw(String meetingId, String accountId) {
    return mongo.removeDocument(REGISTRATIONS, new JsonObject().put("_id", pair(meetingId, accountId)))
        .compose(removed -> storage.durable());
  }

  @Override
  public Future<Set<String>> registeredFor(String accountId, Collection<String> meetingIds) {
    JsonObject query = new JsonObject().put("accountId", accountId)
        .put("meetingId", new JsonObject().put("$in", new JsonArray(List.copyOf(meetingIds))));
    return mongo.find(REGISTRATIONS, query)
        .map(docs -> docs.stream().map(doc -> doc.getString("meetingId")).collect(Collectors.toSet()));
  }

  @Override
  public Future<List<String>> registeredAccounts(String meetingId) {
    return mongo.find(REGISTRATIONS, new JsonObject().put("meetingId", meetingId))
        .map(docs -> docs.stream().map(doc -> doc.getString("accountId")).toList());
  }
}
