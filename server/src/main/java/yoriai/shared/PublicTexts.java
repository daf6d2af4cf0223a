package yoriai.shared;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Every free text of a record, found by walking its components through nested records and lists,
 * each named by a path such as {@code person.housing}, {@code activities[0].canDo} or
 * {@code proposals[p1].targetActivity}. Deriving the texts from the record itself means a field
 * added later is checked without anyone remembering to list it. Only components marked
 * {@link MachineValue} are left out; numbers, booleans, enums and timestamps carry no free text.
 * A component of any other type (a map, a set, an array) stops the walk with an error, so a new
 * shape cannot slip past unseen.
 */
public final class PublicTexts {
  /**
   * A record type's components and canonical constructor, looked up once per type: read by
   * reflection on every command, they were 7 % of the event loops' work at 8,000 posts/s
   * (each lookup copies the components and parses their annotations again).
   */
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return Shape.of(type);
    }
  };

  private PublicTexts() {}

  /** The non-blank texts of {@code root} by path, in component order. */
  public static Map<String, String> of(Record root) {
    Map<String, String> texts = new LinkedHashMap<>();
    rewrite(root, (path, text) -> {
      if (!text.isBlank()) {
        texts.put(path, text);
      }
      return text;
    });
    return texts;
  }

  /**
   * {@code root} with the text at {@code path} replaced; the same record when nothing changed.
   * Fails with {@code IllegalArgumentException} when no text has that path.
   */
  public static <T extends Record> T replace(T root, String path, String replacement) {
    boolean[] found = {false};
    T changed = rewrite(root, (at, text) -> {
      if (!at.equals(path)) {
        return text;
      }
      found[0] = true;
      return replacement;
    });
    if (!found[0]) {
      throw new IllegalArgumentException("no text at " + path);
    }
    return changed;
  }

  /** {@code root} with every free text passed through {@code change(path, text)}; nulls are left alone. */
  @SuppressWarnings("unchecked")
  public static <T extends Record> T rewrite(T root, BinaryOperator<String> change) {
    return (T) walk(root, "", change);
  }

  private static Object walk(Object value, String path, BinaryOperator<String> change) {
    if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
        || value instanceof TemporalAccessor) {
      return value;
    }
    if (value instanceof String text) {
      return change.apply(path, text);
    }
    if (value instanceof Record record) {
      return record(record, path, change);
    }
    if (value instanceof List<?> list) {
      return list(list, path, change);
    }
    throw new IllegalStateException("cannot look for free text in a " + value.getClass().getName() + " at " + path);
  }

  private static Object record(Record record, String path, BinaryOperator<String> change) {
    Shape shape = SHAPES.get(record.getClass());
    Object[] values = new Object[shape.components().size()];
    boolean changed = false;
    for (int i = 0; i < values.length; i++) {
      Component component = shape.components().get(i);
      Object before = component.read(record);
      String at = path.isEmpty() ? component.name() : path + "." + component.name();
      values[i] = component.machineValue() ? before : walk(before, at, change);
      changed |= values[i] != before;
    }
    return changed ? shape.construct(values) : record;
  }

  private static Object list(List<?> list, String path, BinaryOperator<String> change) {
    List<Object> out = new ArrayList<>(list.size());
    boolean changed = false;
    for (int i = 0; i < list.size(); i++) {
      Object before = list.get(i);
      Object after = walk(before, path + "[" + key(before, i) + "]", change);
      out.add(after);
      changed |= after != before;
    }
    return changed ? Collections.unmodifiableList(out) : list;
  }

  private static String key(Object element, int index) {
    if (element instanceof Record record) {
      for (Component component : SHAPES.get(record.getClass()).components()) {
        if (component.pathKey() != null) {
          return component.pathKey() + component.read(record);
        }
      }
    }
    return String.valueOf(index);
  }

  private record Shape(List<Component> components, Constructor<?> canonical) {
    static Shape of(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      List<Component> read = new ArrayList<>(components.length);
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        Method accessor = components[i].getAccessor();
        accessor.setAccessible(true);
        PathKey key = components[i].getAnnotation(PathKey.class);
        read.add(new Component(components[i].getName(), accessor, components[i].isAnnotationPresent(MachineValue.class),
            key == null ? null : key.value()));
      }
      try {
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return new Shape(List.copyOf(read), canonical);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
      }
    }

    Object construct(Object[] values) {
      try {
        return canonical.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot rebuild " + canonical.getDeclaringClass().getName(), e);
      }
    }
  }

  private record Component(String name, Method accessor, boolean machineValue, @Nullable String pathKey) {
    Object read(Record record) {
      try {
        return accessor.invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + name + " of " + record.getClass().getName(), e);
      }
    }
  }
}
