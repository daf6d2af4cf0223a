package yoriai.account;

import yoriai.shared.Validator;

/** The body of {@code POST /api/v1/auth/login}. */
public record LoginRequest(String email, String password) {
  void validate() {
    new Validator().text("email", email, 1, 254).text("password", password, 1, 200).orThrow();
  }
}
