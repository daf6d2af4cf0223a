package yoriai.meeting;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A meeting's cases in order, as its log adds them up: the case in focus, the phase each case has
 * reached in its own cycle, each case's summary, and the case every message and proposal belongs
 * to, and the seq that posted each message. A case id missing from an event (logs stored before the
 * agenda) means the first case.
 * Changed only by {@link MeetingState#apply}.
 */
final class Agenda {
  private final List<String> caseIds;
  private String focus;
  private final Map<String, String> phases = new LinkedHashMap<>();
  private final Map<String, Summary> summaries = new LinkedHashMap<>();
  private final Map<String, PostedAt> messages = new HashMap<>();
  private final Map<String, String> caseOfProposal = new HashMap<>();

  Agenda(List<String> caseIds) {
    this.caseIds = caseIds;
    this.focus = first();
  }

  String first() {
    return caseIds.get(0);
  }

  /** The case an event names, the first case for an event stored without one. */
  String caseOf(String stored) {
    return stored == null ? first() : stored;
  }

  boolean has(String caseId) {
    return caseIds.contains(caseId);
  }

  String focus() {
    return focus;
  }

  /** The phase {@code caseId} has reached, null before it was first discussed. */
  String phaseOf(String caseId) {
    return phases.get(caseId);
  }

  /** Where a message was posted: its case and the seq of its {@code message.posted} event. */
  private record PostedAt(String caseId, long seq) {}

  boolean hasMessage(String messageId) {
    return messages.containsKey(messageId);
  }

  String caseOfMessage(String messageId) {
    return messages.get(messageId).caseId();
  }

  long seqOfMessage(String messageId) {
    return messages.get(messageId).seq();
  }

  boolean hasProposal(String proposalId) {
    return caseOfProposal.containsKey(proposalId);
  }

  String caseOfProposal(String proposalId) {
    return caseOfProposal.get(proposalId);
  }

  void message(String messageId, String caseId, long seq) {
    messages.put(messageId, new PostedAt(caseOf(caseId), seq));
  }

  void proposal(String proposalId, String caseId) {
    caseOfProposal.put(proposalId, caseOf(caseId));
  }

  void focus(String caseId, String phase) {
    focus = caseId;
    reached(phase);
  }

  /** The case in focus reached {@code phase}. */
  void reached(String phase) {
    phases.put(focus, phase);
  }

  void summary(String caseId, Summary summary) {
    summaries.put(caseId, summary);
  }

  Map<String, String> phases() {
    return phases;
  }

  Map<String, Summary> summaries() {
    return summaries;
  }
}
