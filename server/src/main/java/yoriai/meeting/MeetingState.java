package yoriai.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import yoriai.account.Account;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;
import yoriai.shared.FieldProblem;
import yoriai.shared.Ids;

/**
 * What a meeting's log adds up to. {@link #decide} checks a command against it and drafts the
 * event; {@link #apply} is the only place the state changes, used alike for live events and for
 * folding a stored log, so a reloaded room is the room that was lost.
 */
final class MeetingState {
  private Meeting meeting;
  private final Set<String> messages = new HashSet<>();
  private final Set<String> proposals = new HashSet<>();
  private final Set<String> endorsements = new HashSet<>();
  private final Set<String> muted = new HashSet<>();
  private final Set<String> removed = new HashSet<>();
  /** Every account that ever joined; an invite meeting stays open to them without the code. */
  private final Set<String> joined = new HashSet<>();
  /** Who is present meeting-wide, by the presence events of every node. */
  private final Map<String, Actor> present = new LinkedHashMap<>();

  MeetingState(Meeting meeting) {
    this.meeting = meeting.withProgress(Meeting.Progress.SCHEDULED);
  }

  Meeting meeting() {
    return meeting;
  }

  long seq() {
    return meeting.progress().seq();
  }

  boolean isHost(Account account) {
    return MeetingAccess.isHost(meeting, account);
  }

  List<Actor> present() {
    return List.copyOf(present.values());
  }

  boolean isRemoved(String accountId) {
    return removed.contains(accountId);
  }

  boolean hasJoined(String accountId) {
    return joined.contains(accountId);
  }

  /**
   * What applying an event means beyond the state: the meeting's progress changed (the room
   * stores it), an account was removed (the room disconnects it), the meeting closed.
   */
  record Effects(boolean progressChanged, String removedAccountId, boolean closed) {
    static final Effects NONE = new Effects(false, null, false);

    static Effects of(MeetingEvent event) {
      if (event.data() instanceof EventData.PhaseChanged changed) {
        return new Effects(true, null, Phase.CLOSED.code().equals(changed.to()));
      }
      if (event.data() instanceof EventData.ParticipantRemoved removal) {
        return new Effects(false, removal.accountId(), false);
      }
      return event.data() instanceof Summary ? new Effects(true, null, false) : NONE;
    }
  }

  /** Checks {@code command} against the state and drafts the data of the event it appends. */
  EventData decide(Account actor, Command command, Instant now) {
    if (removed.contains(actor.id()) && !(command instanceof Command.Presence)) {
      throw Failure.forbidden("You were removed from this meeting");
    }
    if (command.contributes() && muted.contains(actor.id())) {
      throw new Failure(FailureKind.FORBIDDEN, "muted", "The host has muted you");
    }
    if (command instanceof Command.Post post) {
      requireWindow(now);
      if (post.replyTo() != null && !messages.contains(post.replyTo())) {
        throw Failure.notFound("Message " + post.replyTo());
      }
      return new EventData.MessagePosted(Ids.newId(), post.text(), post.replyTo(), meeting.progress().phase(), null);
    }
    if (command instanceof Command.React react) {
      requireWindow(now);
      requireMessage(react.messageId());
      return new EventData.ReactionChanged(react.messageId(), react.emoji(), react.on() == null || react.on());
    }
    if (command instanceof Command.Hand hand) {
      requireWindow(now);
      return new EventData.HandChanged(hand.raised());
    }
    if (command instanceof Command.Propose propose) {
      requireWindow(now);
      Command.Proposal p = propose.proposal();
      return new EventData.ProposalPosted(Ids.newId(), p.targetActivity(), p.type(), p.description(),
          p.keepsAbilities(), p.serviceId(), p.cost(), p.area(), meeting.progress().phase());
    }
    if (command instanceof Command.Endorse endorse) {
      requireWindow(now);
      if (!proposals.contains(endorse.proposalId())) {
        throw Failure.notFound("Proposal " + endorse.proposalId());
      }
      if (endorsements.contains(endorse.proposalId() + "/" + actor.id())) {
        throw Failure.forbidden("You already endorsed this proposal");
      }
      return new EventData.ProposalEndorsed(endorse.proposalId());
    }
    if (command instanceof Command.ChangePhase change) {
      return changePhase(actor, change, now);
    }
    if (command instanceof Command.Moderate moderate) {
      return moderate(actor, moderate);
    }
    if (command instanceof Command.UpdateSummary update) {
      return summary(actor, update.summary());
    }
    return ((Command.Presence) command).joined()
        ? new EventData.ParticipantJoined(actor.id(), actor.displayName(), actor.organization(), actor.role(),
            actor.profession())
        : new EventData.ParticipantLeft(actor.id(), actor.displayName(), actor.organization(), actor.role(),
            actor.profession());
  }

  private EventData changePhase(Account actor, Command.ChangePhase change, Instant now) {
    requireHost(actor);
    if ("closed".equals(meeting.progress().state())) {
      throw new Failure(FailureKind.CONFLICT, "closed", "The meeting is closed");
    }
    Phase to = Phase.parse(change.to()).orElseThrow();
    String from = meeting.progress().phase();
    if (from != null && to.ordinal() <= Phase.parse(from).orElseThrow().ordinal()) {
      throw invalid("to", "must come after the current phase " + from);
    }
    Instant endsAt = to == Phase.CLOSED ? null : now.plus(Duration.ofMinutes(meeting.phaseMinutes().get(to.code())));
    return new EventData.PhaseChanged(from, to.code(), endsAt);
  }

  private EventData moderate(Account actor, Command.Moderate moderate) {
    requireHost(actor);
    if ("hide".equals(moderate.action())) {
      requireMessage(moderate.messageId());
      return new EventData.MessageHidden(moderate.messageId(), moderate.reason());
    }
    if (moderate.accountId().equals(meeting.hostId())) {
      throw Failure.forbidden("The host cannot be moderated");
    }
    return switch (moderate.action()) {
      case "mute" -> new EventData.ParticipantMuted(moderate.accountId(), moderate.reason());
      case "unmute" -> new EventData.ParticipantUnmuted(moderate.accountId(), moderate.reason());
      default -> new EventData.ParticipantRemoved(moderate.accountId(), moderate.reason());
    };
  }

  private EventData summary(Account actor, Summary summary) {
    requireHost(actor);
    String phase = meeting.progress().phase();
    if (!"summary".equals(phase) && !"closed".equals(phase)) {
      throw new Failure(FailureKind.CONFLICT, "wrong_phase", "The summary is written in the summary phase or after closing");
    }
    for (int i = 0; i < summary.adoptedProposalIds().size(); i++) {
      if (!proposals.contains(summary.adoptedProposalIds().get(i))) {
        throw invalid("adoptedProposalIds[" + i + "]", "no such proposal in this meeting");
      }
    }
    return summary;
  }

  Effects apply(MeetingEvent event) {
    Meeting.Progress p = meeting.progress();
    String actorId = event.actor() == null ? null : event.actor().accountId();
    EventData data = event.data();
    if (data instanceof EventData.MessagePosted posted) {
      messages.add(posted.messageId());
    } else if (data instanceof EventData.ProposalPosted proposal) {
      proposals.add(proposal.proposalId());
    } else if (data instanceof EventData.ProposalEndorsed endorsed) {
      endorsements.add(endorsed.proposalId() + "/" + actorId);
    } else if (data instanceof EventData.ParticipantMuted mute) {
      muted.add(mute.accountId());
    } else if (data instanceof EventData.ParticipantUnmuted unmute) {
      muted.remove(unmute.accountId());
    } else if (data instanceof EventData.ParticipantRemoved removal) {
      removed.add(removal.accountId());
      present.remove(removal.accountId());
    } else if (data instanceof EventData.ParticipantJoined) {
      present.put(actorId, event.actor());
      joined.add(actorId);
    } else if (data instanceof EventData.ParticipantLeft) {
      present.remove(actorId);
    } else if (data instanceof Summary summary) {
      p = new Meeting.Progress(p.state(), p.phase(), p.phaseEndsAt(), p.closedAt(), p.commentClosesAt(), summary, p.seq());
    } else if (data instanceof EventData.PhaseChanged changed) {
      boolean closing = Phase.CLOSED.code().equals(changed.to());
      p = new Meeting.Progress(closing ? "closed" : "live", changed.to(), changed.endsAt(), closing ? event.at() : null,
          closing ? event.at().plus(Duration.ofDays(meeting.commentDaysAfter())) : null, p.summary(), p.seq());
    }
    meeting = meeting.withProgress(new Meeting.Progress(p.state(), p.phase(), p.phaseEndsAt(), p.closedAt(),
        p.commentClosesAt(), p.summary(), event.seq()));
    return Effects.of(event);
  }

  private void requireWindow(Instant now) {
    if (now.isBefore(meeting.commentOpensAt())) {
      throw new Failure(FailureKind.CONFLICT, "not_open", "Comments open at " + meeting.commentOpensAt());
    }
    Instant closes = meeting.progress().commentClosesAt();
    if (closes != null && now.isAfter(closes)) {
      throw new Failure(FailureKind.CONFLICT, "closed", "Comments closed at " + closes);
    }
  }

  private void requireHost(Account actor) {
    if (!isHost(actor)) {
      throw Failure.forbidden("Only the host may do this");
    }
  }

  private void requireMessage(String messageId) {
    if (!messages.contains(messageId)) {
      throw Failure.notFound("Message " + messageId);
    }
  }

  private static Failure invalid(String field, String problem) {
    return Failure.invalid(field + " " + problem, List.of(new FieldProblem(field, problem)));
  }
}
