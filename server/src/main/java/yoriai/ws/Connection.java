package yoriai.ws;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import yoriai.account.Account;
import yoriai.account.AccountService;
import yoriai.account.SignIn;
import yoriai.account.SignInEnded;
import yoriai.meeting.Departure;
import yoriai.meeting.EventBatch;
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
  /**
   * How long a close waits for the client's reply. A client that stopped reading never takes the
   * close frame queued behind what it did not read, and Vert.x closes only after that flush, so
   * without this the connection, and its seat in the meeting, stayed open for good.
   */
  private static final long CLOSE_HANDSHAKE_MS = 5_000;

  private final Vertx vertx;
  private final ServerWebSocket socket;
  private final AccountService accounts;
  private final MeetingService meetings;
  private final SocketSettings settings;
  private final SocketMetrics metrics;
  private final LiveSessions sessions;
  private final FloodGuard flood;
  private final HardClose hardClose;
  private final UnsentBytes unsent = new UnsentBytes(WRITE_QUEUE_BYTES);
  private final MessageAssembly assembly = new MessageAssembly(this::onText,
      () -> send(Frames.error(null, "invalid_json", "Send JSON as text frames")), this::tooLarge);
  private Context context;
  private long joinTimer;
  private volatile long expiryTimer = -1;
  private boolean joining;
  private volatile SignIn candidate;
  private volatile SignIn session;
  private volatile Account account;
  private volatile String meetingId;
  /** Set once, by whichever thread starts the close first: the socket's, its room's, or a sign-out's. */
  private final AtomicBoolean closing = new AtomicBoolean();
  /** The client asked on join for the events that go out together as one {@code events} frame. */
  private volatile boolean batching;

  Connection(Vertx vertx, ServerWebSocket socket, SocketReads reads, HardClose hardClose, AccountService accounts, MeetingService meetings,
      SocketSettings settings, SocketMetrics metrics, LiveSessions sessions) {
    this.vertx = vertx;
    this.socket = socket;
    this.accounts = accounts;
    this.meetings = meetings;
    this.settings = settings;
    this.metrics = metrics;
    this.sessions = sessions;
    this.flood = new FloodGuard(vertx, settings, reads, closing::get);
    this.hardClose = hardClose;
  }

  void start() {
    context = vertx.getOrCreateContext();
    metrics.opened();
    socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    joinTimer = vertx.setTimer(settings.joinTimeout().toMillis(), t -> {
      if (account == null) {
        close(CloseReason.POLICY, "join within " + settings.joinTimeout().toSeconds() + " s");
      }
    });
    socket.frameHandler(frame -> {
      if (!closing.get()) {
        assembly.accept(frame);
      }
    });
    socket.exceptionHandler(e -> LOG.log(System.Logger.Level.DEBUG, "socket error", e));
    socket.shutdownHandler(v -> close(CloseReason.GOING_AWAY, "server shutting down"));
    socket.closeHandler(v -> {
      vertx.cancelTimer(joinTimer);
      vertx.cancelTimer(expiryTimer);
      sessions.remove(this);
      flood.closed();
      metrics.closed();
      if (meetingId != null) {
        meetings.leave(meetingId, this);
      }
    });
  }

  private void onText(String text) {
    if (!admitted(flood.admit())) {
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

  /** Tells a client over its rate limit to slow down, or closes one that keeps flooding. */
  private boolean admitted(FloodGuard.Verdict verdict) {
    if (verdict == FloodGuard.Verdict.ADMITTED) {
      return true;
    }
    metrics.command("any", "rate_limited");
    if (verdict == FloodGuard.Verdict.FLOODING) {
      send(Frames.error(null, "rate_limited", "Flooding; the socket is closed"));
      close(CloseReason.POLICY, "flooding");
    } else if (verdict == FloodGuard.Verdict.DROPPED_WITH_NOTICE) {
      send(Frames.error(null, "rate_limited", "Too many frames; slow down (frames over the limit are dropped)"));
    }
    return false;
  }

  private void join(Frames.Inbound frame) {
    if (account != null || joining) {
      metrics.command("join", "invalid_message");
      send(Frames.error(frame.id(), "invalid_message", "This socket has already joined a meeting"));
      return;
    }
    joining = true;
    Frames.Join join = frame.join();
    batching = join.batches();
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
    meetingId = joined.meetingId();
    // last: the socket's own event loop takes a set account as joined, and then reads the two above
    account = session.user();
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
    deliver(new EventBatch(List.of(event)));
  }

  @Override
  public void deliver(EventBatch batch) {
    if (closing.get() || socket.isClosed()) {
      return;
    }
    try {
      if (unsent.overLimit()) {
        close(CloseReason.TRY_AGAIN_LATER, "too slow; join again with lastSeq");
        return;
      }
      if (batching) {
        batch.asEventsFrames().forEach(this::write);
      } else {
        batch.events().forEach(event -> write(event.bytes()));
      }
    } catch (IllegalStateException closedMeanwhile) {
      // the socket closed on its own event loop after the check above; its close handler unseats it
    }
  }

  private void write(Buffer frame) {
    unsent.add(frame.length(), socket.writeFrame(TextFrames.of(frame)));
  }

  @Override
  public Future<Void> writable() {
    Promise<Void> ready = Promise.promise();
    // on the socket's own event loop, where the queue drains: checked elsewhere, a drain between the
    // check and the handler would never be heard of
    context.runOnContext(v -> {
      if (closing.get() || socket.isClosed() || !socket.writeQueueFull()) {
        ready.tryComplete();
      } else {
        socket.drainHandler(drained -> ready.tryComplete());
      }
    });
    return ready.future();
  }

  @Override
  public void disconnect(Departure why) {
    CloseReason reason = CloseReason.of(why);
    close(reason.code(), reason.text());
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
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    context.runOnContext(v -> {
      socket.writeTextMessage(Frames.error(null, "unauthenticated", "Your session has ended (" + reason + "); sign in again"));
      socket.close(CloseReason.POLICY, reason);
    });
  }

  private void tooLarge() {
    metrics.command("any", "too_large");
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    socket.writeTextMessage(Frames.error(null, "too_large",
            "A frame may have at most " + SocketSettings.MAX_FRAME_BYTES + " bytes"))
        .onComplete(v -> socket.close(CloseReason.TOO_LARGE, "frame too large"));
  }

  private void send(String text) {
    if (!closing.get()) {
      socket.writeTextMessage(text);
    }
  }

  private void close(short code, String reason) {
    if (closing.compareAndSet(false, true)) {
      socket.close(code, reason);
      vertx.setTimer(CLOSE_HANDSHAKE_MS, t -> hardClose.now());
    }
  }
}
