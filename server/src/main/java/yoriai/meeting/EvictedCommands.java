package yoriai.meeting;

import java.util.Arrays;

/**
 * The commands a room no longer keeps in full: a 64-bit hash of each command's key with the seq of
 * its event, 16 bytes a slot in an open-addressed table where the key itself took about 100. A hash
 * may stand for more than one command, so a lookup gives candidates, to be confirmed against the
 * stored event; a key never added finds none, so a new command costs no read of the store.
 */
final class EvictedCommands {
  private static final int FIRST_SLOTS = 1024;
  private static final long[] NONE = {};

  private long[] hashes;
  /** 0 marks an empty slot: a meeting's seqs start at 1. */
  private long[] seqs;
  private int size;

  void add(String key, long seq) {
    if (seqs == null) {
      hashes = new long[FIRST_SLOTS];
      seqs = new long[FIRST_SLOTS];
    } else if (2 * (size + 1) > seqs.length) {
      grow();
    }
    place(hash(key), seq);
    size++;
  }

  /** The seqs stored under {@code key}'s hash, lowest first. */
  long[] candidates(String key) {
    if (seqs == null) {
      return NONE;
    }
    long hash = hash(key);
    long[] found = NONE;
    int mask = seqs.length - 1;
    for (int slot = (int) hash & mask; seqs[slot] != 0; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash) {
        found = Arrays.copyOf(found, found.length + 1);
        found[found.length - 1] = seqs[slot];
      }
    }
    Arrays.sort(found);
    return found;
  }

  void clear() {
    hashes = null;
    seqs = null;
    size = 0;
  }

  private void grow() {
    long[] oldHashes = hashes;
    long[] oldSeqs = seqs;
    hashes = new long[oldSeqs.length * 2];
    seqs = new long[oldSeqs.length * 2];
    for (int slot = 0; slot < oldSeqs.length; slot++) {
      if (oldSeqs[slot] != 0) {
        place(oldHashes[slot], oldSeqs[slot]);
      }
    }
  }

  private void place(long hash, long seq) {
    int mask = seqs.length - 1;
    int slot = (int) hash & mask;
    while (seqs[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    hashes[slot] = hash;
    seqs[slot] = seq;
  }

  /** FNV-1a over the key's chars, then MurmurHash3's finalizer so the low bits that pick a slot mix well. */
  private static long hash(String key) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
    }
    hash = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
    hash = (hash ^ (hash >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return hash ^ (hash >>> 33);
  }
}
