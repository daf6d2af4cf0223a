package yoriai.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import yoriai.shared.MachineValue;

/**
 * Looks at a public record's declared types, independently of the walker under test: which String
 * leaves it has (as {@code proposals[].serviceId}), which are exempt and why, and a sample with a
 * distinct text in every leaf. A component of a type this class does not know fails loudly, so a
 * new shape of public data cannot be waved through.
 */
public final class PublicTextCoverage {
  private final AtomicInteger counter = new AtomicInteger();

  /** Every String leaf by path, with its {@link MachineValue} reason or null. */
  public static Map<String, String> leaves(Class<? extends Record> type) {
    Map<String, String> out = new LinkedHashMap<>();
    leaves(type, "", null, out);
    return out;
  }

  private static void leaves(Type type, String path, MachineValue exempt, Map<String, String> out) {
    if (type == String.class) {
      out.put(path, exempt == null ? null : exempt.value());
    } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      leaves(list.getActualTypeArguments()[0], path + "[]", exempt, out);
    } else if (type instanceof Class<?> c && c.isRecord()) {
      for (RecordComponent component : c.getRecordComponents()) {
        leaves(component.getGenericType(), path.isEmpty() ? component.getName() : path + "." + component.getName(),
            component.getAnnotation(MachineValue.class), out);
      }
    } else if (!isValue(type)) {
      throw new AssertionError(path + " has type " + type + ": teach PublicTexts (and this test) whether it holds free text");
    }
  }

  private static boolean isValue(Type type) {
    return type instanceof Class<?> c && (c.isPrimitive() || c.isEnum() || Number.class.isAssignableFrom(c)
        || c == Boolean.class || c == Instant.class);
  }

  /** An instance with every list holding one element and every String a distinct non-blank text. */
  public <T extends Record> T sample(Class<T> type) {
    return type.cast(sample((Type) type));
  }

  private Object sample(Type type) {
    if (type == String.class) {
      return "text" + counter.incrementAndGet();
    }
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      return List.of(sample(list.getActualTypeArguments()[0]));
    }
    Class<?> c = (Class<?>) type;
    if (c.isRecord()) {
      RecordComponent[] components = c.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        values[i] = sample(components[i].getGenericType());
        types[i] = components[i].getType();
      }
      try {
        Constructor<?> canonical = c.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return canonical.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    if (c.isEnum()) {
      return c.getEnumConstants()[0];
    }
    if (c == Instant.class) {
      return Instant.EPOCH;
    }
    if (c == boolean.class || c == Boolean.class) {
      return true;
    }
    if (c == int.class || c == Integer.class) {
      return counter.incrementAndGet();
    }
    if (c == long.class || c == Long.class) {
      return (long) counter.incrementAndGet();
    }
    throw new AssertionError("no sample for " + type);
  }

  /** Paths with every list key (an index or an id) written as {@code []}, to compare with {@link #leaves}. */
  public static Set<String> shapes(Set<String> paths) {
    Set<String> out = new TreeSet<>();
    paths.forEach(path -> out.add(path.replaceAll("\\[[^]]*]", "[]")));
    return out;
  }

  /** The exempt leaves with their reasons, for a readable failure. */
  public static List<String> exempt(Map<String, String> leaves) {
    List<String> out = new ArrayList<>();
    leaves.forEach((path, reason) -> {
      if (reason != null) {
        out.add(path + ": " + reason);
      }
    });
    return out;
  }
}
