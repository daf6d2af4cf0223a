package yoriai.meeting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import yoriai.account.Account;
import yoriai.meeting.MeetingStore.StoredEvent;

/**
 * Who is connected to a room, and what each connection has been sent. Every stored event goes to
 * every seat once, in seq order; a seat that joined with a last seq is first replayed what it
 * missed (from the recent frames, else from the store, page by page as its channel drains) while
 * live events wait in its buffer, so it sees no gap and no duplicate.
 */
final class Audience {
  private static final int PAGE = 500;

  private final String meetingId;
  private final MeetingStore store;
  private final RoomContext context;
  private final Map<ParticipantChannel, Seat> seats = new LinkedHashMap<>();
  private final RecentEvents recentEvents;
  /** Never reset: a hide, once stored, holds for every later read and replay. */
  private final HiddenMessages hidden = new HiddenMessages();

  Audience(String meetingId, MeetingStore store, RoomContext context, int recentEvents) {
    this.meetingId = meetingId;
    this.store = store;
    this.context = context;
    this.recentEvents = new RecentEvents(recentEvents);
  }

  boolean isConnected(String accountId) {
    return seats.values().stream().anyMatch(s -> s.account.id().equals(accountId));
  }

  /** Who is present: those the log says joined, then anyone connected here the log does not list yet. */
  List<Actor> participants(List<Actor> present) {
    Map<String, Actor> all = new LinkedHashMap<>();
    present.forEach(actor -> all.put(actor.accountId(), actor));
    seats.values().forEach(s -> all.putIfAbsent(s.account.id(), Actor.of(s.account)));
    return List.copyOf(all.values());
  }

  /**
   * Seats {@code channel}, which will get every event after {@code lastSeq} (none when null) up to
   * {@code deliveredSeq} by {@link #replay}, then live ones.
   */
  Seat seat(Account account, ParticipantChannel channel, Long lastSeq, long deliveredSeq) {
    Seat seat = new Seat(account, channel, lastSeq == null ? deliveredSeq : Math.min(lastSeq, deliveredSeq));
    seat.replaying = seat.lastSent < deliveredSeq;
    seats.put(channel, seat);
    return seat;
  }

  /** Unseats {@code channel}; its account when that was the account's last connection here. */
  Optional<Account> unseat(ParticipantChannel channel) {
    Seat seat = seats.remove(channel);
    if (seat == null) {
      return Optional.empty();
    }
    seat.gone = true;
    return isConnected(seat.account.id()) ? Optional.empty() : Optional.of(seat.account);
  }

  /** Sends every connection of {@code accountId} away. */
  void disconnect(String accountId, Departure why) {
    seats.values().stream().filter(s -> s.account.id().equals(accountId)).toList().forEach(s -> s.channel.disconnect(why));
  }

  void disconnectAll(Departure why) {
    List.copyOf(seats.keySet()).forEach(channel -> channel.disconnect(why));
  }

  /** Sends stored events, in seq order, to every seat; each is encoded once for all of them. */
  void deliver(List<StoredEvent> events) {
    EventBatch batch = new EventBatch(events.stream().map(this::remember).toList());
    for (Seat seat : List.copyOf(seats.values())) {
      try {
        seat.offer(batch);
      } catch (RuntimeException broken) {
        // one broken socket must not keep the events from everyone after it
        seat.channel.disconnect(Departure.DELIVERY_FAILED);
      }
    }
  }

  /**
   * Keeps {@code stored}'s event among the recent frames, as anyone may now read it, and returns its
   * frame. A hide rewrites the hidden message's held frame into its tombstone.
   */
  EventFrame remember(StoredEvent stored) {
    MeetingEvent event = stored.event();
    boolean hides = hidden.apply(event);
    MeetingEvent shown = hidden.shown(event);
    EventFrame frame = shown == event ? EventFrame.of(stored) : EventFrame.of(shown);
    recentEvents.add(shown, frame);
    if (hides) {
      recentEvents.rewrite(hidden::shown);
    }
    return frame;
  }

  /** Forgets the recent frames before the log is folded again; hides stay. */
  void forgetRecent() {
    recentEvents.clear();
  }

  /** The event as anyone may read it now. */
  MeetingEvent shown(MeetingEvent event) {
    return hidden.shown(event);
  }

  Set<String> hiddenMessageIds() {
    return hidden.ids();
  }

  /** Sends {@code seat} what it missed up to {@code upTo}, then what was buffered meanwhile. */
  void replay(Seat seat, long upTo) {
    if (seat.gone || !seat.replaying) {
      return;
    }
    if (recentEvents.covers(seat.lastSent)) {
      seat.send(new EventBatch(recentEvents.between(seat.lastSent, upTo, PAGE)));
      if (seat.lastSent < upTo) {
        context.here(seat.channel.writable()).onComplete(ready -> replay(seat, upTo));
        return;
      }
      seat.replayed();
      return;
    }
    context.here(store.events(meetingId, seat.lastSent, upTo, PAGE)).onComplete(page -> {
      if (seat.gone) {
        return;
      }
      if (page.failed()) {
        seat.channel.disconnect(Departure.REPLAY_FAILED);
        return;
      }
      seat.send(new EventBatch(page.result().stream().map(stored -> EventFrame.of(hidden.shown(stored.event()))).toList()));
      if (page.result().size() == PAGE && seat.lastSent < upTo) {
        context.here(seat.channel.writable()).onComplete(ready -> replay(seat, upTo));
        return;
      }
      seat.replayed();
    });
  }

  /** One connection in the audience; live events wait in {@code buffer} while its replay runs. */
  static final class Seat {
    private final Account account;
    private final ParticipantChannel channel;
    private final List<EventFrame> buffer = new ArrayList<>();
    private long lastSent;
    private boolean replaying;
    private boolean gone;

    private Seat(Account account, ParticipantChannel channel, long lastSent) {
      this.account = account;
      this.channel = channel;
      this.lastSent = lastSent;
    }

    private void offer(EventBatch batch) {
      if (gone) {
        return;
      }
      if (replaying) {
        buffer.addAll(batch.events());
      } else {
        send(batch.after(lastSent));
      }
    }

    private void send(EventBatch batch) {
      if (!batch.isEmpty()) {
        channel.deliver(batch);
        lastSent = batch.lastSeq();
      }
    }

    private void replayed() {
      replaying = false;
      EventBatch buffered = new EventBatch(buffer);
      buffer.clear();
      offer(buffered);
    }
  }
}
