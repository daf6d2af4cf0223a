package yoriai.meeting;

/**
 * Told of each proposal once its event is durably in the log, on the node that appended it (never
 * for a log folded again or another node's events). Contract: {@link #posted} returns at once — any
 * work it starts is asynchronous and its failures are its own; the room neither waits for it nor
 * fails a command because of it.
 */
public interface ProposalWatch {
  void posted(PostedProposal proposal);

  /**
   * A proposal as its watchers need it: where (meeting, agenda case), what ({@code targetActivity},
   * its free text, which passed the PII check before the room saw it) and who proposed it.
   */
  record PostedProposal(String meetingId, String meetingTitle, String caseId, String proposalId, String targetActivity,
      String proposerId) {}
}
