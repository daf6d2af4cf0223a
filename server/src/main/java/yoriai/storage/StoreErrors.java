package yoriai.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import java.util.Set;

/** Reads what the MongoDB driver reports, the same way for every feature store. */
public final class StoreErrors {
  /**
   * Server codes that mean "no writable primary here now" or "out of disk": HostUnreachable,
   * HostNotFound, NetworkTimeout, ShutdownInProgress, PrimarySteppedDown, SocketException,
   * NotWritablePrimary, InterruptedAtShutdown, InterruptedDueToReplStateChange,
   * NotPrimaryNoSecondaryOk, NotPrimaryOrSecondary, OutOfDiskSpace.
   */
  private static final Set<Integer> UNAVAILABLE_CODES =
      Set.of(6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435, 13436, 14031);

  private StoreErrors() {}

  /** True when a write was refused by a unique index, whether single, bulk or a command error. */
  public static boolean isDuplicateKey(Throwable error) {
    if (error instanceof MongoBulkWriteException bulk) {
      return bulk.getWriteErrors().stream()
          .anyMatch(e -> ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }
    if (error instanceof MongoWriteException write) {
      return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
    return error instanceof MongoServerException server
        && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
  }

  /**
   * True when the store could not be reached or could not write, after the driver's own retry:
   * no primary within the server selection timeout, a lost connection, a step-down, an unmet
   * write concern, a full disk. The request may succeed later; it is not the request's fault.
   */
  static boolean isUnavailable(Throwable error) {
    if (error instanceof MongoSocketException || error instanceof MongoTimeoutException
        || error instanceof MongoNotPrimaryException || error instanceof MongoNodeIsRecoveringException
        || error instanceof MongoWriteConcernException) {
      return true;
    }
    return error instanceof MongoException mongo
        && (UNAVAILABLE_CODES.contains(mongo.getCode()) || mongo.hasErrorLabel("RetryableWriteError"));
  }
}
