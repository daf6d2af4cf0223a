package yoriai.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import yoriai.storage.Storage;

/**
 * {@link PasswordTokens} in {@code password_tokens}, one document per token under its hash, with its
 * kind (tokens stored before kinds have none and set a password).
 */
final class MongoPasswordTokens implements PasswordTokens {
  private static final String COLLECTION = "password_tokens";

  private final Storage storage;
  private final MongoClient mongo;
  private final Clock clock;

  MongoPasswordTokens(Storage storage, Clock clock) {
    this.storage = storage;
    this.mongo = storage.mongo();
    this.clock = clock;
  }

  /** Also sweeps every expired token, which nobody can use any more. */
  @Override
  public Future<Void> replace(Kind kind, String accountId, String tokenHash, Instant expiresAt) {
    JsonObject stale = new JsonObject().put("$or", new JsonArray()
        .add(ofKind(kind).put("accountId", accountId))
        .add(new JsonObject().put("expiresAt", new JsonObject().put("$lt", clock.millis()))));
    JsonObject token = new JsonObject().put("_id", tokenHash).put("kind", kind.code).put("accountId", accountId)
        .put("expiresAt", expiresAt.toEpochMilli());
    return mongo.removeDocuments(COLLECTION, stale)
        .compose(r -> mongo.insert(COLLECTION, token))
        .compose(id -> storage.durable());
  }

  @Override
  public Future<Optional<String>> take(Kind kind, String tokenHash, Instant now) {
    JsonObject unexpired = ofKind(kind).put("_id", tokenHash)
        .put("expiresAt", new JsonObject().put("$gt", now.toEpochMilli()));
    return mongo.findOneAndDelete(COLLECTION, unexpired)
        .compose(doc -> storage.durable().map(Optional.ofNullable(doc).map(d -> d.getString("accountId"))));
  }

  private static JsonObject ofKind(Kind kind) {
    return kind == Kind.SET_PASSWORD
        ? new JsonObject().put("kind", new JsonObject().put("$in", new JsonArray().add(kind.code).addNull()))
        : new JsonObject().put("kind", kind.code);
  }
}
