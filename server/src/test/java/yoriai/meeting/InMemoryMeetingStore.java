package yoriai.meeting;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The meeting store port kept in memory, for room tests without a database. It keeps the port's
 * contract (one event per seq and per account's command id, {@link MeetingStore.SeqTaken} for a
 * taken one, the events before it stored) and lets a test make the next appends fail or read the log as another writer left it.
 */
final class InMemoryMeetingStore implements MeetingStore {
  private final Map<String, Meeting> meetings = new ConcurrentHashMap<>();
  private final Map<String, TreeMap<Long, StoredEvent>> logs = new ConcurrentHashMap<>();
  /** Every append call, as the batches it was given. */
  final List<List<StoredEvent>> appends = new CopyOnWriteArrayList<>();
  private volatile Supplier<RuntimeException> failNextAppend;
  private volatile RuntimeException failReads;
  private volatile Promise<Void> readGate;
  private volatile Promise<Void> appendGate;

  /** The next append fails with what {@code failure} makes, storing nothing. */
  void failNextAppend(Supplier<RuntimeException> failure) {
    failNextAppend = failure;
  }

  /** Every read fails with {@code failure} until set to null. */
  void failReads(RuntimeException failure) {
    failReads = failure;
  }

  /** Log reads wait until the returned promise is completed, as a slow store's would. */
  Promise<Void> holdReads() {
    Promise<Void> gate = Promise.promise();
    readGate = gate;
    return gate;
  }

  /** Appends store nothing and do not return until the returned promise is completed, as a slow store's would. */
  Promise<Void> holdAppends() {
    Promise<Void> gate = Promise.promise();
    appendGate = gate;
    return gate;
  }

  /** Stores events as another node would, without this room knowing. */
  synchronized void storeElsewhere(StoredEvent event) {
    logs.computeIfAbsent(event.event().meetingId(), id -> new TreeMap<>()).put(event.event().seq(), event);
  }

  synchronized List<StoredEvent> log(String meetingId) {
    return List.copyOf(logs.getOrDefault(meetingId, new TreeMap<>()).values());
  }

  @Override
  public Future<Void> insert(Meeting meeting) {
    meetings.put(meeting.id(), meeting);
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<Meeting>> find(String id) {
    return failReads != null ? Future.failedFuture(failReads) : Future.succeededFuture(Optional.ofNullable(meetings.get(id)));
  }

  @Override
  public Future<List<Meeting>> list(boolean closed) {
    return Future.succeededFuture(List.copyOf(meetings.values()));
  }

  @Override
  public Future<List<Meeting>> openFrom(Instant earliestStart, int limit) {
    return Future.succeededFuture(meetings.values().stream()
        .filter(m -> "open".equals(m.visibility()))
        .filter(m -> "live".equals(m.progress().state())
            || !"closed".equals(m.progress().state()) && !m.startsAt().toInstant().isBefore(earliestStart))
        .sorted(Comparator.comparing(m -> m.startsAt().toInstant()))
        .limit(limit)
        .toList());
  }

  @Override
  public Future<List<Meeting>> startingBetween(Position from, Instant until, int limit) {
    Comparator<Position> order = Comparator.comparing(Position::startsAt)
        .thenComparing(Position::id, Comparator.nullsLast(Comparator.naturalOrder()));
    return Future.succeededFuture(meetings.values().stream()
        .filter(m -> !"closed".equals(m.progress().state()))
        .filter(m -> order.compare(Position.of(m), from) > 0 && !m.startsAt().toInstant().isAfter(until))
        .sorted(Comparator.comparing(Position::of, order))
        .limit(limit)
        .toList());
  }

  @Override
  public Future<Void> saveProgress(String id, Meeting.Progress progress) {
    meetings.computeIfPresent(id, (key, meeting) -> meeting.withProgress(progress));
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> append(List<StoredEvent> events) {
    appends.add(List.copyOf(events));
    Promise<Void> gate = appendGate;
    return gate == null ? store(events) : gate.future().compose(v -> store(events));
  }

  private synchronized Future<Void> store(List<StoredEvent> events) {
    Supplier<RuntimeException> failure = failNextAppend;
    if (failure != null) {
      failNextAppend = null;
      return Future.failedFuture(failure.get());
    }
    for (StoredEvent event : events) {
      TreeMap<Long, StoredEvent> log = logs.computeIfAbsent(event.event().meetingId(), id -> new TreeMap<>());
      if (log.containsKey(event.event().seq())) {
        return Future.failedFuture(new SeqTaken(null));
      }
      log.put(event.event().seq(), event);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<List<StoredEvent>> events(String meetingId, long after, long upTo, int limit) {
    Promise<Void> gate = readGate;
    return gate == null ? page(meetingId, after, upTo, limit) : gate.future().compose(v -> page(meetingId, after, upTo, limit));
  }

  private synchronized Future<List<StoredEvent>> page(String meetingId, long after, long upTo, int limit) {
    if (failReads != null) {
      return Future.failedFuture(failReads);
    }
    List<StoredEvent> page = new ArrayList<>();
    for (StoredEvent event : logs.getOrDefault(meetingId, new TreeMap<>()).subMap(after, false, upTo, true).values()) {
      if (page.size() == limit) {
        break;
      }
      page.add(event);
    }
    return Future.succeededFuture(page);
  }

  @Override
  public Future<Void> redactMessages(String meetingId, Collection<Long> seqs) {
    return Future.succeededFuture();
  }
}
