package yoriai.meeting;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;

/** Who proposed each proposal and who endorsed it: an endorsement counts once, and never the author's own. */
final class Endorsements {
  private final Map<String, String> authors = new HashMap<>();
  private final Set<String> endorsed = new HashSet<>();

  void proposed(String proposalId, String authorId) {
    authors.put(proposalId, authorId);
  }

  void endorsed(String proposalId, String accountId) {
    endorsed.add(proposalId + "/" + accountId);
  }

  /** Refuses {@code accountId}'s endorsement of {@code proposalId} when it is their own or a second one. */
  void requireAllowed(String proposalId, String accountId) {
    if (accountId.equals(authors.get(proposalId))) {
      throw new Failure(FailureKind.FORBIDDEN, "own_proposal", "You cannot endorse your own proposal");
    }
    if (endorsed.contains(proposalId + "/" + accountId)) {
      throw Failure.forbidden("You already endorsed this proposal");
    }
  }
}
