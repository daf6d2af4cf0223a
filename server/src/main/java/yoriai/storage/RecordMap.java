package yoriai.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.h2.mvstore.MVMap;

/**
 * Records under string keys in a map of the embedded store's own, beside the MongoDB databases
 * rather than in one: a put is one B-tree insert, with none of mongo-java-server's document work,
 * unique-index check or collection lock (decision 149). The map lives in the same MVStore, so
 * {@link Storage#durable()} commits it with everything else. Each call runs on a worker thread and
 * is guarded as {@link GuardedMongo} guards the driver: a write is refused while the store cannot
 * write, and one that went into a store replaced meanwhile is not reported done.
 */
public final class RecordMap {
  private final Vertx vertx;
  private final EmbeddedStore store;
  private final Writability writability;
  private final String name;

  RecordMap(Vertx vertx, EmbeddedStore store, Writability writability, String name) {
    this.vertx = vertx;
    this.store = store;
    this.writability = writability;
    this.name = name;
  }

  public record Entry(String key, byte[] value) {}

  /** A put met a key that another record holds; the entries before it in the list are stored. */
  public static final class KeyTaken extends RuntimeException {
    KeyTaken(String key) {
      super("the key " + key + " is taken", null, false, false);
    }
  }

  /**
   * Which store the map is in: it changes when the embedded store is replaced, and whatever was put
   * into the one before and not committed is gone.
   */
  public long storeGeneration() {
    return store.generation();
  }

  /** Stores the entries in their order, each only where its key is free; fails with {@link KeyTaken} at the first that is not. */
  public Future<Void> putNew(List<Entry> entries) {
    return write(() -> {
      MVMap<String, byte[]> map = store.records(name);
      for (Entry entry : entries) {
        if (map.putIfAbsent(entry.key(), entry.value()) != null) {
          throw new KeyTaken(entry.key());
        }
      }
      return null;
    });
  }

  /** Stores each entry whose key is free and leaves the others as they are; completes with how many it stored. */
  public Future<Integer> putMissing(List<Entry> entries) {
    return write(() -> {
      MVMap<String, byte[]> map = store.records(name);
      int stored = 0;
      for (Entry entry : entries) {
        if (map.putIfAbsent(entry.key(), entry.value()) == null) {
          stored++;
        }
      }
      return stored;
    });
  }

  /** The values under {@code keys}, in their order; a key with no record is skipped. */
  public Future<List<byte[]>> get(List<String> keys) {
    long startedIn = store.generation();
    return vertx.executeBlocking(() -> {
      MVMap<String, byte[]> map = store.records(name);
      List<byte[]> found = new ArrayList<>(keys.size());
      if (map != null) {
        for (String key : keys) {
          byte[] value = map.get(key);
          if (value != null) {
            found.add(value);
          }
        }
      }
      return found;
    }, false).transform(done -> GuardedMongo.settle(done, false, store.generation() != startedIn, writability, store::cannotWrite));
  }

  /**
   * Replaces the value under each of {@code keys} with what {@code change} makes of it; a key with
   * no record, or whose value {@code change} returns null for, is left as it is. Not atomic with
   * another update of the same key: a caller has one writer per key, or changes that agree.
   */
  public Future<Void> update(List<String> keys, UnaryOperator<byte[]> change) {
    return write(() -> {
      MVMap<String, byte[]> map = store.records(name);
      for (String key : keys) {
        byte[] before = map.get(key);
        byte[] after = before == null ? null : change.apply(before);
        if (after != null) {
          map.put(key, after);
        }
      }
      return null;
    });
  }

  private <T> Future<T> write(Callable<T> work) {
    if (!writability.writable()) {
      return Future.failedFuture(writability.refuse());
    }
    long startedIn = store.generation();
    return vertx.<T>executeBlocking(() -> {
      // a read-only store takes a put in memory and would only refuse it at the commit
      if (store.cannotWrite()) {
        throw new IllegalStateException("the embedded store is closed or read-only");
      }
      return work.call();
    }, false).transform(done ->
        GuardedMongo.settle(done, true, store.generation() != startedIn, writability, store::cannotWrite));
  }
}
