package yoriai.storage;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import yoriai.shared.Failure;

/**
 * The MongoClient every feature store gets. It refuses a write at once while the store cannot
 * write, and turns a failure that means "the store is unavailable" into the one
 * {@code storage_unavailable} failure the transport edge maps to 503 or an {@code error} frame, so
 * no feature store has to know how a full disk or a lost primary looks. A write that succeeded in
 * a store that has since been replaced (see {@link EmbeddedStore}) is refused too: it is gone.
 *
 * <p>A dynamic proxy rather than a hand-written delegate because MongoClient has some sixty
 * methods and every one that returns a future is treated the same way.
 */
final class GuardedMongo implements InvocationHandler {
  private static final List<String> WRITES = List.of(
      "save", "insert", "update", "replace", "bulkWrite", "findOneAnd", "remove", "create", "drop", "rename");

  private final MongoClient client;
  private final Writability writability;
  private final LongSupplier generation;
  private final BooleanSupplier storeCannotWrite;

  private GuardedMongo(MongoClient client, Writability writability, LongSupplier generation, BooleanSupplier storeCannotWrite) {
    this.client = client;
    this.writability = writability;
    this.generation = generation;
    this.storeCannotWrite = storeCannotWrite;
  }

  static MongoClient guard(MongoClient client, Writability writability, LongSupplier generation, BooleanSupplier storeCannotWrite) {
    return (MongoClient) Proxy.newProxyInstance(MongoClient.class.getClassLoader(), new Class<?>[] {MongoClient.class},
        new GuardedMongo(client, writability, generation, storeCannotWrite));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getReturnType() != Future.class || method.getName().equals("close")) {
      return call(method, args);
    }
    boolean write = WRITES.stream().anyMatch(method.getName()::startsWith);
    if (write && !writability.writable()) {
      return Future.failedFuture(writability.refuse());
    }
    long startedIn = generation.getAsLong();
    Future<?> result = (Future<?>) call(method, args);
    return result.<Object>transform(done ->
        settle(done, write, generation.getAsLong() != startedIn, writability, storeCannotWrite));
  }

  /**
   * What a store call's outcome becomes: a write into a store that was replaced while it ran is
   * refused, and a failure that means the store is unavailable (or a store that cannot write
   * now) marks it unwritable and becomes the one {@code storage_unavailable} failure.
   */
  static <T> Future<T> settle(AsyncResult<? extends T> done, boolean write, boolean replaced, Writability writability,
      BooleanSupplier storeCannotWrite) {
    if (done.succeeded()) {
      return write && replaced ? Future.failedFuture(writability.refuse()) : Future.succeededFuture(done.result());
    }
    if (!replaced && !StoreErrors.isUnavailable(done.cause()) && !storeCannotWrite.getAsBoolean()) {
      return Future.failedFuture(done.cause());
    }
    if (!replaced) {
      writability.failed(done.cause());
    }
    return Future.failedFuture(write ? writability.refuse(done.cause())
        : Failure.storageUnavailable(Writability.RETRY_AFTER_SECONDS, done.cause()));
  }

  private Object call(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(client, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
