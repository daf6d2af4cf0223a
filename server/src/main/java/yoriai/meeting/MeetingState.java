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
  private final Agenda agenda;
  private final Endorsements endorsements = new Endorsements();
  private final RaisedHands hands = new RaisedHands();
  private final Set<String> muted = new HashSet<>();
  private final Set<String> removed = new HashSet<>();
  /** Every account that ever joined; an invite meeting stays open to them without the code. */
  private final Set<String> joined = new HashSet<>();
  /** Who is present meeting-wide, by the presence events of every node. */
  private final Map<String, Actor> present = new LinkedHashMap<>();

  MeetingState(Meeting meeting) {
    this.meeting = meeting.withProgress(Meeting.Progress.scheduled(meeting.firstCaseId()));
    this.agenda = new Agenda(meeting.caseIds());
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

  /** The seq of the event that posted {@code messageId}, a message of this meeting. */
  long seqOfMessage(String messageId) {
    return agenda.seqOfMessage(messageId);
  }

  /**
   * What applying an event means beyond the state: progress changed (the room stores it), an account
   * was removed (it disconnects it), the meeting closed, a proposal was posted (it tells its {@link ProposalWatch}).
   */
  record Effects(boolean progressChanged, String removedAccountId, boolean closed, EventData.ProposalPosted proposed) {
    static final Effects NONE = new Effects(false, null, false, null);

    static Effects of(MeetingEvent event) {
      if (event.data() instanceof EventData.PhaseChanged changed) {
        return new Effects(true, null, Phase.CLOSED.code().equals(changed.to()), null);
      }
      if (event.data() instanceof EventData.ParticipantRemoved removal) {
        return new Effects(false, removal.accountId(), false, null);
      }
      if (event.data() instanceof EventData.ProposalPosted proposal) {
        return new Effects(false, null, false, proposal);
      }
      boolean agendaChanged = event.data() instanceof EventData.SummaryUpdated || event.data() instanceof EventData.CaseFocused;
      return agendaChanged ? new Effects(true, null, false, null) : NONE;
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
      if (post.replyTo() != null && !agenda.hasMessage(post.replyTo())) {
        throw Failure.notFound("Message " + post.replyTo());
      }
      // a reply joins its message's case; anything else is said about the case in focus
      String caseId = post.replyTo() == null ? agenda.focus() : agenda.caseOfMessage(post.replyTo());
      return new EventData.MessagePosted(Ids.newId(), post.text(), post.replyTo(), phaseOf(caseId), null, caseId);
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
          p.keepsAbilities(), p.serviceId(), p.cost(), p.area(), meeting.progress().phase(), agenda.focus());
    }
    if (command instanceof Command.Endorse endorse) {
      requireWindow(now);
      if (!agenda.hasProposal(endorse.proposalId())) {
        throw Failure.notFound("Proposal " + endorse.proposalId());
      }
      endorsements.requireAllowed(endorse.proposalId(), actor.id());
      return new EventData.ProposalEndorsed(endorse.proposalId(), agenda.caseOfProposal(endorse.proposalId()));
    }
    if (command instanceof Command.ChangePhase change) {
      return changePhase(actor, change, now);
    }
    if (command instanceof Command.Focus focus) {
      return focus(actor, focus, now);
    }
    if (command instanceof Command.Moderate moderate) {
      return moderate(actor, moderate);
    }
    if (command instanceof Command.UpdateSummary update) {
      return summary(actor, update);
    }
    return ((Command.Presence) command).joined()
        ? new EventData.ParticipantJoined(actor.id(), actor.displayName(), actor.organization(), actor.role(),
            actor.profession())
        : new EventData.ParticipantLeft(actor.id(), actor.displayName(), actor.organization(), actor.role(),
            actor.profession());
  }

  /** Phases move forward within the cycle of the case in focus; {@code closed} ends the whole meeting. */
  private EventData changePhase(Account actor, Command.ChangePhase change, Instant now) {
    requireHost(actor);
    requireNotClosed();
    Phase to = Phase.parse(change.to()).orElseThrow();
    String from = agenda.phaseOf(agenda.focus());
    if (from != null && to.ordinal() <= Phase.parse(from).orElseThrow().ordinal()) {
      throw invalid("to", "must come after the current phase " + from);
    }
    return new EventData.PhaseChanged(from, to.code(), to == Phase.CLOSED ? null : endsAt(to, now));
  }

  /**
   * Focusing a case starts its phases at presentation (PRODUCT §7), also for a case discussed
   * before: the host can move straight on to the phase to finish, since phases may skip forward.
   */
  private EventData focus(Account actor, Command.Focus focus, Instant now) {
    requireHost(actor);
    requireNotClosed();
    if (!agenda.has(focus.caseId())) {
      throw Failure.notFound("Case " + focus.caseId() + " on this meeting's agenda");
    }
    return new EventData.CaseFocused(focus.caseId(), Phase.PRESENTATION.code(), endsAt(Phase.PRESENTATION, now));
  }

  private Instant endsAt(Phase phase, Instant now) {
    return now.plus(Duration.ofMinutes(meeting.phaseMinutes().get(phase.code())));
  }

  private void requireNotClosed() {
    if ("closed".equals(meeting.progress().state())) {
      throw new Failure(FailureKind.CONFLICT, "closed", "The meeting is closed");
    }
  }

  /** A message's phase: its case's, or closed once the meeting is. */
  private String phaseOf(String caseId) {
    return "closed".equals(meeting.progress().state()) ? Phase.CLOSED.code() : agenda.phaseOf(caseId);
  }

  private EventData moderate(Account actor, Command.Moderate moderate) {
    requireHost(actor);
    if ("hide".equals(moderate.action())) {
      requireMessage(moderate.messageId());
      return new EventData.MessageHidden(moderate.messageId(), moderate.reason());
    }
    if ("call".equals(moderate.action())) {
      requireNotClosed();
      return new EventData.SpeakerCalled(hands.first().orElseThrow(RaisedHands::noneRaised));
    }
    if ("lower".equals(moderate.action())) {
      requireNotClosed();
      if (!hands.isRaised(moderate.accountId())) {
        throw RaisedHands.noneRaised();
      }
      return new EventData.HandLowered(moderate.accountId());
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

  /** A case's summary is written once that case reached its summary phase, or after closing. */
  private EventData summary(Account actor, Command.UpdateSummary update) {
    requireHost(actor);
    if (update.caseId() != null && !agenda.has(update.caseId())) {
      throw Failure.notFound("Case " + update.caseId() + " on this meeting's agenda");
    }
    String caseId = agenda.caseOf(update.caseId());
    if (!"summary".equals(phaseOf(caseId)) && !"closed".equals(phaseOf(caseId))) {
      throw new Failure(FailureKind.CONFLICT, "wrong_phase", "The summary is written in the summary phase or after closing");
    }
    Summary summary = update.summary();
    for (int i = 0; i < summary.adoptedProposalIds().size(); i++) {
      String proposalId = summary.adoptedProposalIds().get(i);
      if (!caseId.equals(agenda.caseOfProposal(proposalId))) {
        throw invalid("adoptedProposalIds[" + i + "]", "no such proposal in this case");
      }
    }
    return EventData.SummaryUpdated.of(caseId, summary);
  }

  Effects apply(MeetingEvent event) {
    Meeting.Progress p = meeting.progress();
    String actorId = event.actor() == null ? null : event.actor().accountId();
    EventData data = event.data();
    hands.fold(event);
    if (data instanceof EventData.MessagePosted posted) {
      agenda.message(posted.messageId(), posted.caseId(), event.seq());
    } else if (data instanceof EventData.ProposalPosted proposal) {
      agenda.proposal(proposal.proposalId(), proposal.caseId());
      endorsements.proposed(proposal.proposalId(), actorId);
    } else if (data instanceof EventData.ProposalEndorsed endorsed) {
      endorsements.endorsed(endorsed.proposalId(), actorId);
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
    } else if (data instanceof EventData.SummaryUpdated updated) {
      String caseId = agenda.caseOf(updated.caseId());
      agenda.summary(caseId, updated.summary());
      if (caseId.equals(agenda.first())) {
        p = p.withSummary(updated.summary());
      }
    } else if (data instanceof EventData.PhaseChanged changed) {
      boolean closing = Phase.CLOSED.code().equals(changed.to());
      if (!closing) {
        agenda.reached(changed.to());
      }
      p = p.inPhase(closing ? "closed" : "live", changed.to(), changed.endsAt(), closing ? event.at() : null,
          closing ? event.at().plus(Duration.ofDays(meeting.commentDaysAfter())) : null);
    } else if (data instanceof EventData.CaseFocused focused) {
      agenda.focus(focused.caseId(), focused.phase());
      p = p.inPhase("live", focused.phase(), focused.endsAt(), p.closedAt(), p.commentClosesAt());
    }
    meeting = meeting.withProgress(p.withAgenda(event.seq(), agenda.focus(), agenda.phases(), agenda.summaries()));
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
    if (!agenda.hasMessage(messageId)) {
      throw Failure.notFound("Message " + messageId);
    }
  }

  private static Failure invalid(String field, String problem) {
    return Failure.invalid(field + " " + problem, List.of(new FieldProblem(field, problem)));
  }
}
