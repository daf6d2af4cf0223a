package yoriai.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many §7 WebSocket participants from one process. Each post carries its send time; every
 * participant that receives the event records post-to-delivery latency.
 *
 * <pre>
 * java -cp yoriai-bench.jar yoriai.bench.LoadGenerator fanout  URL TARGET MEETINGS PARTICIPANTS RATES STEP_SECONDS WARMUP_RATE WARMUP_SECONDS [batch]
 * java -cp yoriai-bench.jar yoriai.bench.LoadGenerator idle    URL COUNT
 * java -cp yoriai-bench.jar yoriai.bench.LoadGenerator storm   URL COUNT
 * </pre>
 * TARGET is {@code yoriai} (accounts, case and meetings are created over REST; admin credentials
 * from YORIAI_ADMIN_EMAIL / YORIAI_ADMIN_PASSWORD) or {@code peer} (a bare broadcast server).
 * {@code batch}: every participant joins with {@code "batch": true} and reads {@code events} frames.
 */
public final class LoadGenerator {
  /** How late a step's last tick may be and still count as on time: ten ticks. */
  private static final long LATE_MS = 100;
  private static final String MARK = "\"text\":\"bench ";
  private static final String EVENT = "{\"type\":\"event\",";
  private static final String EVENTS = "{\"type\":\"events\",";

  private final Vertx vertx;
  private final WebSocketClient client;
  private final URI url;
  private final Latencies latencies = new Latencies();
  private final Latencies ackLatencies = new Latencies();
  private final AtomicLong deliveries = new AtomicLong();
  private final AtomicLong acks = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final boolean batch;

  private LoadGenerator(URI url, boolean batch) {
    this.url = url;
    this.batch = batch;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(50_000).setConnectTimeout(30_000).setIdleTimeout(0));
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    LoadGenerator generator = new LoadGenerator(URI.create(args[1]), mode.equals("fanout") && args.length > 9 && args[9].equals("batch"));
    try {
      switch (mode) {
        case "fanout" -> generator.fanout(args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
            parseRates(args[5]), Integer.parseInt(args[6]), new Warmup(Integer.parseInt(args[7]), Integer.parseInt(args[8])));
        case "idle" -> generator.idle(Integer.parseInt(args[2]));
        case "storm" -> generator.storm(Integer.parseInt(args[2]));
        default -> throw new IllegalArgumentException("mode: fanout | idle | storm");
      }
    } finally {
      generator.vertx.close().await();
    }
  }

  private static int[] parseRates(String list) {
    return java.util.Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  /**
   * What runs before the measured steps, its figures dropped: it loads every room, and it is long
   * enough that the JIT compilers are idle by the first step (decision 148).
   */
  private record Warmup(int rate, int seconds) {}

  /** Steps the total post rate up until p99 passes 100 ms or deliveries fall behind. */
  private void fanout(String target, int meetings, int participants, int[] rates, int stepSeconds, Warmup warmup) throws Exception {
    Setup setup = setup(target, meetings, Math.min(participants, 20));
    List<Participant> all = new ArrayList<>();
    for (int m = 0; m < meetings; m++) {
      for (int p = 0; p < participants; p++) {
        all.add(join(setup.meetingIds.get(m), setup.tokens.get((m * participants + p) % setup.tokens.size()), null));
        if (all.size() % 100 == 0) { // a burst of joins on a busy machine would outlast the server's join timeout
          Future.all(all.subList(all.size() - 100, all.size()).stream().map(q -> q.joined).toList()).await();
        }
      }
    }
    Future.all(all.stream().map(p -> p.joined).toList()).await();
    runStep(all, participants, warmup.rate(), warmup.seconds());
    Thread.sleep(2000);
    System.out.printf(Locale.ROOT, "%n| rate (posts/s) | deliveries/s | acks/s | p50 ms | p99 ms | max ms | errors |%n|---|---|---|---|---|---|---|%n");
    String held = "none";
    for (int rate : rates) {
      latencies.drain();
      ackLatencies.drain();
      deliveries.set(0);
      acks.set(0);
      errors.set(0);
      Step step = runStep(all, participants, rate, stepSeconds);
      long expected = step.expectedDeliveries();
      Thread.sleep(2000);
      Latencies.Summary summary = latencies.drain();
      double seconds = step.seconds();
      System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f | %s | %s | %s | %d |%n", rate, deliveries.get() / seconds, acks.get() / seconds,
          summary.millis(summary.p50Nanos()), summary.millis(summary.p99Nanos()), summary.millis(summary.maxNanos()), errors.get());
      boolean keptUp = deliveries.get() >= expected * 0.98;
      if (summary.p99Nanos() > 100_000_000L || !keptUp) {
        break;
      }
      held = rate + " posts/s (" + String.format(Locale.ROOT, "%.0f", deliveries.get() / seconds) + " deliveries/s)";
    }
    System.out.println();
    System.out.println("highest rate held at p99 <= 100 ms: " + held);
  }

  /** What a step sent: the deliveries its posts should bring, over the seconds it took to send them. */
  private record Step(long expectedDeliveries, double seconds) {}

  /**
   * Posts at {@code rate} for {@code stepSeconds}: {@code rate / 100} posts (carried over) on each of
   * exactly stepSeconds × 100 ticks of 10 ms. A timer cancelled once the step's wall time was up
   * fired one tick short about half the time, so a held rate read 0.17 % low (3,993 of 4,000). A
   * generator that falls more than {@value #LATE_MS} ms behind is read over the time it took.
   */
  private Step runStep(List<Participant> all, int participants, int rate, int stepSeconds) throws InterruptedException {
    long ticks = stepSeconds * 100L;
    long[] next = {0};
    long[] sent = {0};
    long[] fired = {0};
    double[] credit = {0};
    CountDownLatch done = new CountDownLatch(1);
    long started = System.nanoTime();
    vertx.setPeriodic(10, id -> {
      credit[0] += rate / 100.0;
      for (; credit[0] >= 1; credit[0]--) {
        Participant poster = all.get((int) (next[0]++ % all.size()));
        poster.post();
        sent[0]++;
      }
      if (++fired[0] == ticks) {
        vertx.cancelTimer(id);
        done.countDown();
      }
    });
    done.await();
    double took = (System.nanoTime() - started) / 1e9;
    return new Step(sent[0] * participants, took > stepSeconds + LATE_MS / 1000.0 ? took : stepSeconds);
  }

  /** Joins COUNT participants to one meeting and leaves them idle; the caller reads the server's memory. */
  private void idle(int count) throws Exception {
    Setup setup = setup("yoriai", 1, 20);
    List<Participant> all = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      all.add(join(setup.meetingIds.get(0), setup.tokens.get(i % setup.tokens.size()), null));
      if (i % 500 == 499) {
        Future.all(all.subList(i - 499, i + 1).stream().map(p -> p.joined).toList()).await();
      }
    }
    Future.all(all.stream().map(p -> p.joined).toList()).await();
    System.out.printf(Locale.ROOT, "joined %d idle participants in %.1f s; holding for measurement%n", count, (System.nanoTime() - started) / 1e9);
    System.out.println("READY");
    Thread.sleep(Long.parseLong(System.getProperty("hold.ms", "30000")));
  }

  /** COUNT participants drop at once and rejoin with lastSeq; reports time until all caught up, with gaps. */
  private void storm(int count) throws Exception {
    Setup setup = setup("yoriai", 1, 20);
    String meeting = setup.meetingIds.get(0);
    List<Participant> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(join(meeting, setup.tokens.get(i % setup.tokens.size()), null));
      if (i % 200 == 199) {
        Future.all(all.subList(i - 199, i + 1).stream().map(p -> p.joined).toList()).await();
      }
    }
    Future.all(all.stream().map(p -> p.joined).toList()).await();
    Participant poster = all.get(0);
    for (int i = 0; i < 50; i++) {
      poster.post();
      Thread.sleep(20);
    }
    Thread.sleep(1000);
    Map<Participant, Long> lastSeen = new LinkedHashMap<>();
    for (Participant p : all.subList(1, all.size())) {
      lastSeen.put(p, p.lastSeq);
      p.socket.close();
    }
    for (int i = 0; i < 50; i++) {
      poster.post();
      Thread.sleep(5);
    }
    Thread.sleep(500);
    long target = poster.lastSeq;
    long started = System.nanoTime();
    List<Participant> rejoined = new ArrayList<>();
    for (Map.Entry<Participant, Long> entry : lastSeen.entrySet()) {
      rejoined.add(join(meeting, entry.getKey().token, entry.getValue()));
    }
    Future.all(rejoined.stream().map(p -> p.joined).toList()).await();
    while (rejoined.stream().anyMatch(p -> p.lastSeq < target) && System.nanoTime() - started < 60_000_000_000L) {
      Thread.sleep(5);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long gaps = rejoined.stream().mapToLong(p -> p.gaps).sum();
    long behind = rejoined.stream().filter(p -> p.lastSeq < target).count();
    System.out.printf(Locale.ROOT, "reconnect storm: %d participants rejoined with lastSeq and caught up to seq %d in %.2f s; gaps %d, still behind %d%n",
        rejoined.size(), target, seconds, gaps, behind);
  }

  private record Setup(List<String> meetingIds, List<String> tokens) {}

  private Setup setup(String target, int meetings, int accounts) throws Exception {
    if (target.equals("peer")) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < meetings; i++) {
        ids.add(UUID.randomUUID().toString());
      }
      return new Setup(ids, List.of("none"));
    }
    String http = "http://" + url.getHost() + ":" + url.getPort();
    YoriaiSetup rest = new YoriaiSetup(http);
    String admin = rest.login(System.getenv().getOrDefault("YORIAI_ADMIN_EMAIL", "admin@example.jp"),
        System.getenv().getOrDefault("YORIAI_ADMIN_PASSWORD", "bench-admin-9Lm-tokyo"));
    String host = rest.account(admin, "municipality", "municipality", null);
    List<String> tokens = new ArrayList<>(List.of(host));
    for (int i = 1; i < accounts; i++) {
      tokens.add(rest.account(admin, "professional", "support_center", "理学療法士"));
    }
    return new Setup(rest.meetings(host, meetings), tokens);
  }

  private Participant join(String meetingId, String token, Long lastSeq) {
    Participant participant = new Participant(meetingId, token);
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(url.getHost()).setPort(url.getPort())
        .setURI(url.getPath());
    client.connect(options).onComplete(result -> {
      if (result.failed()) {
        participant.joinedPromise.tryFail(result.cause());
        return;
      }
      participant.attach(result.result(), lastSeq);
    });
    return participant;
  }

  /** One joined connection. */
  private final class Participant {
    final String meetingId;
    final String token;
    final io.vertx.core.Promise<Void> joinedPromise = io.vertx.core.Promise.promise();
    final Future<Void> joined = joinedPromise.future();
    final Map<String, Long> pendingAcks = new java.util.concurrent.ConcurrentHashMap<>();
    volatile WebSocket socket;
    volatile long lastSeq;
    volatile long gaps;

    Participant(String meetingId, String token) {
      this.meetingId = meetingId;
      this.token = token;
    }

    void attach(WebSocket ws, Long resumeFrom) {
      socket = ws;
      if (resumeFrom != null) {
        lastSeq = resumeFrom;
      }
      ws.textMessageHandler(this::receive);
      // a socket the server closes before its join is answered must fail the run, not hang it
      ws.closeHandler(v -> joinedPromise.tryFail("closed before joined: " + ws.closeStatusCode() + " " + ws.closeReason()));
      String join = "{\"type\":\"join\",\"meetingId\":\"" + meetingId + "\",\"token\":\"" + token + "\""
          + (resumeFrom != null ? ",\"lastSeq\":" + resumeFrom : "") + (batch ? ",\"batch\":true" : "") + "}";
      ws.writeTextMessage(join);
    }

    void post() {
      WebSocket ws = socket;
      if (ws == null) {
        return;
      }
      String id = UUID.randomUUID().toString();
      pendingAcks.put(id, System.nanoTime());
      ws.writeTextMessage("{\"type\":\"post\",\"id\":\"" + id + "\",\"text\":\"bench " + stamp(System.nanoTime()) + "\"}");
    }

    private void receive(String frame) {
      if (frame.startsWith(EVENTS)) {
        // each element of an events frame is an event frame, and starts as one
        for (int at = frame.indexOf(EVENT, EVENTS.length()); at >= 0; ) {
          int next = frame.indexOf(EVENT, at + EVENT.length());
          receive(frame.substring(at, next < 0 ? frame.length() : next));
          at = next;
        }
        return;
      }
      long now = System.nanoTime();
      if (frame.startsWith(EVENT) || frame.contains("\"type\":\"event\"")) {
        long seq = numberAfter(frame, "\"seq\":");
        if (lastSeq > 0 && seq > lastSeq + 1) {
          gaps++;
        }
        if (seq > lastSeq) {
          lastSeq = seq;
        }
        int mark = frame.indexOf(MARK);
        if (mark >= 0) {
          long sentAt = stampAfter(frame, mark + MARK.length());
          latencies.add(now - sentAt);
          deliveries.incrementAndGet();
        }
      } else if (frame.contains("\"type\":\"ack\"")) {
        acks.incrementAndGet();
        int idAt = frame.indexOf("\"id\":\"");
        if (idAt >= 0) {
          Long sent = pendingAcks.remove(frame.substring(idAt + 6, idAt + 42));
          if (sent != null) {
            ackLatencies.add(now - sent);
          }
        }
      } else if (frame.contains("\"type\":\"joined\"")) {
        if (lastSeq == 0) {
          lastSeq = numberAfter(frame, "\"seq\":");
        }
        joinedPromise.tryComplete();
      } else if (frame.contains("\"type\":\"error\"")) {
        errors.incrementAndGet();
        joinedPromise.tryFail(frame);
      }
    }
  }

  /**
   * A send time written as letters, a for 0 to j for 9: a run of 10 to 12 digits in a post is a phone
   * number or My Number to the server's personal-data check, which refuses the post (as nanoTime reads
   * in the minutes after a machine boots).
   */
  static String stamp(long nanos) {
    String digits = Long.toString(nanos);
    StringBuilder letters = new StringBuilder(digits.length());
    for (int i = 0; i < digits.length(); i++) {
      letters.append((char) ('a' + digits.charAt(i) - '0'));
    }
    return letters.toString();
  }

  static long stampAfter(String text, int at) {
    return digitsAt(text, at, 'a');
  }

  private static long numberAfter(String text, String marker) {
    int at = text.indexOf(marker);
    return at < 0 ? -1 : digitsAt(text, at + marker.length(), '0');
  }

  /** The number written from {@code at} with the ten digits {@code zero} to {@code zero + 9}. */
  private static long digitsAt(String text, int at, char zero) {
    long value = 0;
    for (int i = at; i < text.length() && text.charAt(i) >= zero && text.charAt(i) <= zero + 9; i++) {
      value = value * 10 + (text.charAt(i) - zero);
    }
    return value;
  }
}
