package yoriai.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static yoriai.meeting.Rooms.await;
import static yoriai.meeting.Rooms.eventually;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import yoriai.account.Account;
import yoriai.account.Role;
import yoriai.meeting.MeetingStore.StoredEvent;

/** The room's audience: every connection gets every event once and in order, a resume exactly what it missed. */
class AudienceTest {
  private final Rooms rooms = new Rooms();
  private final Account professional = Rooms.account("professional", Role.PROFESSIONAL);
  private final Account company = Rooms.account("company", Role.COMPANY);

  @AfterEach
  void close() {
    rooms.close();
  }

  private static List<Long> upTo(long last) {
    return LongStream.rangeClosed(1, last).boxed().toList();
  }

  /** A meeting whose log holds {@code count} stored events, made by a room as it would be live. */
  private String meetingWithEvents(int count) {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);
    IntStream.rangeClosed(1, count).forEach(i -> await(room.submit(professional, "c" + i, new Command.Hand(i % 2 == 1))));
    return meetingId;
  }

  @Test
  void every_connection_gets_every_event_once_and_in_seq_order() {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);
    RecordingChannel a = new RecordingChannel();
    RecordingChannel b = new RecordingChannel();
    await(room.join(professional, null, null, false, a));
    await(room.join(company, null, null, false, b));

    List<Future<Long>> acks = IntStream.range(0, 20).mapToObj(i ->
        room.submit(i % 2 == 0 ? professional : company, "c" + i, new Command.Hand(i % 4 < 2))).toList();
    acks.forEach(Rooms::await);

    eventually(() -> assertThat(a.seqs()).isEqualTo(upTo(22)));
    assertThat(b.seqs()).as("b joined after a's presence (seq 1)").isEqualTo(upTo(22).subList(1, 22));
  }

  @Test
  void a_connection_resuming_with_its_last_seq_gets_exactly_what_it_missed_then_live_events() {
    String meetingId = meetingWithEvents(5);
    Room room = rooms.load(meetingId);
    RecordingChannel resumed = new RecordingChannel();

    await(room.join(professional, 2L, null, false, resumed));
    await(room.submit(professional, "live", new Command.Hand(true)));

    assertThat(resumed.joins).extracting(Joined::seq).containsExactly(5L);
    eventually(() -> assertThat(resumed.seqs()).containsExactly(3L, 4L, 5L, 6L, 7L));
  }

  @Test
  void a_client_resuming_on_a_cluster_node_that_has_not_followed_its_last_seq_yet_gets_no_event_twice() {
    String meetingId = rooms.meeting();
    Room lagging = rooms.loadAsClusterNode(meetingId);
    Room writer = rooms.loadAsClusterNode(meetingId);
    RecordingChannel before = new RecordingChannel();
    await(writer.join(professional, null, null, false, before));
    IntStream.rangeClosed(1, 4).forEach(i -> await(writer.submit(professional, "c" + i, new Command.Hand(i % 2 == 1))));
    eventually(() -> assertThat(before.seqs()).isEqualTo(upTo(5)));
    RecordingChannel resumed = new RecordingChannel();

    await(lagging.join(professional, 5L, null, false, resumed));
    long live = await(lagging.submit(company, "live", new Command.Hand(true)));

    assertThat(resumed.joins).extracting(Joined::seq).containsExactly(5L);
    eventually(() -> assertThat(resumed.seqs()).contains(live));
    assertThat(resumed.seqs()).as("nothing it had seen, nothing twice").allMatch(seq -> seq > 5).doesNotHaveDuplicates();
  }

  @Test
  void a_resume_on_a_cluster_node_still_writing_waits_for_the_write_and_gets_no_event_twice() {
    String meetingId = rooms.meeting();
    Room lagging = rooms.loadAsClusterNode(meetingId);
    Room writer = rooms.loadAsClusterNode(meetingId);
    IntStream.rangeClosed(1, 3).forEach(i -> await(writer.submit(professional, "c" + i, new Command.Hand(i % 2 == 1))));
    rooms.holdDurability = true;
    // its seq 1 is taken, so the lagging node reads the log back; its recovery waits for durability
    Future<Long> behind = lagging.submit(company, "behind", new Command.Hand(true));
    rooms.awaitHeld(1);
    RecordingChannel resumed = new RecordingChannel();

    Future<Void> joined = lagging.join(professional, 3L, null, false, resumed);
    await(lagging.view(rooms.host, null, false));
    assertThat(joined.isComplete()).as("seated only once the node has followed seq 3").isFalse();
    rooms.holdDurability = false;
    rooms.heldDurability.get(0).complete();

    await(joined);
    assertThat(await(behind)).isEqualTo(4L);
    assertThat(resumed.joins).extracting(Joined::seq).allMatch(seq -> seq >= 3);
    eventually(() -> assertThat(resumed.seqs()).contains(4L));
    assertThat(resumed.seqs()).as("nothing it had seen, nothing twice").allMatch(seq -> seq > 3).doesNotHaveDuplicates();
  }

  @Test
  void a_last_seq_past_the_log_on_a_cluster_node_is_taken_as_the_log_s_last_event() {
    Room node = rooms.loadAsClusterNode(meetingWithEvents(3));
    RecordingChannel resumed = new RecordingChannel();

    await(node.join(professional, 100L, null, false, resumed));
    long live = await(node.submit(company, "live", new Command.Hand(true)));

    assertThat(resumed.joins).extracting(Joined::seq).containsExactly(3L);
    eventually(() -> assertThat(resumed.seqs()).contains(live));
  }

  @Test
  void a_resume_on_a_cluster_node_that_cannot_read_the_log_is_refused_rather_than_seated() {
    Room node = rooms.loadAsClusterNode(meetingWithEvents(3));
    RecordingChannel resumed = new RecordingChannel();
    rooms.store.failReads(new IllegalStateException("disk gone"));

    Throwable refused = Rooms.failureOf(node.join(professional, 5L, null, false, resumed));

    assertThat(refused).hasMessage("disk gone");
    assertThat(resumed.joins).isEmpty();
  }

  @Test
  void a_resume_reaching_back_past_the_recent_frames_is_replayed_from_the_store() {
    String meetingId = meetingWithEvents(6);
    List<StoredEvent> log = rooms.store.log(meetingId);
    RoomContext context = new RoomContext(rooms.vertx.getOrCreateContext());
    Audience audience = new Audience(meetingId, rooms.store, context, 2);
    RecordingChannel resumed = new RecordingChannel();

    await(context.call(() -> {
      log.forEach(audience::remember);
      audience.replay(audience.seat(professional, resumed, 1L, 6), 6);
      return Future.succeededFuture();
    }));

    eventually(() -> assertThat(resumed.seqs()).containsExactly(2L, 3L, 4L, 5L, 6L));
  }

  @Test
  void live_events_during_a_replay_wait_and_follow_it_without_a_duplicate() {
    String meetingId = meetingWithEvents(4);
    List<StoredEvent> log = rooms.store.log(meetingId);
    RoomContext context = new RoomContext(rooms.vertx.getOrCreateContext());
    Audience audience = new Audience(meetingId, rooms.store, context, 2);
    RecordingChannel resumed = new RecordingChannel();
    Promise<Void> slowRead = rooms.store.holdReads();

    await(context.call(() -> {
      audience.replay(audience.seat(professional, resumed, 0L, 3), 3);
      audience.deliver(log.subList(2, 4));
      return Future.succeededFuture();
    }));
    assertThat(resumed.frames).as("live events wait for the replay").isEmpty();
    slowRead.complete();

    eventually(() -> assertThat(resumed.seqs()).containsExactly(1L, 2L, 3L, 4L));
  }

  @Test
  void a_replay_the_store_cannot_serve_sends_the_connection_away_to_join_again() {
    String meetingId = meetingWithEvents(3);
    RoomContext context = new RoomContext(rooms.vertx.getOrCreateContext());
    Audience audience = new Audience(meetingId, rooms.store, context, 2);
    RecordingChannel resumed = new RecordingChannel();
    rooms.store.failReads(new IllegalStateException("disk gone"));

    await(context.call(() -> {
      audience.replay(audience.seat(professional, resumed, 0L, 3), 3);
      return Future.succeededFuture();
    }));

    eventually(() -> assertThat(resumed.departures).containsExactly(Departure.REPLAY_FAILED));
    assertThat(resumed.frames).isEmpty();
  }

  @Test
  void a_connection_that_cannot_take_an_event_is_sent_away_and_the_others_still_get_it() {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);
    RecordingChannel broken = new RecordingChannel();
    RecordingChannel fine = new RecordingChannel();
    await(room.join(professional, null, null, false, broken));
    await(room.join(company, null, null, false, fine));
    eventually(() -> assertThat(fine.seqs()).containsExactly(2L));
    broken.breakDelivery();

    await(room.submit(company, "c1", new Command.Hand(true)));

    eventually(() -> assertThat(fine.seqs()).containsExactly(2L, 3L));
    assertThat(broken.departures).containsExactly(Departure.DELIVERY_FAILED);
  }

  @Test
  void an_account_leaves_the_meeting_only_with_its_last_connection() {
    String meetingId = rooms.meeting();
    Room room = rooms.load(meetingId);
    RecordingChannel phone = new RecordingChannel();
    RecordingChannel laptop = new RecordingChannel();
    await(room.join(professional, null, null, false, phone));
    await(room.join(professional, null, null, false, laptop));

    room.leave(phone);
    await(room.view(rooms.host, null, false));
    assertThat(rooms.store.log(meetingId)).as("still present on the laptop").hasSize(1);
    room.leave(laptop);

    eventually(() -> assertThat(rooms.store.log(meetingId)).hasSize(2));
    assertThat(rooms.store.log(meetingId).get(1).event().actor().accountId()).isEqualTo(professional.id());
  }
}
