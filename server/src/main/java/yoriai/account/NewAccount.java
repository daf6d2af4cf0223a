package yoriai.account;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import yoriai.shared.EmailAddresses;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.Nullable;
import yoriai.shared.Prefectures;
import yoriai.shared.Validator;

/**
 * The body of {@code POST /api/v1/accounts}. Without a password the account's owner gets a mail
 * with a link to set one (an admin need not invent and pass on a password).
 */
public record NewAccount(
    String email,
    @Nullable String password,
    String displayName,
    Role role,
    Organization organization,
    String profession) {

  static final Pattern EMAIL = EmailAddresses.FORMAT;
  /** bcrypt reads at most 72 bytes; longer passwords would be silently truncated. */
  static final int MAX_PASSWORD_BYTES = 72;

  /**
   * Refuses the request with every problem named, those {@code v} already holds included (400
   * {@code invalid_request}), or with 422 {@code weak_password} when the password's strength is the
   * only problem. Runs the strength estimate, so call it off the event loop.
   */
  void validate(PasswordPolicy policy, Validator v) {
    v.text("email", email, 3, 254)
        .matches("email", email, EMAIL, "an email address")
        .text("displayName", displayName, 1, 100)
        .required("organization", organization);
    if (organization != null) {
      v.text("organization.id", organization.id(), 0, 100)
          .text("organization.name", organization.name(), 1, 100)
          .required("organization.kind", organization.kind())
          .required("organization.prefecture", organization.prefecture())
          .oneOf("organization.prefecture", organization.prefecture(), Prefectures.NAMES);
    }
    fitsRole(v, role, organization, profession);
    if (password == null) {
      v.orThrow();
    } else {
      validatePassword(policy, v, password);
    }
  }

  void validate(PasswordPolicy policy) {
    validate(policy, new Validator());
  }

  /** The rules that tie a role to its organization's kind and a profession; creating and changing an account share them. */
  static void fitsRole(Validator v, Role role, @Nullable Organization organization, @Nullable String profession) {
    v.required("role", role);
    if (organization != null && organization.kind() != null) {
      v.check(role != Role.COMPANY || organization.kind() == OrganizationKind.COMPANY,
          "organization.kind", "a company account belongs to an organization of kind company");
      v.check(role != Role.MUNICIPALITY || organization.kind() == OrganizationKind.MUNICIPALITY
              || organization.kind() == OrganizationKind.SUPPORT_CENTER,
          "organization.kind", "a municipality account belongs to a municipality or support centre");
    }
    v.check(role != Role.PROFESSIONAL || profession != null, "profession", "required for a professional");
    v.oneOf("profession", profession, Professions.NAMES);
  }

  /**
   * Adds the password's problems to {@code v} and throws for all of them; a password that is only
   * too weak is 422 {@code weak_password} saying why. Off the event loop (the strength estimate).
   */
  static void validatePassword(PasswordPolicy policy, Validator v, String password) {
    v.text("password", password, 1, 200)
        .check(password == null || password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES,
            "password", "at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
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
    return normalize(email);
  }

  static String normalize(String email) {
    return EmailAddresses.normalize(email);
  }
}
