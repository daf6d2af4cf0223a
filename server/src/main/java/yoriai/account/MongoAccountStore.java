package yoriai.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.storage.Documents;
import yoriai.storage.Storage;
import yoriai.storage.StoreErrors;

final class MongoAccountStore implements AccountStore {
  private static final String ACCOUNTS = "accounts";
  private static final String SESSIONS = "sessions";

  private final Storage storage;
  private final MongoClient mongo;

  private MongoAccountStore(Storage storage) {
    this.storage = storage;
    this.mongo = storage.mongo();
  }

  static Future<AccountStore> create(Storage storage) {
    MongoAccountStore store = new MongoAccountStore(storage);
    return store.mongo.createIndexWithOptions(ACCOUNTS, new JsonObject().put("email", 1),
            new IndexOptions().unique(true).name("email_unique"))
        .compose(v -> store.mongo.createIndexWithOptions(SESSIONS, new JsonObject().put("accountId", 1),
            new IndexOptions().name("account")))
        .compose(v -> store.giveStatesToOlderAccounts())
        .map(store);
  }

  /** Accounts stored before sign-up had no state: they are active, or disabled when they have a disabledAt. */
  private Future<Void> giveStatesToOlderAccounts() {
    JsonObject stateless = new JsonObject().putNull("state");
    return mongo.updateCollection(ACCOUNTS, stateless.copy().putNull("disabledAt"), setState(AccountState.ACTIVE))
        .compose(r -> mongo.updateCollection(ACCOUNTS, stateless, setState(AccountState.DISABLED)))
        .compose(r -> storage.durable());
  }

  private static JsonObject setState(AccountState state) {
    return new JsonObject().put("$set", new JsonObject().put("state", state.code()));
  }

  @Override
  public Future<Void> insert(StoredAccount account) {
    return mongo.insert(ACCOUNTS, toDocument(account))
        .recover(error -> Future.failedFuture(StoreErrors.isDuplicateKey(error)
            ? new Failure(FailureKind.CONFLICT, "email_taken", "An account with this email already exists")
            : error))
        .compose(id -> storage.durable());
  }

  @Override
  public Future<Optional<StoredAccount>> findByEmail(String email) {
    return findOne(new JsonObject().put("email", email));
  }

  @Override
  public Future<Optional<StoredAccount>> findById(String id) {
    return findOne(new JsonObject().put("_id", id));
  }

  @Override
  public Future<List<Account>> list(AccountState state) {
    JsonObject query = state == null ? new JsonObject() : new JsonObject().put("state", state.code());
    return mongo.find(ACCOUNTS, query)
        .map(docs -> docs.stream().map(MongoAccountStore::fromDocument).map(StoredAccount::account).toList());
  }

  @Override
  public Future<List<Account>> activeAdmins() {
    return enabledWhere(new JsonObject().put("role", Role.ADMIN.code()));
  }

  @Override
  public Future<Boolean> deleteUnconfirmed(String accountId) {
    JsonObject query = new JsonObject().put("_id", accountId).put("state", AccountState.UNCONFIRMED.code());
    return mongo.removeDocuments(ACCOUNTS, query)
        .compose(removed -> storage.durable().map(removed.getRemovedCount() > 0));
  }

  @Override
  public Future<List<Account>> members(Organization organization) {
    return enabledWhere(new JsonObject().put("organization.name", organization.name())
        .put("organization.kind", organization.kind().code()).put("organization.prefecture", organization.prefecture()));
  }

  @Override
  public Future<List<Account>> enabled(Collection<String> ids) {
    return enabledWhere(new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(ids)))));
  }

  private Future<List<Account>> enabledWhere(JsonObject query) {
    return mongo.find(ACCOUNTS, query.put("state", AccountState.ACTIVE.code()))
        .map(docs -> docs.stream().map(MongoAccountStore::fromDocument).map(StoredAccount::account).toList());
  }

  @Override
  public Future<Optional<Organization>> findOrganization(String id) {
    JsonObject withId = new JsonObject().put("organization.id", id);
    // a legacy id is derived, never stored, on accounts from before organization ids
    JsonObject query = Organization.isLegacyId(id)
        ? new JsonObject().put("$or", new JsonArray().add(withId).add(new JsonObject().putNull("organization.id")))
        : withId;
    return mongo.find(ACCOUNTS, query).map(docs -> docs.stream()
        .map(doc -> fromDocument(doc).account().organization())
        .filter(organization -> organization.id().equals(id))
        .findFirst());
  }

  @Override
  public Future<Boolean> anyAccount() {
    // findOne, not count: count is an aggregate, which the embedded store runs over every document (decision 137)
    return mongo.findOne(ACCOUNTS, new JsonObject(), new JsonObject().put("_id", 1)).map(found -> found != null);
  }

  @Override
  public Future<Void> insertSignIn(String tokenHash, String accountId, long expiresAtMillis, long nowMillis) {
    JsonObject session = new JsonObject()
        .put("_id", tokenHash)
        .put("accountId", accountId)
        .put("expiresAt", expiresAtMillis);
    // an expired session is never read again; the account's own go at its next sign-in, found by its index (decision 138)
    JsonObject expired = new JsonObject().put("accountId", accountId).put("expiresAt", new JsonObject().put("$lte", nowMillis));
    return mongo.removeDocuments(SESSIONS, expired)
        .compose(removed -> mongo.insert(SESSIONS, session)).compose(id -> storage.durable());
  }

  @Override
  public Future<Optional<StoredSignIn>> findSignIn(String tokenHash, long nowMillis) {
    // _id alone: with expiresAt beside it the embedded store scanned every session (decision 137)
    return mongo.findOne(SESSIONS, new JsonObject().put("_id", tokenHash), null).map(doc -> Optional.ofNullable(doc)
        .filter(d -> d.getLong("expiresAt") > nowMillis)
        .map(d -> new StoredSignIn(d.getString("accountId"), Instant.ofEpochMilli(d.getLong("expiresAt")))));
  }

  @Override
  public Future<Void> deleteSignIn(String tokenHash) {
    return mongo.removeDocument(SESSIONS, new JsonObject().put("_id", tokenHash)).compose(r -> storage.durable());
  }

  @Override
  public Future<Void> deleteSignIns(String accountId) {
    return mongo.removeDocuments(SESSIONS, new JsonObject().put("accountId", accountId)).compose(r -> storage.durable());
  }

  @Override
  public Future<Boolean> changeState(String accountId, Set<AccountState> from, AccountState to, Instant at) {
    JsonObject query = new JsonObject().put("_id", accountId)
        .put("state", new JsonObject().put("$in", new JsonArray(from.stream().map(AccountState::code).toList())));
    JsonObject update = setState(to);
    if (to == AccountState.DISABLED) {
      update.getJsonObject("$set").put("disabledAt", at.toString());
    } else {
      update.put("$unset", new JsonObject().put("disabledAt", ""));
    }
    return mongo.updateCollection(ACCOUNTS, query, update)
        .compose(updated -> storage.durable().map(updated.getDocMatched() > 0));
  }

  @Override
  public Future<Boolean> update(String accountId, Role role, String profession, String displayName) {
    JsonObject set = new JsonObject().put("role", role.code()).put("displayName", displayName);
    JsonObject update = new JsonObject().put("$set", set);
    if (profession == null) {
      update.put("$unset", new JsonObject().put("profession", ""));
    } else {
      set.put("profession", profession);
    }
    return mongo.updateCollection(ACCOUNTS, new JsonObject().put("_id", accountId), update)
        .compose(updated -> storage.durable().map(updated.getDocMatched() > 0));
  }

  @Override
  public Future<Void> setPasswordHash(String accountId, String passwordHash) {
    return mongo.updateCollection(ACCOUNTS, new JsonObject().put("_id", accountId),
            new JsonObject().put("$set", new JsonObject().put("passwordHash", passwordHash)))
        .compose(r -> storage.durable());
  }

  @Override
  public Future<Void> setShowCompanyName(String accountId, boolean show) {
    return mongo.updateCollection(ACCOUNTS, new JsonObject().put("_id", accountId),
            new JsonObject().put("$set", new JsonObject().put("showCompanyName", show)))
        .compose(r -> storage.durable());
  }

  @Override
  public Future<Set<String>> showingCompanyName(Collection<String> accountIds) {
    JsonObject query = new JsonObject()
        .put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(accountIds))))
        .put("showCompanyName", true);
    return mongo.findWithOptions(ACCOUNTS, query, new FindOptions().setFields(new JsonObject().put("_id", 1)))
        .map(docs -> docs.stream().map(d -> d.getString("_id")).collect(Collectors.toSet()));
  }

  @Override
  public Future<Set<String>> organizationNames() {
    return mongo.distinctWithQuery(ACCOUNTS, "organization.name", String.class.getName(),
        new JsonObject().put("state", AccountState.ACTIVE.code()).put("signedUp", new JsonObject().put("$ne", true)))
        .map(MongoAccountStore::strings);
  }

  private static Set<String> strings(JsonArray values) {
    return values.stream().filter(String.class::isInstance).map(String.class::cast).collect(Collectors.toSet());
  }

  private Future<Optional<StoredAccount>> findOne(JsonObject query) {
    return mongo.findOne(ACCOUNTS, query, null).map(doc -> Optional.ofNullable(doc).map(MongoAccountStore::fromDocument));
  }

  private static JsonObject toDocument(StoredAccount account) {
    return Documents.toDocument(account);
  }

  private static StoredAccount fromDocument(JsonObject doc) {
    return Documents.fromDocument(doc, StoredAccount.class);
  }

}
