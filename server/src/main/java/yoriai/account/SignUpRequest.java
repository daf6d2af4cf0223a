package yoriai.account;

import yoriai.shared.Nullable;
import yoriai.shared.Validator;

/** The body of {@code POST /api/v1/signup}: an account as an admin would make it, for a company or a professional. */
public record SignUpRequest(
    String email,
    String password,
    String displayName,
    Role role,
    Organization organization,
    @Nullable String profession) {

  NewAccount account() {
    return new NewAccount(email, password, displayName, role, organization, profession);
  }

  /** What a sign-up may not do that an admin may: no password, another role, joining an existing organization. */
  Validator problems() {
    return new Validator()
        .required("password", password)
        .check(role == null || role == Role.COMPANY || role == Role.PROFESSIONAL,
            "role", "must be company or professional; other accounts are made by an admin")
        .check(organization == null || organization.id() == null,
            "organization.id", "a sign-up registers its own organization; an admin can move it later");
  }
}
