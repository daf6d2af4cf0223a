package yoriai.storage;

import io.vertx.core.Future;

/**
 * Contract: the returned future completes only after every write acknowledged by the store before
 * the call is durable, i.e. it survives the server process being killed.
 */
interface DurabilityBarrier {
  /** A real MongoDB with journaled majority writes is durable when it acknowledges. */
  DurabilityBarrier NONE = Future::succeededFuture;

  Future<Void> await();
}
