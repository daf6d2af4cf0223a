package yoriai.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import yoriai.storage.Storage;

/** The embedded store of a stopped server's data folder, opened for a test to read or write, durably. */
public final class StoredData {
  private StoredData() {}

  public static <T> T use(Path dataDir, Function<Storage, Future<T>> work) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Storage storage = await(Storage.open(vertx, Optional.empty(), dataDir, new SimpleMeterRegistry()));
      try {
        T result = await(work.apply(storage));
        await(storage.durable());
        return result;
      } finally {
        await(storage.close(vertx));
      }
    } finally {
      await(vertx.close());
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
