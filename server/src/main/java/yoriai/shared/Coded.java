package yoriai.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enumeration whose constants travel as fixed codes ({@code "80-84"}, {@code "要支援2"},
 * {@code "municipality"}). Each constant declares its code once, with Jackson's
 * {@code @JsonProperty} (which the wire reads and writes), and {@link #code()} returns that same
 * code, so the enums need no field, constructor or accessor of their own.
 */
public interface Coded {
  default String code() {
    return CodeTable.codeOf((Enum<?>) this);
  }

  /** The constant with {@code code}, or empty for any other text. */
  static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
    return Arrays.stream(type.getEnumConstants()).filter(c -> c.code().equals(code)).findFirst();
  }

  /** Every code of {@code type} in declaration order, e.g. for a "one of" validation. */
  static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
  }
}
