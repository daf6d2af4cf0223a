package yoriai.account;

import io.vertx.core.json.JsonObject;

/**
 * Sessions that ended before their expiry: one token logged out ({@code tokenHash}), or every
 * session of a disabled account ({@code accountId}). Published on the (clustered) event bus so
 * every node can close the sockets those sessions hold; expiry needs no event, each socket knows
 * when its session expires.
 */
public record SessionEnded(String accountId, String tokenHash) {
  static final String ADDRESS = "yoriai.account.session-ended";

  static SessionEnded token(String tokenHash) {
    return new SessionEnded(null, tokenHash);
  }

  static SessionEnded account(String accountId) {
    return new SessionEnded(accountId, null);
  }

  /** True when {@code session} is one of the sessions that ended. */
  public boolean ends(Session session) {
    return tokenHash != null
        ? tokenHash.equals(Tokens.hash(session.token()))
        : accountId.equals(session.user().id());
  }

  JsonObject encode() {
    return new JsonObject().put("accountId", accountId).put("tokenHash", tokenHash);
  }

  static SessionEnded decode(JsonObject body) {
    return new SessionEnded(body.getString("accountId"), body.getString("tokenHash"));
  }
}
