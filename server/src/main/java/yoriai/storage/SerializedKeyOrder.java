package yoriai.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes. H2 orders a key that is not
 * {@link Comparable}, as mongo-java-server's {@link KeyValue} is not, by its Java serialization,
 * and serializes both keys again on every comparison: a lookup in an index of 100,000 events
 * cost some 35 {@code ObjectOutputStream}s, the most expensive step of an append. This type keeps
 * exactly that order (so index files written before stay valid) and that on-disk format, but
 * remembers the bytes of recently compared or written keys ({@link SerializedBytes}): a page written
 * at a commit is written from them too, where H2 serialized every key of the page again. An index
 * key is made once and never changed.
 */
final class SerializedKeyOrder extends ObjectDataType {
  private final SerializedBytes serialized = new SerializedBytes(8192);
  /** H2's estimate of a serialized key's memory ({@link JavaSerialization#averagedMemory}). */
  private int averageSize = 10_000;

  @Override
  public int compare(Object a, Object b) {
    if (a instanceof KeyValue left && b instanceof KeyValue right) {
      return a == b ? 0 : compareNotNull(serialized.of(left), serialized.of(right));
    }
    return super.compare(a, b);
  }

  @Override
  public void write(WriteBuffer buffer, Object key) {
    if (!(key instanceof KeyValue keyValue)) {
      super.write(buffer, key);
      return;
    }
    byte[] bytes = serialized.of(keyValue);
    averageSize = JavaSerialization.averagedMemory(averageSize, bytes);
    JavaSerialization.putTagged(buffer, bytes);
  }

  @Override
  public int getMemory(Object key) {
    return key instanceof KeyValue ? averageSize : super.getMemory(key);
  }
}
