package yoriai.storage;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded store's collections. H2 writes a document as a Java-serialized
 * object, through a new {@code ObjectOutputStream} each time a commit writes its page; this type
 * writes the same tag, length and bytes, remembered from the last time the page was written
 * ({@link SerializedBytes}), keeps H2's memory estimate, and reads as H2 reads, so a collection
 * written before stays valid and the reverse.
 */
final class DocumentValues extends ObjectDataType {
  private final SerializedBytes serialized;
  /** H2's estimate of a serialized document's memory ({@link JavaSerialization#averagedMemory}). */
  private int averageSize = 10_000;

  /** {@code serialized} may be shared by every collection of a store: its memo is keyed by the document's identity. */
  DocumentValues(SerializedBytes serialized) {
    this.serialized = serialized;
  }

  @Override
  public void write(WriteBuffer buffer, Object value) {
    if (!(value instanceof Document document)) {
      super.write(buffer, value);
      return;
    }
    byte[] bytes = serialized.of(document);
    averageSize = JavaSerialization.averagedMemory(averageSize, bytes);
    JavaSerialization.putTagged(buffer, bytes);
  }

  @Override
  public int getMemory(Object value) {
    return value instanceof Document ? averageSize : super.getMemory(value);
  }
}
