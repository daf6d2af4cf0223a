package yoriai.meeting;

import io.vertx.core.Future;

/**
 * One connected participant as the meeting sees it; the transport implements it so the domain never
 * touches a socket. Contract: a room calls {@link #joined} once, then {@code deliver} with
 * strictly increasing seqs; it never calls concurrently for one channel.
 */
public interface ParticipantChannel {
  void joined(Joined joined);

  /** Sends one event; a transport that cannot keep up disconnects instead of buffering without bound. */
  void deliver(EventFrame event);

  /**
   * Sends events that go out together, in order; a transport that can write them in one go (one
   * flush, one frame) overrides this.
   */
  default void deliver(EventBatch batch) {
    batch.events().forEach(this::deliver);
  }

  /** Completes when the channel can take more frames; replay waits on it between pages. */
  Future<Void> writable();

  /** Ends the connection; the transport then reports it gone through {@link MeetingService#leave}. */
  void disconnect(Departure why);
}
