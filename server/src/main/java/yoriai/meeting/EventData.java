package yoriai.meeting;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.Instant;
import java.util.List;
import yoriai.account.Organization;
import yoriai.account.Role;
import yoriai.shared.MachineValue;
import yoriai.shared.Nullable;

/**
 * What an event says, one record per kind. The kind is the Jackson type id, written beside the
 * data as the event's {@code kind} (see {@link MeetingEvent}), so the wire, the stored log and the
 * generated JSON Schema all take kind and fields from these records.
 */
@JsonSubTypes({
    @JsonSubTypes.Type(value = EventData.MessagePosted.class, name = "message.posted"),
    @JsonSubTypes.Type(value = EventData.ReactionChanged.class, name = "reaction.changed"),
    @JsonSubTypes.Type(value = EventData.HandChanged.class, name = "hand.changed"),
    @JsonSubTypes.Type(value = EventData.HandLowered.class, name = "hand.lowered"),
    @JsonSubTypes.Type(value = EventData.SpeakerCalled.class, name = "speaker.called"),
    @JsonSubTypes.Type(value = EventData.ProposalPosted.class, name = "proposal.posted"),
    @JsonSubTypes.Type(value = EventData.ProposalEndorsed.class, name = "proposal.endorsed"),
    @JsonSubTypes.Type(value = EventData.PhaseChanged.class, name = "phase.changed"),
    @JsonSubTypes.Type(value = EventData.MessageHidden.class, name = "message.hidden"),
    @JsonSubTypes.Type(value = EventData.ParticipantMuted.class, name = "participant.muted"),
    @JsonSubTypes.Type(value = EventData.ParticipantUnmuted.class, name = "participant.unmuted"),
    @JsonSubTypes.Type(value = EventData.ParticipantRemoved.class, name = "participant.removed"),
    @JsonSubTypes.Type(value = EventData.ParticipantJoined.class, name = "participant.joined"),
    @JsonSubTypes.Type(value = EventData.ParticipantLeft.class, name = "participant.left"),
    @JsonSubTypes.Type(value = EventData.CaseFocused.class, name = "case.focused"),
    @JsonSubTypes.Type(value = EventData.SummaryUpdated.class, name = "summary.updated")})
public sealed interface EventData permits EventData.MessagePosted, EventData.ReactionChanged, EventData.HandChanged,
    EventData.HandLowered, EventData.SpeakerCalled,
    EventData.ProposalPosted, EventData.ProposalEndorsed, EventData.PhaseChanged, EventData.MessageHidden,
    EventData.ParticipantMuted, EventData.ParticipantUnmuted, EventData.ParticipantRemoved, EventData.ParticipantJoined,
    EventData.ParticipantLeft, EventData.CaseFocused, EventData.SummaryUpdated {

  /** The kind {@code type} is written with, e.g. {@code message.posted}. */
  static String kindOf(Class<? extends EventData> type) {
    for (JsonSubTypes.Type subtype : EventData.class.getAnnotation(JsonSubTypes.class).value()) {
      if (subtype.value() == type) {
        return subtype.name();
      }
    }
    throw new IllegalArgumentException(type + " is not an event kind");
  }

  /**
   * {@code hidden} is set, and {@code text} gone, once the host hid the message (its tombstone).
   * {@code caseId}, here and on proposals and endorsements, is the agenda case the event belongs to;
   * logs stored before the agenda have none, which means the meeting's first case.
   */
  record MessagePosted(String messageId, @Nullable String text, @Nullable String replyTo, @Nullable String phase,
      @Nullable Boolean hidden, @Nullable @MachineValue("a case id of the meeting's agenda") String caseId)
      implements EventData {
    MessagePosted tombstone() {
      return new MessagePosted(messageId, null, replyTo, phase, true, caseId);
    }
  }

  record ReactionChanged(String messageId, String emoji, boolean on) implements EventData {}

  record HandChanged(boolean raised) implements EventData {}

  /** The host lowered {@code accountId}'s raised hand. */
  record HandLowered(String accountId) implements EventData {}

  /** The host gave the floor to {@code accountId}, the first raised hand, whose hand is lowered with it. */
  record SpeakerCalled(String accountId) implements EventData {}

  record ProposalPosted(String proposalId, String targetActivity, String type, String description, String keepsAbilities,
      @Nullable String serviceId, @Nullable String cost, @Nullable String area, @Nullable String phase,
      @Nullable @MachineValue("a case id of the meeting's agenda") String caseId)
      implements EventData {}

  /** {@code caseId} is the endorsed proposal's case. */
  record ProposalEndorsed(String proposalId, @Nullable @MachineValue("a case id of the meeting's agenda") String caseId)
      implements EventData {}

  /** {@code from} is absent for the first phase, {@code endsAt} when the meeting closes. */
  record PhaseChanged(@Nullable String from, String to, @Nullable Instant endsAt) implements EventData {}

  record MessageHidden(String messageId, @Nullable String reason) implements EventData {}

  record ParticipantMuted(String accountId, @Nullable String reason) implements EventData {}

  record ParticipantUnmuted(String accountId, @Nullable String reason) implements EventData {}

  record ParticipantRemoved(String accountId, @Nullable String reason) implements EventData {}

  record ParticipantJoined(String accountId, String displayName, @Nullable Organization organization, Role role,
      @Nullable String profession)
      implements EventData {}

  record ParticipantLeft(String accountId, String displayName, @Nullable Organization organization, Role role,
      @Nullable String profession)
      implements EventData {}

  /**
   * The host moved the agenda to {@code caseId}: it is discussed in {@code phase} until {@code endsAt}
   * (presentation for a case not discussed yet, else the phase it had reached).
   */
  record CaseFocused(String caseId, String phase, Instant endsAt) implements EventData {}

  /** The summary of one case: {@link Summary}'s fields with the case ({@code null} in old logs: the first case). */
  record SummaryUpdated(String direction,
      @MachineValue("proposal ids, validated against Command.ID") List<String> adoptedProposalIds,
      List<Summary.RegionalIssue> regionalIssues, List<String> missingResources, List<String> followUps,
      @Nullable @MachineValue("a case id of the meeting's agenda") String caseId) implements EventData {

    static SummaryUpdated of(String caseId, Summary summary) {
      return new SummaryUpdated(summary.direction(), summary.adoptedProposalIds(), summary.regionalIssues(),
          summary.missingResources(), summary.followUps(), caseId);
    }

    Summary summary() {
      return new Summary(direction, adoptedProposalIds, regionalIssues, missingResources, followUps);
    }
  }
}
