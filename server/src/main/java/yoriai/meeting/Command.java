package yoriai.meeting;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import yoriai.shared.Ids;
import yoriai.shared.MachineValue;
import yoriai.shared.Nullable;
import yoriai.shared.Validator;

/**
 * What a participant asks a meeting to do; each accepted command appends exactly one event. Every
 * free text of a command is checked for personal data before it reaches the room ({@link
 * yoriai.shared.PublicTexts} walks the record); only components marked {@link MachineValue} are not.
 * A socket frame's {@code type} names its command; UpdateSummary and Presence never come over the socket.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Command.Post.class, name = "post"),
    @JsonSubTypes.Type(value = Command.React.class, name = "react"),
    @JsonSubTypes.Type(value = Command.Hand.class, name = "hand"),
    @JsonSubTypes.Type(value = Command.Propose.class, name = "propose"),
    @JsonSubTypes.Type(value = Command.Endorse.class, name = "endorse"),
    @JsonSubTypes.Type(value = Command.ChangePhase.class, name = "phase"),
    @JsonSubTypes.Type(value = Command.Focus.class, name = "focus"),
    @JsonSubTypes.Type(value = Command.Moderate.class, name = "moderate")})
public sealed interface Command {
  /** The ids a command refers to (messages, proposals, the command itself) are generated ids. */
  Pattern ID = Ids.FORMAT;
  Set<String> EMOJI = Set.of("👍", "❤️", "💡", "🙏", "👏");
  List<String> PROPOSAL_TYPES = List.of("market", "mutual", "public", "hybrid");
  /**
   * What the host may do to others: hide a message, mute/unmute or remove a participant, lower a
   * participant's raised hand ({@code lower}), give the floor to the first raised hand ({@code call}).
   */
  List<String> MODERATION = List.of("hide", "mute", "unmute", "remove", "lower", "call");

  /** Refuses malformed fields before the command reaches a room. */
  void validate();

  /**
   * Whether this command is a participant's contribution, refused when the host muted them: a
   * post, a reaction, a proposal, an endorsement or a raised hand. Lowering a hand is not one, so
   * a participant muted with a raised hand can still take it down.
   */
  default boolean contributes() {
    return false;
  }

  record Post(String text, @Nullable @MachineValue("a message id, validated against ID") String replyTo)
      implements Command {
    @Override
    public void validate() {
      new Validator().text("text", text, 1, 4000).matches("replyTo", replyTo, ID, "a message id").orThrow();
    }

    @Override
    public boolean contributes() {
      return true;
    }
  }

  record React(@MachineValue("a message id, validated against ID") String messageId,
      @MachineValue("one of EMOJI") String emoji, @Nullable Boolean on) implements Command {
    @Override
    public void validate() {
      new Validator().required("messageId", messageId).matches("messageId", messageId, ID, "a message id")
          .required("emoji", emoji).oneOf("emoji", emoji, EMOJI.stream().sorted().toList()).orThrow();
    }

    @Override
    public boolean contributes() {
      return true;
    }
  }

  record Hand(Boolean raised) implements Command {
    @Override
    public void validate() {
      new Validator().required("raised", raised).orThrow();
    }

    @Override
    public boolean contributes() {
      return Boolean.TRUE.equals(raised);
    }
  }

  record Propose(Proposal proposal) implements Command {
    @Override
    public void validate() {
      Validator v = new Validator().required("proposal", proposal);
      if (proposal != null) {
        v.text("proposal.targetActivity", proposal.targetActivity(), 1, 200)
            .required("proposal.type", proposal.type())
            .oneOf("proposal.type", proposal.type(), PROPOSAL_TYPES)
            .text("proposal.description", proposal.description(), 1, 4000)
            .text("proposal.keepsAbilities", proposal.keepsAbilities(), 1, 2000)
            .text("proposal.serviceId", proposal.serviceId(), 0, 100)
            .text("proposal.cost", proposal.cost(), 0, 500)
            .text("proposal.area", proposal.area(), 0, 500);
      }
      v.orThrow();
    }

    @Override
    public boolean contributes() {
      return true;
    }
  }

  /** A structured solution idea (解決策の提案). */
  record Proposal(String targetActivity, @MachineValue("one of PROPOSAL_TYPES") String type, String description, String keepsAbilities,
      @Nullable String serviceId, @Nullable String cost, @Nullable String area) {}

  record Endorse(@MachineValue("a proposal id, validated against ID") String proposalId) implements Command {
    @Override
    public void validate() {
      new Validator().required("proposalId", proposalId).matches("proposalId", proposalId, ID, "a proposal id").orThrow();
    }

    @Override
    public boolean contributes() {
      return true;
    }
  }

  record ChangePhase(@MachineValue("a phase name, parsed by Phase") String to) implements Command {
    @Override
    public void validate() {
      new Validator().required("to", to).check(to == null || Phase.parse(to).isPresent(), "to",
          "must be one of presentation, questions, advice, proposals, summary, closed").orThrow();
    }
  }

  /** Moves the agenda to one of the meeting's cases (host only). */
  record Focus(@MachineValue("a case id of the meeting's agenda, validated against Ids.FORMAT") String caseId)
      implements Command {
    @Override
    public void validate() {
      new Validator().required("caseId", caseId).matches("caseId", caseId, Ids.FORMAT, "a case id").orThrow();
    }
  }

  record Moderate(@MachineValue("one of MODERATION") String action,
      @Nullable @MachineValue("a message id, validated against ID") String messageId,
      @Nullable @MachineValue("the account the action is about, never shown as text") String accountId,
      @Nullable String reason) implements Command {
    @Override
    public void validate() {
      Validator v = new Validator().required("action", action).oneOf("action", action, MODERATION)
          .text("reason", reason, 0, 500);
      if ("hide".equals(action)) {
        v.required("messageId", messageId).matches("messageId", messageId, ID, "a message id");
      } else if (action != null && !"call".equals(action)) {
        v.required("accountId", accountId).text("accountId", accountId, 1, 100);
      }
      v.orThrow();
    }
  }

  /** Replaces the summary of one case ({@code null}: the first); sent over REST by the host. */
  record UpdateSummary(@Nullable @MachineValue("a case id from the route, validated against Ids.FORMAT") String caseId,
      Summary summary) implements Command {
    @Override
    public void validate() {
      new Validator().matches("caseId", caseId, Ids.FORMAT, "a case id").orThrow();
      summary.validate();
    }
  }

  /** Presence, appended by the room itself when an account's first connection joins or its last one leaves. */
  record Presence(boolean joined) implements Command {
    @Override
    public void validate() {}
  }
}
