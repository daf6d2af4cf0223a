package yoriai.account;

import yoriai.shared.Validator;

/** The body of {@code POST /api/v1/setup}: the one-time token from the log, and the first admin with their organization. */
public record SetupRequest(String token, String email, String password, String displayName, Organization organization) {
  NewAccount account() {
    return new NewAccount(email, password, displayName, Role.ADMIN, organization, null);
  }

  Validator problems() {
    return new Validator().required("password", password)
        .check(organization == null || organization.id() == null, "organization.id", "the first organization is new");
  }
}
