package yoriai.meeting;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.Instant;
import yoriai.account.Organization;
import yoriai.account.Role;
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
    @JsonSubTypes.Type(value = EventData.ProposalPosted.class, name = "proposal.posted"),
    @JsonSubTypes.Type(value = EventData.ProposalEndorsed.class, name = "proposal.endorsed"),
    @JsonSubTypes.Type(value = EventData.PhaseChanged.class, name = "phase.changed"),
    @JsonSubTypes.Type(value = EventData.MessageHidden.class, name = "message.hidden"),
    @JsonSubTypes.Type(value = EventData.ParticipantMuted.class, name = "participant.muted"),
    @JsonSubTypes.Type(value = EventData.ParticipantUnmuted.class, name = "participant.unmuted"),
    @JsonSubTypes.Type(value = EventData.ParticipantRemoved.class, name = "participant.removed"),
    @JsonSubTypes.Type(value = EventData.ParticipantJoined.class, name = "participant.joined"),
    @JsonSubTypes.Type(value = EventData.ParticipantLeft.class, name = "participant.left"),
    @JsonSubTypes.Type(value = Summary.class, name = "summary.updated")})
public sealed interface EventData permits EventData.MessagePosted, EventData.ReactionChanged, EventData.HandChanged,
    EventData.ProposalPosted, EventData.ProposalEndorsed, EventData.PhaseChanged, EventData.MessageHidden,
    EventData.ParticipantMuted, EventData.ParticipantUnmuted, EventData.ParticipantRemoved, EventData.ParticipantJoined,
    EventData.ParticipantLeft, Summary {

  /** The kind {@code type} is written with, e.g. {@code message.posted}. */
  static String kindOf(Class<? extends EventData> type) {
    for (JsonSubTypes.Type subtype : EventData.class.getAnnotation(JsonSubTypes.class).value()) {
      if (subtype.value() == type) {
        return subtype.name();
      }
    }
    throw new IllegalArgumentException(type + " is not an event kind");
  }

  /** {@code hidden} is set, and {@code text} gone, once the host hid the message (its tombstone). */
  record MessagePosted(String messageId, @Nullable String text, @Nullable String replyTo, @Nullable String phase,
      @Nullable Boolean hidden) implements EventData {
    MessagePosted tombstone() {
      return new MessagePosted(messageId, null, replyTo, phase, true);
    }
  }

  record ReactionChanged(String messageId, String emoji, boolean on) implements EventData {}

  record HandChanged(boolean raised) implements EventData {}

  record ProposalPosted(String proposalId, String targetActivity, String type, String description, String keepsAbilities,
      @Nullable String serviceId, @Nullable String cost, @Nullable String area, @Nullable String phase)
      implements EventData {}

  record ProposalEndorsed(String proposalId) implements EventData {}

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
}
