package yoriai.archive;

import yoriai.shared.Validator;

/**
 * A request to redact one text of a published entry. {@code path} names the text as the PII check
 * names it ({@code discussion[seq=12].text}, {@code proposals[<id>].description}); {@code reason}
 * is kept in the audit record.
 */
public record RedactionRequest(String path, String reason) {
  static final int MAX_PATH = 300;
  static final int MAX_REASON = 1000;

  void validate() {
    new Validator().text("path", path, 1, MAX_PATH).text("reason", reason, 1, MAX_REASON).orThrow();
  }
}
