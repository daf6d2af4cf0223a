package yoriai.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The bytes {@link ObjectDataType#serialize} gives an object, written through one stream per
 * thread that is reset between objects. H2 opens a new {@code ObjectOutputStream} for every key it
 * compares or writes and every document it writes; the stream's buffers and tables were most of
 * what the embedded store allocated per append (decision 126). A reset stream writes what a new
 * one writes after its header, so the header is put in front once, as it was written.
 */
final class JavaSerialization {
  /** A buffer grown past this by one large document is let go rather than kept for the thread's life. */
  private static final int KEPT_BUFFER_BYTES = 64 * 1024;
  private static final ThreadLocal<JavaSerialization> PER_THREAD = new ThreadLocal<>();
  /** H2's tag for a Java-serialized object, followed by the length and the bytes. */
  private static final byte SERIALIZED_OBJECT = 19;

  private final Buffer buffer = new Buffer();
  private final ObjectOutputStream stream;
  private final byte[] header;

  private JavaSerialization() throws IOException {
    stream = new ObjectOutputStream(buffer);
    header = buffer.toByteArray();
  }

  /** As {@link ObjectDataType#serialize}, whose own error is what an object that cannot be serialized gets. */
  static byte[] serialize(Object object) {
    JavaSerialization serialization = PER_THREAD.get();
    // taken while in use, so a serialization that somehow starts another one gets a stream of its own
    PER_THREAD.remove();
    try {
      if (serialization == null) {
        serialization = new JavaSerialization();
      }
      byte[] bytes = serialization.write(object);
      if (bytes.length <= KEPT_BUFFER_BYTES) {
        PER_THREAD.set(serialization);
      }
      return bytes;
    } catch (IOException | RuntimeException failed) {
      return ObjectDataType.serialize(object);
    }
  }

  /** Writes {@code bytes} as H2 writes a serialized object: its tag, the length, the bytes. */
  static void putTagged(WriteBuffer buffer, byte[] bytes) {
    buffer.put(SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
  }

  /** H2's estimate of a serialized object's memory, kept as H2 keeps it: twice the bytes, averaged over the writes. */
  static int averagedMemory(int average, byte[] written) {
    return (int) ((written.length * 2L + 15L * average) / 16);
  }

  private byte[] write(Object object) throws IOException {
    stream.reset();
    buffer.reset();
    stream.writeObject(object);
    stream.flush();
    return buffer.withHeader(header);
  }

  /** A byte buffer whose content is copied once, behind the header. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(512);
    }

    byte[] withHeader(byte[] header) {
      byte[] bytes = Arrays.copyOf(header, header.length + count);
      System.arraycopy(buf, 0, bytes, header.length, count);
      return bytes;
    }
  }
}
