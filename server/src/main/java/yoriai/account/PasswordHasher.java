package yoriai.account;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import yoriai.shared.Ids;

/** bcrypt (Bouncy Castle) with a per-password salt; slow on purpose, so callers run it off the event loop. */
final class PasswordHasher {
  private final int cost;
  private final String dummyHash;

  PasswordHasher(int cost) {
    this.cost = cost;
    this.dummyHash = hash("not a real password");
  }

  String hash(String password) {
    return OpenBSDBCrypt.generate("2b", password.toCharArray(), Ids.randomBytes(16), cost);
  }

  boolean matches(String password, String hash) {
    return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
  }

  /** Spends the same time as a real check, so an unknown email cannot be told apart by timing. */
  void burnTime(String password) {
    OpenBSDBCrypt.checkPassword(dummyHash, password.toCharArray());
  }
}
