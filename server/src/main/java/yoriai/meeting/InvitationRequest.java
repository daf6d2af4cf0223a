package yoriai.meeting;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import yoriai.shared.EmailAddresses;
import yoriai.shared.Validator;

/** The body of {@code POST /api/v1/meetings/{id}/invitations}: 1 to 50 addresses. */
public record InvitationRequest(List<String> emails) {
  static final int MAX = 50;

  /** The distinct addresses, normalized; refuses the request naming each bad {@code emails[i]}. */
  Set<String> addresses() {
    Validator v = new Validator().required("emails", emails)
        .check(emails == null || (!emails.isEmpty() && emails.size() <= MAX), "emails", "1 to " + MAX + " addresses");
    if (emails != null) {
      for (int i = 0; i < emails.size(); i++) {
        String field = "emails[" + i + "]";
        String email = emails.get(i) == null ? null : emails.get(i).strip();
        v.required(field, email).text(field, email, 3, EmailAddresses.MAX_LENGTH)
            .matches(field, email, EmailAddresses.FORMAT, "an email address");
      }
    }
    v.orThrow();
    Set<String> addresses = new LinkedHashSet<>();
    emails.forEach(email -> addresses.add(EmailAddresses.normalize(email)));
    return addresses;
  }
}
