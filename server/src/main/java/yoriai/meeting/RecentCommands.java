package yoriai.meeting;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import yoriai.meeting.MeetingStore.StoredEvent;

/**
 * Each (account, command id) is applied at most once. A repeat is answered with the seq of the
 * first, from a bounded map of recent commands, from the command still in flight (the repeat shares
 * its future), or from the stored event a hash of the older commands points to. The room folds its
 * whole log on load, so between them these know every command it holds, and the store keeps no
 * index of commands (decision 134).
 */
final class RecentCommands {
  private final String meetingId;
  private final MeetingStore store;
  private final RoomContext context;
  private final Map<String, Long> recent;
  private final EvictedCommands evicted = new EvictedCommands();
  private final Map<String, Future<Long>> inFlight = new HashMap<>();

  RecentCommands(String meetingId, MeetingStore store, RoomContext context, int capacity) {
    this.meetingId = meetingId;
    this.store = store;
    this.context = context;
    this.recent = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
        if (size() > capacity) {
          evicted.add(eldest.getKey(), eldest.getValue());
          return true;
        }
        return false;
      }
    };
  }

  /**
   * The seq of {@code commandId} by {@code accountId}: the first time by running {@code apply}, every
   * later time the first one's. A command without an id (presence, REST) is always applied.
   */
  Future<Long> once(String accountId, String commandId, Supplier<Future<Long>> apply) {
    if (commandId == null) {
      return apply.get();
    }
    String key = key(accountId, commandId);
    Long seq = recent.get(key);
    if (seq != null) {
      return Future.succeededFuture(seq);
    }
    Future<Long> flying = inFlight.get(key);
    if (flying != null) {
      return flying;
    }
    Future<Long> result = evictedSeq(accountId, commandId, key)
        .compose(found -> found.isPresent() ? Future.succeededFuture(found.get()) : apply.get());
    inFlight.put(key, result);
    result.onComplete(done -> inFlight.remove(key, result));
    return result;
  }

  /** Each candidate's event is read in turn, lowest seq first, until one is this command. */
  private Future<Optional<Long>> evictedSeq(String accountId, String commandId, String key) {
    Future<Optional<Long>> found = Future.succeededFuture(Optional.empty());
    for (long seq : evicted.candidates(key)) {
      found = found.compose(prior -> prior.isPresent() ? Future.succeededFuture(prior)
          : context.here(store.events(meetingId, seq - 1, seq, 1)).map(page -> page.stream()
              .filter(stored -> commandId.equals(stored.commandId()) && accountId.equals(stored.event().actor().accountId()))
              .map(stored -> stored.event().seq())
              .findFirst()));
    }
    return found;
  }

  /** The seq of a command already stored, if it is among the recent ones. */
  Optional<Long> seqOf(String accountId, String commandId) {
    return commandId == null ? Optional.empty() : Optional.ofNullable(recent.get(key(accountId, commandId)));
  }

  /** Notes the command that caused {@code stored}, if any. */
  void remember(StoredEvent stored) {
    if (stored.commandId() != null) {
      recent.put(key(stored.event().actor().accountId(), stored.commandId()), stored.event().seq());
    }
  }

  /** Forgets everything before the log is folded again from the start. */
  void clear() {
    recent.clear();
    evicted.clear();
  }

  private static String key(String accountId, String commandId) {
    return accountId + "/" + commandId;
  }
}
