package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static yoriai.meeting.Rooms.await;
import static yoriai.meeting.Rooms.eventually;
import static yoriai.meeting.Rooms.failureOf;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import yoriai.account.Account;
import yoriai.account.Role;
import yoriai.meeting.MeetingStore.StoredEvent;
import yoriai.shared.Failure;

/** The room's append queue: ordered batches, durable before acked, recovered from the log after a failed write. */
class AppendQueueTest {
  private final Rooms rooms = new Rooms();
  private final Account professional = Rooms.account("professional", Role.PROFESSIONAL);

  @AfterEach
  void close() {
    rooms.close();
  }

  private static Command hand(boolean raised) {
    return new Command.Hand(raised);
  }

  @Test
  void commands_that_wait_for_a_write_go_out_together_in_one_batch_with_consecutive_seqs() {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);
    Promise<Void> slowWrite = rooms.store.holdAppends();
    Future<Long> first = room.submit(professional, "c0", hand(true));
    eventually(() -> assertThat(rooms.store.appends).hasSize(1));
    List<Future<Long>> waiting = IntStream.rangeClosed(1, 3).mapToObj(i -> room.submit(professional, "c" + i, hand(i % 2 == 0))).toList();
    await(room.view(rooms.host, null, false));
    slowWrite.complete();

    assertThat(await(first)).isEqualTo(1L);
    assertThat(waiting.stream().map(Rooms::await).toList()).containsExactly(2L, 3L, 4L);
    assertThat(rooms.store.appends).extracting(List::size).containsExactly(1, 3);
  }

  /** The host's connection to {@code room}, once it has its own presence, seq 1. */
  private RecordingChannel hostJoined(Room room) {
    RecordingChannel channel = new RecordingChannel();
    await(room.join(rooms.host, null, null, false, channel));
    eventually(() -> assertThat(channel.seqs()).as("the host's presence").containsExactly(1L));
    return channel;
  }

  private record TwoBatches(String meetingId, Room room, RecordingChannel channel, Future<Long> earlier, Future<Long> later) {}

  /** A room with the host joined (seq 1) and two batches, seqs 2 and 3, both written and waiting for their commits. */
  private TwoBatches twoBatchesAwaitingTheirCommits() {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);
    RecordingChannel channel = hostJoined(room);
    rooms.holdDurability = true;
    Future<Long> earlier = room.submit(professional, "c1", hand(true));
    rooms.awaitHeld(1);
    Future<Long> later = room.submit(professional, "c2", hand(false));
    rooms.awaitHeld(2);
    return new TwoBatches(meetingId, room, channel, earlier, later);
  }

  @Test
  void the_next_batch_is_written_while_the_one_before_waits_for_its_commit_and_both_go_out_in_seq_order() {
    TwoBatches batches = twoBatchesAwaitingTheirCommits();
    assertThat(rooms.store.log(batches.meetingId)).as("both written before the first commit").hasSize(3);

    rooms.heldDurability.get(1).complete();
    await(batches.room.view(rooms.host, null, false));
    assertThat(batches.later.isComplete()).as("not acked before the batch before it").isFalse();
    assertThat(batches.channel.seqs()).containsExactly(1L);
    rooms.heldDurability.get(0).complete();

    assertThat(await(batches.earlier)).isEqualTo(2L);
    assertThat(await(batches.later)).isEqualTo(3L);
    assertThat(batches.channel.seqs()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void a_commit_that_fails_while_the_next_batch_is_in_flight_settles_both_from_the_log_once() {
    TwoBatches batches = twoBatchesAwaitingTheirCommits();
    rooms.holdDurability = false;

    rooms.heldDurability.get(0).fail(Failure.storageUnavailable(1, null));
    rooms.heldDurability.get(1).complete();

    assertThat(await(batches.earlier)).as("stored, and durable after the recovery").isEqualTo(2L);
    assertThat(await(batches.later)).isEqualTo(3L);
    assertThat(await(batches.room.submit(professional, "c3", hand(true)))).isEqualTo(4L);
    eventually(() -> assertThat(batches.channel.seqs()).containsExactly(1L, 2L, 3L, 4L));
    assertThat(rooms.store.log(batches.meetingId)).extracting(e -> e.event().seq()).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void in_a_cluster_a_batch_is_written_only_once_the_one_before_it_is_durable() {
    String meetingId = rooms.meeting();
    Room node = rooms.loadAsClusterNode(meetingId);
    rooms.holdDurability = true;
    Future<Long> earlier = node.submit(professional, "c1", hand(true));
    rooms.awaitHeld(1);

    Future<Long> later = node.submit(professional, "c2", hand(false));
    await(node.view(rooms.host, null, false));
    assertThat(rooms.store.appends).as("another node's events are followed between batches").hasSize(1);
    rooms.holdDurability = false;
    rooms.heldDurability.get(0).complete();

    assertThat(await(earlier)).isEqualTo(1L);
    assertThat(await(later)).isEqualTo(2L);
    assertThat(rooms.store.appends).extracting(List::size).containsExactly(1, 1);
  }

  @Test
  void nothing_is_acked_or_delivered_before_the_write_is_durable() {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);
    RecordingChannel channel = hostJoined(room);
    rooms.holdDurability = true;
    Future<Long> ack = room.submit(professional, "c1", hand(true));
    rooms.awaitHeld(1);
    await(room.view(rooms.host, null, false));

    assertThat(ack.isComplete()).isFalse();
    assertThat(channel.seqs()).as("only the host's own presence").containsExactly(1L);
    assertThat(await(room.events(null, null, false, 0, 10))).as("a read sees only what was delivered").hasSize(1);

    rooms.heldDurability.get(0).complete();
    assertThat(await(ack)).isEqualTo(2L);
    assertThat(channel.seqs()).containsExactly(1L, 2L);
  }

  @Test
  void a_seq_another_writer_took_is_delivered_and_the_command_is_retried_on_top_of_it() {
    String meetingId = rooms.meeting();
    Room here = rooms.load(meetingId);
    Room elsewhere = rooms.load(meetingId);
    RecordingChannel channel = hostJoined(here);
    assertThat(await(elsewhere.submit(professional, "other", hand(true)))).as("the log now holds seq 2").isEqualTo(2L);

    long seq = await(here.submit(professional, "mine", hand(false)));

    assertThat(seq).isEqualTo(3L);
    assertThat(channel.seqs()).containsExactly(1L, 2L, 3L);
    assertThat(rooms.store.log(meetingId)).extracting(e -> e.event().seq()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void a_write_the_store_refuses_fails_its_command_and_leaves_no_event_in_memory() {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);
    rooms.store.failNextAppend(() -> Failure.storageUnavailable(1, null));

    Throwable refused = failureOf(room.submit(professional, "c1", hand(true)));

    assertThat(refused).isInstanceOfSatisfying(Failure.class, f -> assertThat(f.isStorageUnavailable()).isTrue());
    assertThat(await(room.submit(professional, "c2", hand(true)))).as("seq 1 was never stored, so it is free").isEqualTo(1L);
    assertThat(rooms.store.log(meetingId)).extracting(StoredEvent::commandId).containsExactly("c2");
  }

  @Test
  void a_room_that_cannot_read_its_log_back_sends_everyone_away_and_asks_to_be_loaded_again() {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);
    RecordingChannel channel = hostJoined(room);
    rooms.store.failNextAppend(() -> new IllegalStateException("disk gone"));
    rooms.store.failReads(new IllegalStateException("disk gone"));

    failureOf(room.submit(professional, "c1", hand(true)));

    assertThat(channel.departures).containsExactly(Departure.MEETING_UNAVAILABLE);
    assertThat(rooms.roomsBroken).hasValue(1);
  }

  @Test
  void removing_a_participant_sends_each_of_their_connections_away_as_removed() {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);
    RecordingChannel phone = new RecordingChannel();
    RecordingChannel laptop = new RecordingChannel();
    RecordingChannel hosts = new RecordingChannel();
    await(room.join(professional, null, null, false, phone));
    await(room.join(professional, null, null, false, laptop));
    await(room.join(rooms.host, null, null, false, hosts));

    await(room.submit(rooms.host, "remove", new Command.Moderate("remove", null, professional.id(), "宣伝")));

    eventually(() -> assertThat(phone.departures).containsExactly(Departure.REMOVED));
    eventually(() -> assertThat(laptop.departures).containsExactly(Departure.REMOVED));
    assertThat(hosts.departures).isEmpty();
  }

  @Test
  void closing_the_meeting_stores_its_progress_and_marks_its_cases_discussed() {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);

    await(room.submit(rooms.host, "close", new Command.ChangePhase("closed")));

    eventually(() -> assertThat(rooms.casesMarkedDiscussed).hasValue(1));
    assertThat(await(rooms.store.find(meetingId)).orElseThrow().progress().state()).isEqualTo("closed");
  }
}
