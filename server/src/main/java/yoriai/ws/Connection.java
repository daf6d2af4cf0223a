package yoriai.ws;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import yoriai.account.Account;
import yoriai.account.AccountService;
import yoriai.account.SignIn;
import yoriai.account.SignInEnded;
import yoriai.meeting.EventFrame;
import yoriai.meeting.Joined;
import yoriai.meeting.MeetingService;
import yoriai.meeting.ParticipantChannel;
import yoriai.shared.Failure;
import yoriai.shared.FailureKind;

/** One socket: decodes frames, holds the joined account, and is the meeting's channel to the client. */
final class Connection implements ParticipantChannel {
  private static final System.Logger LOG = System.getLogger(Connection.class.getName());
  /** Room for a burst of events to a client that reads a little late; beyond it the client is too slow. */
  private static final int WRITE_QUEUE_BYTES = 512 * 1024;
  private static final short TOO_LARGE = 1009;
  private static final short TRY_AGAIN_LATER = 1013;
  private static final short POLICY = 1008;
  private static final short GOING_AWAY = 1001;
  /**
   * At most one {@code rate_limited} error per this interval: a flooding client would otherwise
   * cost an error frame and a socket flush for every frame it sends, on the event loop it shares
   * with other participants' sockets, and raise their delivery latency many times over.
   */
  private static final long RATE_LIMITED_NOTICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  /**
   * How long a socket may keep sending over its limit before it is closed with 1008. Reading pauses
   * while the bucket is empty, so a flood waits in the flooder's own TCP buffers and costs the
   * server little; a client that never slows down is still a broken or hostile one.
   */
  private static final long FLOOD_NANOS = TimeUnit.SECONDS.toNanos(3);
  /** A spell of refusals ends after this long without one. */
  private static final long FLOOD_GAP_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Vertx vertx;
  private final ServerWebSocket socket;
  private final AccountService accounts;
  private final MeetingService meetings;
  private final SocketSettings settings;
  private final SocketMetrics metrics;
  private final TokenBucket bucket;
  private final SocketReads reads;
  private final LiveSessions sessions;
  private Context context;
  private long joinTimer;
  private volatile long expiryTimer = -1;
  private Buffer message;
  private boolean binary;
  private boolean joining;
  private volatile SignIn candidate;
  private volatile SignIn session;
  private volatile Account account;
  private volatile String meetingId;
  private volatile boolean closing;
  /** When the last {@code rate_limited} error went out, in nanos; refused frames in between get none. */
  private long limitedNoticeAt = System.nanoTime() - RATE_LIMITED_NOTICE_NANOS;
  /** When the current spell of refused frames began, and when the last frame was refused, in nanos. */
  private long refusingSince;
  private long lastRefusedAt = System.nanoTime() - FLOOD_GAP_NANOS - 1;
  private boolean readingPaused;
  private long resumeTimer;

  Connection(Vertx vertx, ServerWebSocket socket, SocketReads reads, AccountService accounts, MeetingService meetings,
      SocketSettings settings, SocketMetrics metrics, LiveSessions sessions) {
    this.vertx = vertx;
    this.socket = socket;
    this.accounts = accounts;
    this.meetings = meetings;
    this.settings = settings;
    this.metrics = metrics;
    this.bucket = new TokenBucket(settings.commandsPerSecond(), settings.commandBurst());
    this.reads = reads;
    this.sessions = sessions;
  }

  void start() {
    context = vertx.getOrCreateContext();
    metrics.opened();
    socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    joinTimer = vertx.setTimer(settings.joinTimeout().toMillis(), t -> {
      if (account == null) {
        close(POLICY, "join within " + settings.joinTimeout().toSeconds() + " s");
      }
    });
    socket.frameHandler(this::onFrame);
    socket.exceptionHandler(e -> LOG.log(System.Logger.Level.DEBUG, "socket error", e));
    socket.shutdownHandler(v -> close(GOING_AWAY, "server shutting down"));
    socket.closeHandler(v -> {
      vertx.cancelTimer(joinTimer);
      vertx.cancelTimer(expiryTimer);
      sessions.remove(this);
      if (readingPaused) {
        vertx.cancelTimer(resumeTimer);
      }
      metrics.closed();
      if (meetingId != null) {
        meetings.leave(meetingId, this);
      }
    });
  }

  /**
   * Reassembles fragmented messages under the protocol limit ourselves: Vert.x's own aggregation
   * only raises an exception past its limit and leaves the socket open.
   */
  private void onFrame(WebSocketFrame frame) {
    if (closing || !(frame.isText() || frame.isBinary() || frame.isContinuation())) {
      return;
    }
    if (!frame.isContinuation()) {
      message = Buffer.buffer();
      binary = frame.isBinary();
    }
    if (message == null) {
      return;
    }
    message.appendBuffer(frame.binaryData());
    if (message.length() > SocketSettings.MAX_FRAME_BYTES) {
      message = null;
      tooLarge();
      return;
    }
    if (frame.isFinal()) {
      Buffer complete = message;
      message = null;
      if (binary) {
        send(Frames.error(null, "invalid_json", "Send JSON as text frames"));
      } else {
        onText(complete.toString(StandardCharsets.UTF_8));
      }
    }
  }

  private void onText(String text) {
    if (!bucket.take()) {
      refuse();
      return;
    }
    Frames.Inbound frame;
    try {
      frame = Frames.decode(text);
    } catch (Frames.Refused refused) {
      metrics.command("invalid", refused.code);
      send(Frames.error(refused.id, refused.code, refused.getMessage()));
      return;
    }
    if (frame.type().equals("ping")) {
      metrics.command("ping", "ok");
      send(Frames.pong(frame.id()));
    } else if (frame.join() != null) {
      join(frame);
    } else {
      command(frame);
    }
  }

  /** Drops a frame over the limit and stops reading this socket until the bucket has a token again. */
  private void refuse() {
    metrics.command("any", "rate_limited");
    long now = System.nanoTime();
    if (now - lastRefusedAt > FLOOD_GAP_NANOS) {
      refusingSince = now;
    }
    lastRefusedAt = now;
    if (now - refusingSince >= FLOOD_NANOS) {
      reads.stop();
      send(Frames.error(null, "rate_limited", "Flooding; the socket is closed"));
      close(POLICY, "flooding");
      return;
    }
    if (now - limitedNoticeAt >= RATE_LIMITED_NOTICE_NANOS) {
      limitedNoticeAt = now;
      send(Frames.error(null, "rate_limited", "Too many frames; slow down (frames over the limit are dropped)"));
    }
    if (!readingPaused) {
      readingPaused = true;
      reads.stop();
      resumeTimer = vertx.setTimer(bucket.millisUntilToken(), t -> {
        readingPaused = false;
        if (!closing) {
          reads.restart();
        }
      });
    }
  }

  private void join(Frames.Inbound frame) {
    if (account != null || joining) {
      metrics.command("join", "invalid_message");
      send(Frames.error(frame.id(), "invalid_message", "This socket has already joined a meeting"));
      return;
    }
    joining = true;
    Frames.Join join = frame.join();
    accounts.signIn(join.token())
        .compose(found -> {
          candidate = found;
          return meetings.join(join.meetingId(), found.user(), join.lastSeq(), join.inviteCode(), this);
        })
        .onComplete(result -> {
          joining = false;
          if (result.failed()) {
            metrics.command("join", Frames.code(result.cause()));
            send(Frames.error(frame.id(), result.cause()));
            return;
          }
          metrics.command("join", "ok");
          vertx.cancelTimer(joinTimer);
          if (socket.isClosed()) {
            meetings.leave(join.meetingId(), this);
            sessions.remove(this);
            vertx.cancelTimer(expiryTimer);
          }
        });
  }

  private void command(Frames.Inbound frame) {
    if (account == null) {
      metrics.command(frame.type(), "unauthenticated");
      send(Frames.error(frame.id(), "unauthenticated", "Join a meeting first"));
      return;
    }
    if (sessions.expired(session)) {
      metrics.command(frame.type(), "unauthenticated");
      endSession("session expired");
      return;
    }
    meetings.submit(meetingId, account, frame.id(), frame.command()).onComplete(result -> {
      if (result.succeeded()) {
        metrics.command(frame.type(), "ok");
        send(Frames.ack(frame.id(), result.result()));
      } else {
        metrics.command(frame.type(), Frames.code(result.cause()));
        send(Frames.error(frame.id(), result.cause()));
      }
    });
  }

  @Override
  public void joined(Joined joined) {
    session = candidate;
    account = session.user();
    meetingId = joined.meetingId();
    sessions.add(this);
    expiryTimer = vertx.setTimer(Math.max(1, sessions.untilExpiry(session).toMillis()), t -> endSession("session expired"));
    // a logout between the token check and the line above was announced before this socket listened
    accounts.signIn(session.token()).onFailure(e -> {
      if (e instanceof Failure f && f.kind() == FailureKind.UNAUTHENTICATED) {
        endSession("signed out");
      }
    });
    send(Frames.joined(joined.meetingId(), joined.seq(), joined.participants()));
  }

  @Override
  public void deliver(EventFrame event) {
    if (closing || socket.isClosed()) {
      return;
    }
    if (socket.writeQueueFull()) {
      close(TRY_AGAIN_LATER, "too slow; join again with lastSeq");
      return;
    }
    socket.writeTextMessage(event.text());
  }

  @Override
  public Future<Void> writable() {
    if (closing || socket.isClosed() || !socket.writeQueueFull()) {
      return Future.succeededFuture();
    }
    Promise<Void> ready = Promise.promise();
    socket.drainHandler(v -> ready.tryComplete());
    return ready.future();
  }

  @Override
  public void disconnect(int code, String reason) {
    close((short) code, reason);
  }

  /** Called on any thread when sessions end elsewhere; closes this socket if its session is one of them. */
  void sessionEnded(SignInEnded ended) {
    SignIn current = session;
    if (current != null && ended.ends(current)) {
      endSession("signed out");
    }
  }

  /** Stops taking frames at once, then tells the client why and closes with 1008 on the socket's own context. */
  private void endSession(String reason) {
    if (closing) {
      return;
    }
    closing = true;
    context.runOnContext(v -> {
      socket.writeTextMessage(Frames.error(null, "unauthenticated", "Your session has ended (" + reason + "); sign in again"));
      socket.close(POLICY, reason);
    });
  }

  private void tooLarge() {
    metrics.command("any", "too_large");
    closing = true;
    socket.writeTextMessage(Frames.error(null, "too_large",
            "A frame may have at most " + SocketSettings.MAX_FRAME_BYTES + " bytes"))
        .onComplete(v -> socket.close(TOO_LARGE, "frame too large"));
  }

  private void send(String text) {
    if (!closing) {
      socket.writeTextMessage(text);
    }
  }

  private void close(short code, String reason) {
    if (!closing) {
      closing = true;
      socket.close(code, reason);
    }
  }
}
