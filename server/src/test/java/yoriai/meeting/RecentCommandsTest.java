package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static yoriai.meeting.Rooms.await;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import yoriai.account.Account;
import yoriai.account.Role;
import yoriai.meeting.MeetingStore.StoredEvent;

/** Each (account, command id) is applied once; a repeat gets the first one's seq. */
class RecentCommandsTest {
  private final Rooms rooms = new Rooms();
  private final Account professional = Rooms.account("professional", Role.PROFESSIONAL);

  @AfterEach
  void close() {
    rooms.close();
  }

  @Test
  void a_repeated_command_id_is_acked_with_the_first_seq_and_stores_nothing_more() {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);

    long first = await(room.submit(professional, "c1", new Command.Hand(true)));
    long again = await(room.submit(professional, "c1", new Command.Hand(false)));
    long other = await(room.submit(Rooms.account("company", Role.COMPANY), "c1", new Command.Hand(true)));

    assertThat(again).isEqualTo(first);
    assertThat(other).as("the same id from another account is another command").isEqualTo(first + 1);
    assertThat(rooms.store.log(meetingId)).hasSize(2);
  }

  @Test
  void a_repeat_sent_while_the_first_is_being_written_shares_its_ack() {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);
    rooms.holdDurability = true;
    Future<Long> first = room.submit(professional, "c1", new Command.Hand(true));
    rooms.awaitHeld(1);
    Future<Long> repeat = room.submit(professional, "c1", new Command.Hand(true));
    await(room.view(rooms.host, null, false));
    rooms.holdDurability = false;
    rooms.heldDurability.get(0).complete();

    assertThat(await(repeat)).isEqualTo(await(first));
    assertThat(rooms.store.appends).hasSize(1);
  }

  @Test
  void a_reloaded_room_still_knows_the_commands_in_its_log() {
    String meetingId = rooms.meeting();
    long first = await(rooms.load(meetingId).submit(professional, "c1", new Command.Hand(true)));

    long again = await(rooms.load(meetingId).submit(professional, "c1", new Command.Hand(true)));

    assertThat(again).isEqualTo(first);
    assertThat(rooms.store.log(meetingId)).hasSize(1);
  }

  @Test
  void a_command_the_room_keeps_only_by_its_hash_is_confirmed_by_its_stored_event_and_a_new_one_reads_nothing() {
    KeepingOne room = twoCommandsKeepingOne("old", "new");
    RoomContext context = room.context();
    RecentCommands commands = room.commands();
    AtomicInteger applied = new AtomicInteger();

    Future<Long> old = context.call(() -> {
      room.log().forEach(commands::remember);
      return commands.once(professional.id(), "old", () -> Future.succeededFuture((long) applied.incrementAndGet()));
    });
    assertThat(await(old)).as("evicted, so confirmed by reading seq 1").isEqualTo(1L);
    rooms.store.failReads(new IllegalStateException("a command the room never saw must not read the log"));
    Future<Long> fresh = context.call(() ->
        commands.once(professional.id(), "fresh", () -> Future.succeededFuture(100L + applied.incrementAndGet())));
    Future<Long> othersOld = context.call(() ->
        commands.once(Rooms.account("company", Role.COMPANY).id(), "old", () -> Future.succeededFuture(200L + applied.incrementAndGet())));

    assertThat(await(fresh)).isEqualTo(101L);
    assertThat(await(othersOld)).as("the same id from another account is another command").isEqualTo(202L);
    assertThat(applied).hasValue(2);
  }

  @Test
  void a_hash_whose_stored_event_is_another_command_does_not_stand_for_this_one() {
    KeepingOne room = twoCommandsKeepingOne("stored", "later");
    RecentCommands commands = room.commands();

    Future<Long> claimed = room.context().call(() -> {
      // the room's memory names seq 1 for a command the store does not hold there
      commands.remember(new StoredEvent(room.log().get(0).event(), "claimed"));
      commands.remember(room.log().get(1));
      return commands.once(professional.id(), "claimed", () -> Future.succeededFuture(300L));
    });

    assertThat(await(claimed)).as("applied, not answered with seq 1").isEqualTo(300L);
  }

  @Test
  void a_command_without_an_id_is_applied_every_time() {
    RoomContext context = new RoomContext(rooms.vertx.getOrCreateContext());
    RecentCommands commands = new RecentCommands("m", rooms.store, context, 10);
    Promise<Long> pending = Promise.promise();

    Future<Long> a = commands.once(professional.id(), null, () -> Future.succeededFuture(1L));
    Future<Long> b = commands.once(professional.id(), null, pending::future);

    assertThat(a.result()).isEqualTo(1L);
    assertThat(b.isComplete()).isFalse();
  }

  /** A meeting's log of two commands, seq 1 and 2, and a fresh memory of commands that keeps one in full. */
  private record KeepingOne(List<StoredEvent> log, RoomContext context, RecentCommands commands) {}

  private KeepingOne twoCommandsKeepingOne(String first, String second) {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);
    await(room.submit(professional, first, new Command.Hand(true)));
    await(room.submit(professional, second, new Command.Hand(false)));
    RoomContext context = new RoomContext(rooms.vertx.getOrCreateContext());
    return new KeepingOne(rooms.store.log(meetingId), context, new RecentCommands(meetingId, rooms.store, context, 1));
  }
}
