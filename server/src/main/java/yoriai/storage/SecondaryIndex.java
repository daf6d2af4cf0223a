package yoriai.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index for the embedded store, which mongo-java-server would otherwise ignore
 * (decision 138). It answers a query that asks for plain equality on the index's first keys (or
 * {@code $in} on its first key) with the positions of the documents that may match; the
 * collection then matches each of them against the whole query, so the index only has to hold
 * a superset, never a filtered set.
 *
 * <p>Each document has one entry per combination of its indexed values (an array's elements
 * each, as MongoDB's multikey indexes): the values' encodings, each followed by {@link #END},
 * then the encoded position. A document with a value that has no encoding here (an embedded
 * document, a nested array), with no combination at all (an empty array), with more than one
 * array among its indexed values, or whose indexed path runs through an array, goes to a region
 * every answer includes, so a query never misses it.
 */
final class SecondaryIndex extends Index<Object> {
  private static final char ANYTHING = '\u0000';
  private static final char END = '\u0001';
  private static final char ESCAPE = '\u0002';

  private final MVMap<String, Object> entries;
  /** The indexed fields, and each one's path split at its dots, taken once rather than on every write. */
  private final List<String> names;
  private final List<String[]> paths;

  SecondaryIndex(MVMap<String, Object> entries, String name, List<IndexKey> keys) {
    super(name, keys, false);
    this.entries = entries;
    this.names = keys();
    this.paths = names.stream().map(path -> path.split("\\.", -1)).toList();
  }

  @Override
  public boolean canHandle(Document query) {
    return !probes(query).isEmpty();
  }

  @Override
  public Iterable<Object> getPositions(Document query) {
    Set<Object> positions = new LinkedHashSet<>();
    for (String probe : probes(query)) {
      collect(probe, positions);
    }
    collect(String.valueOf(ANYTHING), positions);
    return positions;
  }

  private void collect(String prefix, Set<Object> positions) {
    Cursor<String, Object> cursor = entries.cursor(prefix);
    while (cursor.hasNext() && cursor.next().startsWith(prefix)) {
      positions.add(cursor.getValue());
    }
  }

  /** The key prefixes that hold every document the query may match; none when it does not name the first key plainly. */
  private List<String> probes(Document query) {
    if (!query.containsKey(names.get(0))) {
      return List.of();
    }
    Optional<List<String>> firsts = firstKeyPrefixes(query.get(names.get(0)));
    if (firsts.isEmpty() || firsts.get().isEmpty()) {
      return List.of();
    }
    if (firsts.get().size() > 1) {
      return firsts.get();
    }
    StringBuilder prefix = new StringBuilder(firsts.get().get(0));
    for (String name : names.subList(1, names.size())) {
      if (!query.containsKey(name)) {
        break;
      }
      Optional<String> encoded = encodedPlain(query.get(name));
      if (encoded.isEmpty()) {
        break;
      }
      prefix.append(encoded.get()).append(END);
    }
    return List.of(prefix.toString());
  }

  private static Optional<List<String>> firstKeyPrefixes(Object queried) {
    if (queried instanceof Document operators && operators.size() == 1 && operators.get("$in") instanceof Collection<?> in) {
      List<String> prefixes = new ArrayList<>();
      for (Object value : in) {
        Optional<String> encoded = encodedPlain(value);
        if (encoded.isEmpty()) {
          return Optional.empty();
        }
        prefixes.add(encoded.get() + END);
      }
      return Optional.of(prefixes);
    }
    return encodedPlain(queried).map(encoded -> List.of(encoded + END));
  }

  /** The encoding of a queried value that equality alone decides: not an operator document, an embedded document or an array. */
  private static Optional<String> encodedPlain(Object queried) {
    if (queried instanceof Map || queried instanceof Collection) {
      return Optional.empty();
    }
    return encode(new KeyValue(queried).normalized().get(0));
  }

  /**
   * A text equal for two values exactly when MongoDB's equality holds between them after
   * mongo-java-server's normalization (numbers as doubles, -0 as 0, a missing field as null).
   */
  private static Optional<String> encode(Object value) {
    if (value == null) {
      return Optional.of("z");
    } else if (value instanceof String text) {
      return Optional.of("s" + escaped(text));
    } else if (value instanceof Double number) {
      return Optional.of("n" + number);
    } else if (value instanceof Long number) {
      return Optional.of("l" + number);
    } else if (value instanceof Boolean truth) {
      return Optional.of(truth ? "b1" : "b0");
    } else if (value instanceof ObjectId id) {
      return Optional.of("o" + id.getHexData());
    } else if (value instanceof Instant instant) {
      return Optional.of("d" + instant.toEpochMilli());
    } else if (value instanceof Date date) {
      return Optional.of("d" + date.getTime());
    } else if (value instanceof UUID uuid) {
      return Optional.of("u" + uuid);
    }
    return Optional.empty();
  }

  private static String escaped(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ESCAPE) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        out.append(ESCAPE).append((char) ('0' + c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private Set<String> keysOf(Document document, Object position) {
    String at = positionKey(position);
    if (!plainlyIndexable(document)) {
      return Set.of(ANYTHING + at);
    }
    Set<KeyValue> combinations;
    try {
      combinations = getKeyValues(document);
    } catch (RuntimeException parallelArraysOrUneven) {
      return Set.of(ANYTHING + at);
    }
    if (combinations.isEmpty()) {
      return Set.of(ANYTHING + at);
    }
    Set<String> keys = new LinkedHashSet<>();
    for (KeyValue combination : combinations) {
      StringBuilder key = new StringBuilder();
      for (Object value : combination) {
        Optional<String> encoded = encode(value);
        if (encoded.isEmpty()) {
          return Set.of(ANYTHING + at);
        }
        key.append(encoded.get()).append(END);
      }
      keys.add(key.append(at).toString());
    }
    return keys;
  }

  /**
   * Whether each indexed path reaches its value through embedded documents only, and at most one
   * of the values is an array. A path through an array (an array of subdocuments, a positional
   * {@code a.0}) is matched by MongoDB in ways the combinations do not list, so such a document
   * goes to the region every answer includes.
   */
  private boolean plainlyIndexable(Document document) {
    int arrays = 0;
    for (String[] path : paths) {
      Object value = document;
      for (String field : path) {
        if (!(value instanceof Map<?, ?> fields)) {
          if (value instanceof Collection) {
            return false;
          }
          value = null;
          break;
        }
        value = fields.get(field);
      }
      if (value instanceof Collection) {
        arrays++;
      }
    }
    return arrays <= 1;
  }

  /** Equal for positions the collection treats as one (1 and 1.0 as {@code _id}); Java-serialized when nothing else tells them apart. */
  private static String positionKey(Object position) {
    Object normalized = position == null ? null : new KeyValue(position).normalized().get(0);
    return encode(normalized).orElseGet(() -> "x" + HexFormat.of().formatHex(JavaSerialization.serialize(position)));
  }

  @Override
  public void add(Document document, Object position, MongoCollection<Object> collection) {
    for (String key : keysOf(document, position)) {
      entries.put(key, Missing.ofNullable(position));
    }
  }

  /**
   * The position kept with the document's entries: H2Collection keeps a document under its
   * {@code _id} as first stored, which a replacement may have changed to an equal one of another
   * type (1 to 1.0), and the collection checks that every index names the same position.
   */
  @Override
  public Object remove(Document document) {
    Object position = document.get("_id");
    Object kept = null;
    for (String key : keysOf(document, position)) {
      Object removed = entries.remove(key);
      kept = kept == null ? removed : kept;
    }
    return kept != null ? kept : position;
  }

  @Override
  public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
    Set<String> before = keysOf(oldDocument, position);
    Set<String> after = keysOf(newDocument, position);
    if (before.equals(after)) {
      return;
    }
    for (String key : before) {
      if (!after.contains(key)) {
        entries.remove(key);
      }
    }
    for (String key : after) {
      if (!before.contains(key)) {
        entries.put(key, Missing.ofNullable(position));
      }
    }
  }

  /** Documents are found by the collection's unique indexes; this one never decides a position alone. */
  @Override
  public Object getPosition(Document document) {
    return null;
  }

  @Override
  public void checkAdd(Document document, MongoCollection<Object> collection) {
    // a non-unique index refuses nothing
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    // a non-unique index refuses nothing
  }

  @Override
  public long getCount() {
    return entries.sizeAsLong();
  }

  @Override
  public long getDataSize() {
    return 0;
  }

  @Override
  public void drop() {
    entries.clear();
  }
}
