package yoriai.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import yoriai.shared.Failure;
import yoriai.testing.TestServer;

/** Commits for everyone waiting, answers each caller on its own context, and starts again after a failure. */
class GroupCommitTest {
  private Vertx vertx;
  private Path dir;
  private EmbeddedStore store;
  private Writability writability;
  private GroupCommit commits;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    dir = Files.createTempDirectory("yoriai-group-commit-");
    store = EmbeddedStore.start(dir);
    writability = new Writability(new SimpleMeterRegistry());
    commits = new GroupCommit(vertx, store, writability, new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() throws Exception {
    store.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    TestServer.deleteTree(dir);
  }

  @Test
  void callers_on_different_event_loops_are_each_answered_on_their_own_context() throws Exception {
    Context first = ((VertxInternal) vertx).createEventLoopContext();
    Context second = ((VertxInternal) vertx).createEventLoopContext();

    Future<Context> answeredFirst;
    Future<Context> answeredSecond;
    // the store's lock holds the first commit, so the second caller waits for a commit after it
    synchronized (store) {
      answeredFirst = awaitOn(first);
      answeredSecond = awaitOn(second);
    }

    assertThat(await(answeredFirst)).isSameAs(first);
    assertThat(await(answeredSecond)).isSameAs(second);
  }

  @Test
  void handing_on_to_a_new_worker_task_after_every_commit_still_answers_every_caller_on_its_own_context() throws Exception {
    commits = new GroupCommit(vertx, store, writability, new SimpleMeterRegistry(), Duration.ZERO, Duration.ZERO);
    List<Context> loops = List.of(((VertxInternal) vertx).createEventLoopContext(), ((VertxInternal) vertx).createEventLoopContext());
    List<Future<Context>> answers = new ArrayList<>();
    // the first commit waits for the store's lock, so the callers after it are left for the tasks handed on to
    synchronized (store) {
      for (int i = 0; i < 20; i++) {
        answers.add(awaitOn(loops.get(i % 2)));
      }
    }

    for (int i = 0; i < answers.size(); i++) {
      assertThat(await(answers.get(i))).isSameAs(loops.get(i % 2));
    }
  }

  @Test
  void callers_arriving_while_commits_are_spaced_share_the_next_commit() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    commits = new GroupCommit(vertx, store, writability, registry, Duration.ofSeconds(1), Duration.ofSeconds(1));
    Context loop = ((VertxInternal) vertx).createEventLoopContext();
    await(awaitOn(loop));

    // the commit loop now waits out its spacing before it looks for callers again
    List<Future<Context>> spaced = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      spaced.add(awaitOn(loop));
    }

    for (Future<Context> answer : spaced) {
      assertThat(await(answer)).isSameAs(loop);
    }
    assertThat(registry.counter("yoriai.storage.commits").count()).isEqualTo(2);
  }

  @Test
  void a_failed_commit_refuses_its_callers_and_the_next_caller_commits_again() throws Exception {
    store.openReadOnly();

    assertThatThrownBy(() -> await(awaitOn(vertx.getOrCreateContext())))
        .cause().isInstanceOf(Failure.class).hasMessageContaining("unavailable");
    assertThat(writability.writable()).isFalse();

    store.reopen();

    assertThat(await(awaitOn(vertx.getOrCreateContext()))).isNotNull();
  }

  /** Calls {@code commits.await()} on {@code context}, once that call has returned; completes with the context it answered on. */
  private Future<Context> awaitOn(Context context) throws InterruptedException {
    Promise<Context> answeredOn = Promise.promise();
    CountDownLatch called = new CountDownLatch(1);
    context.runOnContext(v -> {
      commits.await().onComplete(done -> {
        if (done.succeeded()) {
          answeredOn.complete(Vertx.currentContext());
        } else {
          answeredOn.fail(done.cause());
        }
      });
      called.countDown();
    });
    assertThat(called.await(20, TimeUnit.SECONDS)).isTrue();
    return answeredOn.future();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
