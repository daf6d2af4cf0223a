package yoriai.ws;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A socket's command rate: a token per frame from its bucket. A frame over the limit is dropped
 * and reading the socket stops until a token is due, so a flood waits in the flooder's own TCP
 * buffers; a socket that keeps flooding is told to close.
 */
final class FloodGuard {
  /**
   * At most one {@code rate_limited} error per this interval: a flooding client would otherwise
   * cost an error frame and a socket flush for every frame it sends, on the event loop it shares
   * with other participants' sockets, and raise their delivery latency many times over.
   */
  private static final long NOTICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  /**
   * How long a socket may keep sending over its limit before it is closed with 1008. Reading pauses
   * while the bucket is empty, so a flood costs the server little; a client that never slows down
   * is still a broken or hostile one.
   */
  private static final long FLOOD_NANOS = TimeUnit.SECONDS.toNanos(3);
  /** A spell of refusals ends after this long without one. */
  private static final long FLOOD_GAP_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** What became of one frame. */
  enum Verdict {
    ADMITTED,
    /** Dropped; the client was told recently and is not told again. */
    DROPPED,
    /** Dropped; tell the client to slow down. */
    DROPPED_WITH_NOTICE,
    /** Dropped after flooding for too long; reading has stopped and the socket is to close. */
    FLOODING
  }

  private final Vertx vertx;
  private final TokenBucket bucket;
  private final SocketReads reads;
  /** When the last {@code rate_limited} error went out, in nanos; refused frames in between get none. */
  private long noticeAt = System.nanoTime() - NOTICE_NANOS;
  /** When the current spell of refused frames began, and when the last frame was refused, in nanos. */
  private long refusingSince;
  private long lastRefusedAt = System.nanoTime() - FLOOD_GAP_NANOS - 1;
  private boolean readingPaused;
  private long resumeTimer;
  private final BooleanSupplier closing;

  /** {@code closing}: true once the socket is closing, when reading is never restarted. */
  FloodGuard(Vertx vertx, SocketSettings settings, SocketReads reads, BooleanSupplier closing) {
    this.vertx = vertx;
    this.bucket = new TokenBucket(settings.commandsPerSecond(), settings.commandBurst());
    this.reads = reads;
    this.closing = closing;
  }

  Verdict admit() {
    if (bucket.take()) {
      return Verdict.ADMITTED;
    }
    long now = System.nanoTime();
    if (now - lastRefusedAt > FLOOD_GAP_NANOS) {
      refusingSince = now;
    }
    lastRefusedAt = now;
    if (now - refusingSince >= FLOOD_NANOS) {
      reads.stop();
      return Verdict.FLOODING;
    }
    pauseReading();
    if (now - noticeAt >= NOTICE_NANOS) {
      noticeAt = now;
      return Verdict.DROPPED_WITH_NOTICE;
    }
    return Verdict.DROPPED;
  }

  /** The socket closed: the pending restart of reading is cancelled. */
  void closed() {
    if (readingPaused) {
      vertx.cancelTimer(resumeTimer);
    }
  }

  private void pauseReading() {
    if (readingPaused) {
      return;
    }
    readingPaused = true;
    reads.stop();
    resumeTimer = vertx.setTimer(bucket.millisUntilToken(), t -> {
      readingPaused = false;
      if (!closing.getAsBoolean()) {
        reads.restart();
      }
    });
  }
}
