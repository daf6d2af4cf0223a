package yoriai.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the component that names a list element in a {@link PublicTexts} path, so the path stays
 * the same when elements before it go: {@code discussion[seq=12].text} rather than
 * {@code discussion[3].text}. {@code value} is written before the key.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PathKey {
  String value() default "";
}
