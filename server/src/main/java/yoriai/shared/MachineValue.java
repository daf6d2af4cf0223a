package yoriai.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a String component that is a machine value by construction (a generated id, a code from a
 * closed set), so {@link PublicTexts} does not hand it to the PII check. The reason says why no
 * person can type free text into it; everything without this mark is checked.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface MachineValue {
  String value();
}
