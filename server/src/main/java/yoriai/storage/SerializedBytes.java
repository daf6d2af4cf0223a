package yoriai.storage;

/**
 * The Java serialization ({@link JavaSerialization}) of recently serialized objects, remembered by
 * identity, not equality: H2 writes a page's keys and values again at every commit that changes
 * the page, and they are the same objects from one commit to the next, while equal objects need
 * not serialize alike (a sub-document with its fields in another order). It is right only for
 * objects that are not changed once serialized, which is why {@link KeyOrderedBackend}'s
 * collections store an updated document as a new object.
 */
final class SerializedBytes {
  private record Memo(Object object, byte[] bytes) {}

  /** Direct-mapped and unlocked: a slot holds an immutable memo, and a lost race only costs a miss. */
  private final Memo[] memos;

  /** {@code slots} is a power of two. */
  SerializedBytes(int slots) {
    memos = new Memo[slots];
  }

  byte[] of(Object object) {
    int slot = System.identityHashCode(object) & (memos.length - 1);
    Memo memo = memos[slot];
    if (memo != null && memo.object() == object) {
      return memo.bytes();
    }
    byte[] bytes = JavaSerialization.serialize(object);
    memos[slot] = new Memo(object, bytes);
    return bytes;
  }
}
