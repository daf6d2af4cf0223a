package yoriai.meeting;

import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A participant channel that keeps what a room sent it, for room tests without sockets. */
final class RecordingChannel implements ParticipantChannel {
  final List<Joined> joins = new CopyOnWriteArrayList<>();
  final List<EventFrame> frames = new CopyOnWriteArrayList<>();
  final List<Departure> departures = new CopyOnWriteArrayList<>();
  private volatile boolean broken;

  /** From now on every delivery throws, as a transport whose socket broke would. */
  void breakDelivery() {
    broken = true;
  }

  List<Long> seqs() {
    return frames.stream().map(EventFrame::seq).toList();
  }

  @Override
  public void joined(Joined joined) {
    joins.add(joined);
  }

  @Override
  public void deliver(EventFrame event) {
    if (broken) {
      throw new IllegalStateException("socket broken");
    }
    frames.add(event);
  }

  @Override
  public Future<Void> writable() {
    return Future.succeededFuture();
  }

  @Override
  public void disconnect(Departure why) {
    departures.add(why);
  }
}
