package yoriai.privacy;

/** A suspected piece of personal data: {@code start} inclusive, {@code end} exclusive, UTF-16 offsets into the field's text. */
public record PiiFinding(String field, int start, int end, PiiKind kind) {}
