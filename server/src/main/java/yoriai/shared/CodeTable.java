package yoriai.shared;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumMap;
import java.util.Map;

/** The codes of each {@link Coded} enum, read once from the {@code @JsonProperty} of its constants. */
final class CodeTable {
  private static final ClassValue<Map<?, String>> CODES = new ClassValue<>() {
    @Override
    protected Map<?, String> computeValue(Class<?> type) {
      return table(type.asSubclass(Enum.class));
    }
  };

  private CodeTable() {}

  static String codeOf(Enum<?> constant) {
    return CODES.get(constant.getDeclaringClass()).get(constant);
  }

  private static <E extends Enum<E>> Map<E, String> table(Class<E> type) {
    Map<E, String> codes = new EnumMap<>(type);
    for (E constant : type.getEnumConstants()) {
      try {
        JsonProperty code = type.getField(constant.name()).getAnnotation(JsonProperty.class);
        if (code == null) {
          throw new IllegalStateException(type.getSimpleName() + "." + constant.name() + " declares no @JsonProperty code");
        }
        codes.put(constant, code.value());
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("every enum constant is a public field", e);
      }
    }
    return Map.copyOf(codes);
  }
}
