package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static yoriai.meeting.Rooms.await;
import static yoriai.meeting.Rooms.eventually;

import io.vertx.core.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import yoriai.account.Account;
import yoriai.account.Role;

/** A room tells its proposal watch of each proposal once durable, and a broken watch never fails the command. */
class ProposalWatchTest {
  private final Rooms rooms = new Rooms();
  private final Account company = Rooms.account("company", Role.COMPANY);

  @AfterEach
  void close() {
    rooms.close();
  }

  private static Command propose(String activity) {
    return new Command.Propose(new Command.Proposal(activity, "market", "移動販売", "自分で選ぶ", null, null, null));
  }

  @Test
  void the_watch_hears_of_a_proposal_only_once_it_is_durable_with_its_case_title_and_proposer() {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);
    rooms.holdDurability = true;
    Future<Long> ack = room.submit(company, "p1", propose("買い物"));
    rooms.awaitHeld(1);
    await(room.view(rooms.host, null, false));
    assertThat(rooms.proposals).isEmpty();

    rooms.holdDurability = false;
    rooms.heldDurability.get(0).complete();
    await(ack);
    eventually(() -> assertThat(rooms.proposals).singleElement().satisfies(p -> {
      assertThat(p.meetingId()).isEqualTo(meetingId);
      assertThat(p.meetingTitle()).isEqualTo("会議");
      assertThat(p.caseId()).isEqualTo("case-1");
      assertThat(p.targetActivity()).isEqualTo("買い物");
      assertThat(p.proposerId()).isEqualTo("company");
    }));
  }

  @Test
  void a_watch_that_throws_leaves_the_command_acked_and_the_room_working() {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);
    rooms.watchThrows = true;
    assertThat(await(room.submit(company, "p1", propose("買い物")))).isEqualTo(1L);
    rooms.watchThrows = false;
    assertThat(await(room.submit(company, "p2", propose("通院")))).isEqualTo(2L);
    eventually(() -> assertThat(rooms.proposals).extracting(ProposalWatch.PostedProposal::targetActivity).containsExactly("通院"));
  }

  @Test
  void a_log_folded_again_tells_the_watch_nothing() {
    String meetingId = rooms.meeting();
    await(rooms.load(meetingId).submit(company, "p1", propose("買い物")));
    eventually(() -> assertThat(rooms.proposals).hasSize(1));
    rooms.load(meetingId);
    assertThat(rooms.proposals).hasSize(1);
  }
}
