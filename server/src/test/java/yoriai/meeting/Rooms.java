package yoriai.meeting;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import yoriai.account.Account;
import yoriai.account.Role;

/**
 * Rooms over an {@link InMemoryMeetingStore}, on a real Vert.x, with durability a test can hold
 * back: the room's own rules without sockets or a database.
 */
final class Rooms implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final InMemoryMeetingStore store = new InMemoryMeetingStore();
  final Account host = account("host", Role.MUNICIPALITY);
  /** Durability requests held back while {@link #holdDurability} is true, oldest first. */
  final List<Promise<Void>> heldDurability = new CopyOnWriteArrayList<>();
  volatile boolean holdDurability;
  final AtomicInteger casesMarkedDiscussed = new AtomicInteger();
  final AtomicInteger roomsBroken = new AtomicInteger();
  /** What the rooms told their {@link ProposalWatch}, in order. */
  final List<ProposalWatch.PostedProposal> proposals = new CopyOnWriteArrayList<>();
  /** Set to make the rooms' watch throw, as a broken one would. */
  volatile boolean watchThrows;
  private final AtomicInteger meetings = new AtomicInteger();

  static Account account(String id, Role role) {
    return new Account(id, id + "@yoriai.test", "名前 " + id, role, null, null, Instant.EPOCH);
  }

  /** A new open meeting, its comments open since yesterday. */
  String meeting() {
    String id = "meeting-" + meetings.incrementAndGet();
    Instant now = Instant.now();
    Map<String, Integer> minutes = Map.of("presentation", 10, "questions", 10, "advice", 10, "proposals", 10, "summary", 10);
    await(store.insert(new Meeting(id, "会議", List.of("case-1"), "open", host.id(), OffsetDateTime.now(ZoneOffset.UTC),
        minutes, 7, 7, now.minus(Duration.ofDays(1)), null, now, Meeting.Progress.scheduled("case-1"), null)));
    return id;
  }

  Room load(String meetingId) {
    return await(Room.load(vertx, meetingId, dependencies(false), roomsBroken::incrementAndGet));
  }

  /**
   * The room as one node of a cluster holds it: it follows other writers from the log. No other
   * node's announcements reach it, so it lags until it reads the log.
   */
  Room loadAsClusterNode(String meetingId) {
    return await(Room.load(vertx, meetingId, dependencies(true), roomsBroken::incrementAndGet));
  }

  private Room.Dependencies dependencies(boolean clustered) {
    CaseLink cases = new CaseLink() {
      @Override
      public Future<Void> schedule(List<String> caseIds, Account host) {
        return Future.succeededFuture();
      }

      @Override
      public Future<Void> markDiscussed(List<String> caseIds, Account host) {
        casesMarkedDiscussed.incrementAndGet();
        return Future.succeededFuture();
      }

      @Override
      public Future<List<MeetingCase>> sheets(List<String> caseIds) {
        return Future.succeededFuture(List.of());
      }
    };
    ProposalWatch watch = proposal -> {
      if (watchThrows) {
        throw new IllegalStateException("a broken watch");
      }
      proposals.add(proposal);
    };
    return new Room.Dependencies(store, this::durable, cases, watch, Clock.systemUTC(),
        new SimpleMeterRegistry().timer("append"), events -> { }, clustered);
  }

  private Future<Void> durable() {
    if (!holdDurability) {
      return Future.succeededFuture();
    }
    Promise<Void> held = Promise.promise();
    heldDurability.add(held);
    return held.future();
  }

  /** Waits until {@code count} durability requests are held. */
  void awaitHeld(int count) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (heldDurability.size() < count) {
      if (System.nanoTime() > until) {
        throw new AssertionError("no durability request; held " + heldDurability.size());
      }
      Thread.onSpinWait();
    }
  }

  /** Retries {@code assertion} until it holds, for what a room does after a future it returned completed. */
  static void eventually(Runnable assertion) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError notYet) {
        if (System.nanoTime() > until) {
          throw notYet;
        }
        Thread.onSpinWait();
      }
    }
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The failure of {@code future}, which must fail. */
  static Throwable failureOf(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("succeeded: " + future.result());
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
