package yoriai.account;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.Prefectures;
import yoriai.shared.Validator;

/** The body of {@code POST /api/v1/accounts}. */
public record NewAccount(
    String email,
    String password,
    String displayName,
    Role role,
    Organization organization,
    String profession) {

  static final Pattern EMAIL = yoriai.shared.EmailAddresses.FORMAT;
  /** bcrypt reads at most 72 bytes; longer passwords would be silently truncated. */
  static final int MAX_PASSWORD_BYTES = 72;

  /**
   * Refuses the request with every problem named (400 {@code invalid_request}), or with 422
   * {@code weak_password} when the password's strength is the only problem. Runs the strength
   * estimate, so call it off the event loop.
   */
  void validate(PasswordPolicy policy) {
    Validator v = new Validator()
        .text("email", email, 3, 254)
        .matches("email", email, EMAIL, "an email address")
        .text("password", password, 1, 200)
        .check(password == null || password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES,
            "password", "at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8")
        .text("displayName", displayName, 1, 100)
        .required("role", role)
        .required("organization", organization);
    if (organization != null) {
      v.text("organization.id", organization.id(), 0, 100)
          .text("organization.name", organization.name(), 1, 100)
          .required("organization.kind", organization.kind())
          .required("organization.prefecture", organization.prefecture())
          .oneOf("organization.prefecture", organization.prefecture(), Prefectures.NAMES);
      v.check(role != Role.COMPANY || organization.kind() == OrganizationKind.COMPANY,
          "organization.kind", "a company account belongs to an organization of kind company");
      v.check(role != Role.MUNICIPALITY || organization.kind() == OrganizationKind.MUNICIPALITY
              || organization.kind() == OrganizationKind.SUPPORT_CENTER,
          "organization.kind", "a municipality account belongs to a municipality or support centre");
    }
    v.check(role != Role.PROFESSIONAL || profession != null, "profession", "required for a professional");
    v.oneOf("profession", profession, Professions.NAMES);
    boolean passwordReadable = v.problems().stream().noneMatch(p -> p.field().equals("password"));
    Optional<PasswordPolicy.WeakPassword> weak = passwordReadable ? policy.check(password) : Optional.empty();
    if (weak.isPresent() && v.problems().isEmpty()) {
      throw new Failure(FailureKind.UNPROCESSABLE, "weak_password", "Choose a stronger password: " + weak.get().problem(),
          List.of(weak.get()));
    }
    weak.ifPresent(w -> v.check(false, "password", w.problem()));
    v.orThrow();
  }

  String normalizedEmail() {
    return yoriai.shared.EmailAddresses.normalize(email);
  }
}
