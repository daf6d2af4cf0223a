package yoriai.notification;

import com.fasterxml.jackson.annotation.JsonProperty;
import yoriai.shared.Coded;

/**
 * What a notice is about. An account may turn the mail of the optional kinds off (the in-app entry
 * stays); the others are always mailed, as they answer something the person asked for.
 */
public enum NoticeKind implements Coded {
  @JsonProperty("meeting_reminder") MEETING_REMINDER,
  @JsonProperty("proposal_on_own_case") PROPOSAL_ON_OWN_CASE,
  @JsonProperty("meeting_published") MEETING_PUBLISHED,
  @JsonProperty("signup_approved") SIGNUP_APPROVED,
  @JsonProperty("password_reset") PASSWORD_RESET;

  public boolean optional() {
    return this == MEETING_REMINDER || this == PROPOSAL_ON_OWN_CASE || this == MEETING_PUBLISHED;
  }

  /** A password-reset link is a secret for the mailbox only; the in-app list never holds it. */
  boolean linkShownInApp() {
    return this != PASSWORD_RESET;
  }
}
