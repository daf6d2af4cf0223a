package yoriai.account;

import io.vertx.core.json.JsonObject;

/**
 * Sign-ins that ended before their expiry: one token logged out ({@code tokenHash}), or every
 * sign-in of an account disabled, given a new role or a new password ({@code accountId}).
 * Published on the (clustered) event bus so every node can close the sockets those sign-ins hold;
 * expiry needs no event, each socket knows when its sign-in expires. (The event bus address keeps its old name so mixed-version nodes agree.)
 */
public record SignInEnded(String accountId, String tokenHash) {
  static final String ADDRESS = "yoriai.account.session-ended";

  static SignInEnded token(String tokenHash) {
    return new SignInEnded(null, tokenHash);
  }

  static SignInEnded account(String accountId) {
    return new SignInEnded(accountId, null);
  }

  /** True when {@code signIn} is one of the sign-ins that ended. */
  public boolean ends(SignIn signIn) {
    return tokenHash != null
        ? tokenHash.equals(Tokens.hash(signIn.token()))
        : accountId.equals(signIn.user().id());
  }

  JsonObject encode() {
    return new JsonObject().put("accountId", accountId).put("tokenHash", tokenHash);
  }

  static SignInEnded decode(JsonObject body) {
    return new SignInEnded(body.getString("accountId"), body.getString("tokenHash"));
  }
}
