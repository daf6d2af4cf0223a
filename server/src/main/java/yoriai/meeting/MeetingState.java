package yoriai.meeting;

import com.fasterxml.jackson.core.type.TypeReference;
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
import yoriai.shared.Json;

/**
 * What a meeting's log adds up to. {@link #decide} checks a command against it and drafts the
 * event; {@link #apply} is the only place the state changes, used alike for live events and for
 * folding a stored log, so a reloaded room is the room that was lost.
 */
final class MeetingState {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

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

  /** An event about to be appended, without its seq. */
  record Draft(String kind, Map<String, Object> data) {}

  Draft decide(Account actor, Command command, Instant now) {
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
      return draft("message.posted", "messageId", Ids.newId(), "text", post.text(), "replyTo", post.replyTo(),
          "phase", meeting.progress().phase());
    }
    if (command instanceof Command.React react) {
      requireWindow(now);
      requireMessage(react.messageId());
      return draft("reaction.changed", "messageId", react.messageId(), "emoji", react.emoji(),
          "on", react.on() == null || react.on());
    }
    if (command instanceof Command.Hand hand) {
      requireWindow(now);
      return draft("hand.changed", "raised", hand.raised());
    }
    if (command instanceof Command.Propose propose) {
      requireWindow(now);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("proposalId", Ids.newId());
      data.putAll(Json.mapper().convertValue(propose.proposal(), MAP));
      data.put("phase", meeting.progress().phase());
      return new Draft("proposal.posted", Json.mapper().convertValue(data, MAP));
    }
    if (command instanceof Command.Endorse endorse) {
      requireWindow(now);
      if (!proposals.contains(endorse.proposalId())) {
        throw Failure.notFound("Proposal " + endorse.proposalId());
      }
      if (endorsements.contains(endorse.proposalId() + "/" + actor.id())) {
        throw Failure.forbidden("You already endorsed this proposal");
      }
      return draft("proposal.endorsed", "proposalId", endorse.proposalId());
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
    Command.Presence presence = (Command.Presence) command;
    return draft(presence.joined() ? "participant.joined" : "participant.left",
        "accountId", actor.id(), "displayName", actor.displayName(), "organization", actor.organization(),
        "role", actor.role(), "profession", actor.profession());
  }

  private Draft changePhase(Account actor, Command.ChangePhase change, Instant now) {
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
    return draft("phase.changed", "from", from, "to", to.code(), "endsAt", endsAt == null ? null : endsAt.toString());
  }

  private Draft moderate(Account actor, Command.Moderate moderate) {
    requireHost(actor);
    if ("hide".equals(moderate.action())) {
      requireMessage(moderate.messageId());
      return draft("message.hidden", "messageId", moderate.messageId(), "reason", moderate.reason());
    }
    if (moderate.accountId().equals(meeting.hostId())) {
      throw Failure.forbidden("The host cannot be moderated");
    }
    String kind = switch (moderate.action()) {
      case "mute" -> "participant.muted";
      case "unmute" -> "participant.unmuted";
      default -> "participant.removed";
    };
    return draft(kind, "accountId", moderate.accountId(), "reason", moderate.reason());
  }

  private Draft summary(Account actor, Summary summary) {
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
    return new Draft("summary.updated", Json.mapper().convertValue(summary, MAP));
  }

  /**
   * What applying one event did beyond the state, for the room to act on: the meeting's progress
   * changed (store it), an account was removed (disconnect it), the meeting closed.
   */
  record Effects(boolean progressChanged, String removedAccountId, boolean closed) {}

  Effects apply(MeetingEvent event) {
    Map<String, Object> data = event.data();
    Meeting.Progress p = meeting.progress();
    switch (event.kind()) {
      case "message.posted" -> messages.add((String) data.get("messageId"));
      case "proposal.posted" -> proposals.add((String) data.get("proposalId"));
      case "proposal.endorsed" -> endorsements.add(data.get("proposalId") + "/" + event.actor().accountId());
      case "participant.muted" -> muted.add((String) data.get("accountId"));
      case "participant.unmuted" -> muted.remove((String) data.get("accountId"));
      case "participant.removed" -> {
        removed.add((String) data.get("accountId"));
        present.remove((String) data.get("accountId"));
      }
      case "participant.joined" -> {
        present.put(event.actor().accountId(), event.actor());
        joined.add(event.actor().accountId());
      }
      case "participant.left" -> present.remove(event.actor().accountId());
      case "summary.updated" -> p = new Meeting.Progress(p.state(), p.phase(), p.phaseEndsAt(), p.closedAt(),
          p.commentClosesAt(), Json.mapper().convertValue(data, Summary.class), p.seq());
      case "phase.changed" -> {
        String to = (String) data.get("to");
        boolean closing = "closed".equals(to);
        Object endsAt = data.get("endsAt");
        p = new Meeting.Progress(closing ? "closed" : "live", to, endsAt == null ? null : Instant.parse((String) endsAt),
            closing ? event.at() : null,
            closing ? event.at().plus(Duration.ofDays(meeting.commentDaysAfter())) : null, p.summary(), p.seq());
      }
      default -> { }
    }
    meeting = meeting.withProgress(new Meeting.Progress(p.state(), p.phase(), p.phaseEndsAt(), p.closedAt(),
        p.commentClosesAt(), p.summary(), event.seq()));
    boolean progressChanged = event.kind().equals("phase.changed") || event.kind().equals("summary.updated");
    String removed = event.kind().equals("participant.removed") ? (String) data.get("accountId") : null;
    boolean closed = event.kind().equals("phase.changed") && "closed".equals(data.get("to"));
    return new Effects(progressChanged, removed, closed);
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

  /** Data with JSON-native values only, so a live event and its stored copy fold the same way. */
  private static Draft draft(String kind, Object... pairs) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        data.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return new Draft(kind, Json.mapper().convertValue(data, MAP));
  }
}
