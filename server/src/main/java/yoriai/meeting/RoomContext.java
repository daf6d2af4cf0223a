package yoriai.meeting;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * The one Vert.x context a room and its parts run on. All room state is confined to it, so none of
 * it needs a lock; every future from elsewhere (the store, a socket) is continued here.
 */
final class RoomContext {
  private final Context context;

  RoomContext(Context context) {
    this.context = context;
  }

  /** Runs {@code action} on the room's context; a thrown exception fails the result. */
  <T> Future<T> call(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> {
      try {
        action.get().onComplete(promise);
      } catch (RuntimeException e) {
        promise.fail(e);
      }
    });
    return promise.future();
  }

  void run(Runnable action) {
    context.runOnContext(v -> action.run());
  }

  /** Continues on the room's context whichever thread completes {@code future}. */
  <T> Future<T> here(Future<T> future) {
    Promise<T> promise = Promise.promise();
    future.onComplete(result -> {
      if (Vertx.currentContext() == context) {
        promise.handle(result);
      } else {
        context.runOnContext(v -> promise.handle(result));
      }
    });
    return promise.future();
  }

  void later(long millis, Runnable action) {
    context.owner().setTimer(millis, id -> context.runOnContext(v -> action.run()));
  }
}
