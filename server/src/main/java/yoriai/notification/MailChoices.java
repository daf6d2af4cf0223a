package yoriai.notification;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import yoriai.shared.Coded;
import yoriai.shared.Validator;

/**
 * Whether each optional kind is also mailed, by its code ({@code {"mail": {"meeting_reminder": true, …}}}):
 * what {@code GET /api/v1/notifications/preferences} answers and {@code PUT} takes. A PUT names
 * every optional kind; an always-mailed kind may be sent only as {@code true}.
 */
public record MailChoices(Map<String, Boolean> mail) {

  static MailChoices of(Set<NoticeKind> off) {
    Map<String, Boolean> mail = new LinkedHashMap<>();
    optionalKinds().forEach(kind -> mail.put(kind.code(), !off.contains(kind)));
    return new MailChoices(mail);
  }

  /** The optional kinds turned off; refuses the request with every problem named. */
  Set<NoticeKind> off() {
    Validator v = new Validator().required("mail", mail);
    if (mail == null) {
      v.orThrow();
    }
    Set<NoticeKind> off = EnumSet.noneOf(NoticeKind.class);
    mail.forEach((code, mailed) -> {
      var kind = Coded.fromCode(NoticeKind.class, code);
      String field = "mail." + code;
      if (kind.isEmpty()) {
        v.check(false, field, "not a kind of notification");
      } else if (mailed == null) {
        v.check(false, field, "must be true or false");
      } else if (!kind.get().optional()) {
        v.check(mailed, field, "is always mailed and cannot be turned off");
      } else if (!mailed) {
        off.add(kind.get());
      }
    });
    optionalKinds().forEach(kind -> v.check(mail.containsKey(kind.code()), "mail." + kind.code(), "required"));
    v.orThrow();
    return off;
  }

  private static List<NoticeKind> optionalKinds() {
    return Arrays.stream(NoticeKind.values()).filter(NoticeKind::optional).toList();
  }
}
