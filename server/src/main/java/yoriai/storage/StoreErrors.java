package yoriai.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;

/** Reads what the MongoDB driver reports, the same way for every feature store. */
public final class StoreErrors {
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
}
