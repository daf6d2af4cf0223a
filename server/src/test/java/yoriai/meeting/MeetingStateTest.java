package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import yoriai.account.Account;
import yoriai.account.Role;
import yoriai.shared.Failure;

/** The meeting's rules, decided and folded without a room, a store or a socket. */
class MeetingStateTest {
  private static final Instant OPENS = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-12-02T05:00:00Z");
  private static final Account HOST = account("host", Role.MUNICIPALITY);
  private static final Account PRO = account("pro", Role.PROFESSIONAL);
  private static final Account OTHER = account("other", Role.COMPANY);

  private final MeetingState state = new MeetingState(new Meeting("m1", "検討会", List.of("c1"), "open", HOST.id(),
      OffsetDateTime.of(2026, 12, 2, 14, 0, 0, 0, ZoneOffset.ofHours(9)),
      Map.of("presentation", 10, "questions", 10, "advice", 10, "proposals", 10, "summary", 10), 1, 7, OPENS, null, OPENS,
      null, null));
  private long seq;

  @Test
  void a_post_becomes_a_message_in_the_current_phase_and_a_reply_needs_its_message() {
    append(HOST, new Command.ChangePhase("questions"));

    EventData.MessagePosted posted = (EventData.MessagePosted) append(PRO, new Command.Post("週2回の買い物", null));

    assertThat(posted.phase()).isEqualTo("questions");
    assertThat(posted.text()).isEqualTo("週2回の買い物");
    assertThat(append(OTHER, new Command.Post("返信", posted.messageId()))).isInstanceOf(EventData.MessagePosted.class);
    assertRefused(PRO, new Command.Post("返信", "00000000-0000-0000-0000-000000000000"), "not_found");
  }

  @Test
  void only_the_host_changes_phase_or_moderates_and_phases_only_move_forward() {
    assertRefused(PRO, new Command.ChangePhase("presentation"), "forbidden");
    assertRefused(PRO, new Command.Moderate("mute", null, OTHER.id(), null), "forbidden");

    EventData.PhaseChanged first = (EventData.PhaseChanged) append(HOST, new Command.ChangePhase("advice"));

    assertThat(first.from()).isNull();
    assertThat(first.endsAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    assertThat(state.meeting().progress().state()).isEqualTo("live");
    assertRefused(HOST, new Command.ChangePhase("questions"), "invalid_request");
    assertRefused(HOST, new Command.Moderate("remove", null, HOST.id(), null), "forbidden");
  }

  @Test
  void a_muted_participant_may_lower_a_hand_but_not_contribute_until_unmuted() {
    EventData.MessagePosted posted = (EventData.MessagePosted) append(PRO, new Command.Post("発言", null));
    append(HOST, new Command.Moderate("mute", null, PRO.id(), "少し待って"));

    assertRefused(PRO, new Command.Post("まだ話す", null), "muted");
    assertRefused(PRO, new Command.React(posted.messageId(), "👍", true), "muted");
    assertRefused(PRO, new Command.Hand(true), "muted");
    assertThat(append(PRO, new Command.Hand(false))).isEqualTo(new EventData.HandChanged(false));

    append(HOST, new Command.Moderate("unmute", null, PRO.id(), null));
    assertThat(append(PRO, new Command.Post("戻りました", null))).isInstanceOf(EventData.MessagePosted.class);
  }

  @Test
  void a_removed_participant_is_refused_everything_but_presence_and_the_room_is_told_whom_to_disconnect() {
    append(PRO, new Command.Presence(true));
    assertThat(state.present()).extracting(Actor::accountId).containsExactly(PRO.id());

    EventData removal = state.decide(HOST, new Command.Moderate("remove", null, PRO.id(), null), NOW);
    MeetingState.Effects effects = state.apply(new MeetingEvent(++seq, "m1", NOW, Actor.of(HOST), removal));

    assertThat(effects).isEqualTo(new MeetingState.Effects(false, PRO.id(), false, null));
    assertThat(state.isRemoved(PRO.id())).isTrue();
    assertThat(state.hasJoined(PRO.id())).isTrue();
    assertThat(state.present()).isEmpty();
    assertRefused(PRO, new Command.Post("まだいます", null), "forbidden");
    assertThat(append(PRO, new Command.Presence(false))).isInstanceOf(EventData.ParticipantLeft.class);
  }

  @Test
  void comments_are_refused_before_the_window_opens_and_after_it_closes() {
    assertThatThrownBy(() -> state.decide(PRO, new Command.Post("早すぎ", null), OPENS.minusSeconds(1)))
        .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.code()).isEqualTo("not_open"));

    EventData closing = state.decide(HOST, new Command.ChangePhase("closed"), NOW);
    MeetingState.Effects effects = state.apply(new MeetingEvent(++seq, "m1", NOW, Actor.of(HOST), closing));

    assertThat(effects).isEqualTo(new MeetingState.Effects(true, null, true, null));
    assertThat(state.meeting().progress().commentClosesAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(append(PRO, new Command.Post("閉会後のコメント", null), NOW.plus(Duration.ofDays(6))))
        .isInstanceOf(EventData.MessagePosted.class);
    assertThatThrownBy(() -> state.decide(PRO, new Command.Post("遅すぎ", null), NOW.plus(Duration.ofDays(8))))
        .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.code()).isEqualTo("closed"));
    assertRefused(HOST, new Command.ChangePhase("summary"), "closed");
  }

  @Test
  void an_endorsement_counts_once_per_account_and_the_summary_waits_for_its_phase_and_known_proposals() {
    EventData.ProposalPosted proposal = (EventData.ProposalPosted) append(PRO, new Command.Propose(
        new Command.Proposal("買い物", "market", "移動販売", "自分で選ぶ", null, null, null)));
    append(OTHER, new Command.Endorse(proposal.proposalId()));
    assertRefused(OTHER, new Command.Endorse(proposal.proposalId()), "forbidden");
    assertRefused(OTHER, new Command.Endorse("00000000-0000-0000-0000-000000000000"), "not_found");

    Summary summary = new Summary("見守りを続ける", List.of(proposal.proposalId()), null, null, null);
    assertRefused(HOST, new Command.UpdateSummary(null, summary), "wrong_phase");
    append(HOST, new Command.ChangePhase("summary"));
    assertRefused(PRO, new Command.UpdateSummary(null, summary), "forbidden");
    assertRefused(HOST, new Command.UpdateSummary(null, new Summary("x", List.of("00000000-0000-0000-0000-000000000000"),
        null, null, null)), "invalid_request");

    EventData updated = state.decide(HOST, new Command.UpdateSummary(null, summary), NOW);
    MeetingState.Effects effects = state.apply(new MeetingEvent(++seq, "m1", NOW, Actor.of(HOST), updated));

    assertThat(effects).isEqualTo(new MeetingState.Effects(true, null, false, null));
    assertThat(state.meeting().progress().summary()).isEqualTo(summary);
    assertThat(state.seq()).isEqualTo(seq);
  }

  @Test
  void a_participant_cannot_endorse_their_own_proposal() {
    EventData.ProposalPosted proposal = (EventData.ProposalPosted) append(PRO, new Command.Propose(
        new Command.Proposal("買い物", "market", "移動販売", "自分で選ぶ", null, null, null)));

    assertRefused(PRO, new Command.Endorse(proposal.proposalId()), "own_proposal");
    assertThat(append(OTHER, new Command.Endorse(proposal.proposalId())))
        .isEqualTo(new EventData.ProposalEndorsed(proposal.proposalId(), "c1"));
  }

  @Test
  void the_host_calls_on_raised_hands_in_raise_order_and_the_called_speakers_hand_drops() {
    Account third = account("third", Role.PROFESSIONAL);
    append(OTHER, new Command.Hand(true));
    append(PRO, new Command.Hand(true));
    append(third, new Command.Hand(true));
    append(OTHER, new Command.Hand(true));

    assertThat(append(HOST, new Command.Moderate("call", null, null, null))).isEqualTo(new EventData.SpeakerCalled(OTHER.id()));
    assertThat(append(HOST, new Command.Moderate("call", null, null, null))).isEqualTo(new EventData.SpeakerCalled(PRO.id()));
    append(PRO, new Command.Hand(true));
    assertThat(append(HOST, new Command.Moderate("call", null, null, null)))
        .as("a hand raised again queues behind the hands still up").isEqualTo(new EventData.SpeakerCalled(third.id()));
  }

  @Test
  void a_raised_hand_stays_up_and_keeps_its_place_when_its_owner_leaves_and_drops_when_removed() {
    append(PRO, new Command.Presence(true));
    append(OTHER, new Command.Presence(true));
    append(PRO, new Command.Hand(true));
    append(OTHER, new Command.Hand(true));

    append(PRO, new Command.Presence(false));
    append(PRO, new Command.Presence(true));
    append(OTHER, new Command.Presence(false));

    assertThat(append(HOST, new Command.Moderate("call", null, null, null)))
        .as("a reconnect is no decision to give up one's turn").isEqualTo(new EventData.SpeakerCalled(PRO.id()));
    assertThat(append(HOST, new Command.Moderate("lower", null, OTHER.id(), null)))
        .as("the host can still lower the hand of someone who is away").isEqualTo(new EventData.HandLowered(OTHER.id()));
    append(PRO, new Command.Hand(true));
    append(HOST, new Command.Moderate("remove", null, PRO.id(), null));
    assertRefused(HOST, new Command.Moderate("call", null, null, null), "no_raised_hand");
  }

  @Test
  void the_host_lowers_anyones_raised_hand_and_only_the_host_calls_on_or_lowers() {
    append(PRO, new Command.Hand(true));
    append(OTHER, new Command.Hand(true));

    assertRefused(OTHER, new Command.Moderate("lower", null, PRO.id(), null), "forbidden");
    assertRefused(PRO, new Command.Moderate("call", null, null, null), "forbidden");
    assertThat(append(HOST, new Command.Moderate("lower", null, PRO.id(), null))).isEqualTo(new EventData.HandLowered(PRO.id()));
    assertRefused(HOST, new Command.Moderate("lower", null, PRO.id(), null), "no_raised_hand");
    assertThat(append(HOST, new Command.Moderate("call", null, null, null))).isEqualTo(new EventData.SpeakerCalled(OTHER.id()));
    assertRefused(HOST, new Command.Moderate("call", null, null, null), "no_raised_hand");
  }

  @Test
  void after_closing_the_host_neither_calls_on_nor_lowers_a_hand_but_still_hides_a_message() {
    EventData.MessagePosted posted = (EventData.MessagePosted) append(PRO, new Command.Post("閉会後に消される", null));
    append(PRO, new Command.Hand(true));
    append(OTHER, new Command.Hand(true));
    append(HOST, new Command.ChangePhase("closed"));

    assertRefused(HOST, new Command.Moderate("call", null, null, null), "closed");
    assertRefused(HOST, new Command.Moderate("lower", null, PRO.id(), null), "closed");
    assertThat(append(HOST, new Command.Moderate("hide", posted.messageId(), null, "個人情報")))
        .isEqualTo(new EventData.MessageHidden(posted.messageId(), "個人情報"));
  }

  @Test
  void a_hide_needs_a_known_message_and_changes_nothing_the_rules_fold() {
    assertRefused(HOST, new Command.Moderate("hide", "00000000-0000-0000-0000-000000000000", null, null), "not_found");
    EventData.MessagePosted posted = (EventData.MessagePosted) append(PRO, new Command.Post("消される", null));

    assertThat(append(HOST, new Command.Moderate("hide", posted.messageId(), null, "個人情報")))
        .isEqualTo(new EventData.MessageHidden(posted.messageId(), "個人情報"));
    assertThat(append(PRO, new Command.React(posted.messageId(), "👍", null)))
        .isEqualTo(new EventData.ReactionChanged(posted.messageId(), "👍", true));
  }

  @Test
  void the_meeting_starts_focused_on_its_first_case_and_every_contribution_carries_the_case_in_focus() {
    MeetingState agenda = threeCases();
    assertThat(agenda.meeting().progress().focusCaseId()).isEqualTo("c1");

    EventData.MessagePosted first = (EventData.MessagePosted) append(agenda, PRO, new Command.Post("一件目", null));
    EventData.CaseFocused focused = (EventData.CaseFocused) append(agenda, HOST, new Command.Focus("c2"));
    EventData.MessagePosted second = (EventData.MessagePosted) append(agenda, PRO, new Command.Post("二件目", null));
    EventData.MessagePosted reply = (EventData.MessagePosted) append(agenda, OTHER, new Command.Post("一件目へ返信", first.messageId()));
    EventData.ProposalPosted proposal = (EventData.ProposalPosted) append(agenda, PRO, new Command.Propose(
        new Command.Proposal("買い物", "market", "移動販売", "自分で選ぶ", null, null, null)));
    append(agenda, HOST, new Command.Focus("c3"));
    EventData.ProposalEndorsed endorsed = (EventData.ProposalEndorsed) append(agenda, OTHER, new Command.Endorse(proposal.proposalId()));

    assertThat(first.caseId()).isEqualTo("c1");
    assertThat(focused).isEqualTo(new EventData.CaseFocused("c2", "presentation", NOW.plus(Duration.ofMinutes(10))));
    assertThat(second.caseId()).isEqualTo("c2");
    assertThat(second.phase()).isEqualTo("presentation");
    assertThat(reply.caseId()).as("a reply joins its message's case").isEqualTo("c1");
    assertThat(proposal.caseId()).isEqualTo("c2");
    assertThat(endorsed.caseId()).as("an endorsement belongs to its proposal's case").isEqualTo("c2");
    assertThat(agenda.meeting().progress().focusCaseId()).isEqualTo("c3");
  }

  @Test
  void only_the_host_focuses_a_case_of_the_agenda_and_never_after_closing() {
    MeetingState agenda = threeCases();

    assertRefused(agenda, PRO, new Command.Focus("c2"), "forbidden");
    assertRefused(agenda, HOST, new Command.Focus("00000000-0000-0000-0000-000000000000"), "not_found");
    append(agenda, HOST, new Command.ChangePhase("closed"));
    assertRefused(agenda, HOST, new Command.Focus("c2"), "closed");
  }

  @Test
  void each_case_has_its_own_phase_cycle_and_a_case_focused_again_starts_it_at_presentation() {
    MeetingState agenda = threeCases();
    append(agenda, HOST, new Command.ChangePhase("presentation"));
    append(agenda, HOST, new Command.ChangePhase("summary"));

    EventData.CaseFocused second = (EventData.CaseFocused) append(agenda, HOST, new Command.Focus("c2"));
    EventData.PhaseChanged questions = (EventData.PhaseChanged) append(agenda, HOST, new Command.ChangePhase("questions"));
    EventData.CaseFocused back = (EventData.CaseFocused) append(agenda, HOST, new Command.Focus("c1"));

    assertThat(second.phase()).isEqualTo("presentation");
    assertThat(questions.from()).isEqualTo("presentation");
    assertThat(back.phase()).isEqualTo("presentation");
    assertRefused(agenda, HOST, new Command.ChangePhase("presentation"), "invalid_request");
    Meeting.Progress progress = agenda.meeting().progress();
    assertThat(progress.phase()).isEqualTo("presentation");
    assertThat(progress.casePhases()).containsExactly(Map.entry("c1", "presentation"), Map.entry("c2", "questions"));
    EventData.PhaseChanged toSummary = (EventData.PhaseChanged) append(agenda, HOST, new Command.ChangePhase("summary"));
    assertThat(toSummary.from()).as("the host skips forward to finish the case").isEqualTo("presentation");

    EventData.PhaseChanged closing = (EventData.PhaseChanged) append(agenda, HOST, new Command.ChangePhase("closed"));
    assertThat(closing.from()).isEqualTo("summary");
    assertThat(agenda.meeting().progress().state()).isEqualTo("closed");
  }

  @Test
  void a_case_summary_waits_for_that_cases_summary_phase_and_adopts_only_its_own_proposals() {
    MeetingState agenda = threeCases();
    append(agenda, HOST, new Command.ChangePhase("proposals"));
    EventData.ProposalPosted first = (EventData.ProposalPosted) append(agenda, PRO, new Command.Propose(
        new Command.Proposal("買い物", "market", "移動販売", "自分で選ぶ", null, null, null)));
    append(agenda, HOST, new Command.ChangePhase("summary"));
    append(agenda, HOST, new Command.Focus("c2"));
    EventData.ProposalPosted second = (EventData.ProposalPosted) append(agenda, PRO, new Command.Propose(
        new Command.Proposal("調理", "mutual", "配食", "昼は自分で", null, null, null)));

    Summary ofFirst = new Summary("移動販売を使う", List.of(first.proposalId()), null, null, null);
    EventData.SummaryUpdated written = (EventData.SummaryUpdated) append(agenda, HOST, new Command.UpdateSummary("c1", ofFirst));
    assertRefused(agenda, HOST, new Command.UpdateSummary("c2", new Summary("配食", List.of(), null, null, null)), "wrong_phase");
    assertRefused(agenda, HOST, new Command.UpdateSummary("c1", new Summary("x", List.of(second.proposalId()), null, null, null)),
        "invalid_request");
    assertRefused(agenda, HOST, new Command.UpdateSummary("00000000-0000-0000-0000-000000000000", ofFirst), "not_found");
    append(agenda, HOST, new Command.ChangePhase("closed"));
    Summary ofSecond = new Summary("配食", List.of(second.proposalId()), null, null, null);
    append(agenda, HOST, new Command.UpdateSummary("c2", ofSecond));

    assertThat(written.caseId()).isEqualTo("c1");
    Meeting.Progress progress = agenda.meeting().progress();
    assertThat(progress.summary()).as("the first case's, as before the agenda").isEqualTo(ofFirst);
    assertThat(progress.summaries()).containsExactly(Map.entry("c1", ofFirst), Map.entry("c2", ofSecond));
  }

  @Test
  void events_stored_before_the_agenda_belong_to_the_first_case() {
    MeetingState agenda = threeCases();
    agenda.apply(new MeetingEvent(1, "m1", NOW, Actor.of(PRO),
        new EventData.ProposalPosted("p-old", "買い物", "market", "移動販売", "歩く", null, null, null, null, null)));
    agenda.apply(new MeetingEvent(2, "m1", NOW, Actor.of(HOST), new EventData.PhaseChanged(null, "summary", NOW)));
    Summary old = new Summary("見守り", List.of("p-old"), null, null, null);
    agenda.apply(new MeetingEvent(3, "m1", NOW, Actor.of(HOST), EventData.SummaryUpdated.of(null, old)));

    assertThat(agenda.meeting().progress().summaries()).containsExactly(Map.entry("c1", old));
    assertThat(agenda.decide(HOST, new Command.UpdateSummary(null, old), NOW))
        .isEqualTo(EventData.SummaryUpdated.of("c1", old));
  }

  private EventData append(Account actor, Command command) {
    return append(actor, command, NOW);
  }

  private EventData append(Account actor, Command command, Instant at) {
    EventData data = state.decide(actor, command, at);
    state.apply(new MeetingEvent(++seq, "m1", at, Actor.of(actor), data));
    return data;
  }

  private EventData append(MeetingState into, Account actor, Command command) {
    EventData data = into.decide(actor, command, NOW);
    into.apply(new MeetingEvent(into.seq() + 1, "m1", NOW, Actor.of(actor), data));
    return data;
  }

  private void assertRefused(Account actor, Command command, String code) {
    assertRefused(state, actor, command, code);
  }

  private static void assertRefused(MeetingState in, Account actor, Command command, String code) {
    long before = in.seq();
    assertThatThrownBy(() -> in.decide(actor, command, NOW))
        .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.code()).isEqualTo(code));
    assertThat(in.seq()).isEqualTo(before);
  }

  /** A meeting whose agenda has three cases. */
  private static MeetingState threeCases() {
    return new MeetingState(new Meeting("m1", "三件の検討会", List.of("c1", "c2", "c3"), "open", HOST.id(),
        OffsetDateTime.of(2026, 12, 2, 14, 0, 0, 0, ZoneOffset.ofHours(9)),
        Map.of("presentation", 10, "questions", 10, "advice", 10, "proposals", 10, "summary", 10), 1, 7, OPENS, null, OPENS,
        null, null));
  }

  private static Account account(String id, Role role) {
    return new Account(id, id + "@example.jp", id, role, null, null, OPENS);
  }
}
