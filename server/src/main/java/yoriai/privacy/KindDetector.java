package yoriai.privacy;

import java.util.List;

/**
 * Finds one or a few kinds of PII in width-folded text. The folded text has the same length as the
 * original, so the spans returned are valid offsets into the original text too.
 */
interface KindDetector {
  List<Span> find(String folded);
}
