package yoriai.meeting;

import io.vertx.core.Future;
import java.util.Map;
import yoriai.account.Account;

/**
 * The PII check a meeting runs on every free text before it is stored: the log is read by every
 * participant and becomes the public archive, so text with personal data must never enter it.
 * Implementations run the detector off the event loop and allow only names the platform registered.
 */
public interface PersonalDataCheck {

  /** Succeeds when no text has a finding; else fails 422 {@code pii_found} with the findings as details. */
  Future<Void> requireClean(Map<String, String> textsByPath, Account author);
}
