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
 * its future), or — only once the map has evicted something — from the stored log.
 */
final class RecentCommands {
  private final String meetingId;
  private final MeetingStore store;
  private final RoomContext context;
  private final Map<String, Long> recent;
  /** While true, a command id missing from {@link #recent} was never applied; no store lookup needed. */
  private boolean complete = true;
  private final Map<String, Future<Long>> inFlight = new HashMap<>();

  RecentCommands(String meetingId, MeetingStore store, RoomContext context, int capacity) {
    this.meetingId = meetingId;
    this.store = store;
    this.context = context;
    this.recent = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
        if (size() > capacity) {
          complete = false;
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
    Future<Optional<Long>> prior = complete ? Future.succeededFuture(Optional.empty())
        : context.here(store.seqOfCommand(meetingId, accountId, commandId));
    Future<Long> result = prior.compose(found -> found.isPresent() ? Future.succeededFuture(found.get()) : apply.get());
    inFlight.put(key, result);
    result.onComplete(done -> inFlight.remove(key, result));
    return result;
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
    complete = true;
  }

  private static String key(String accountId, String commandId) {
    return accountId + "/" + commandId;
  }
}
