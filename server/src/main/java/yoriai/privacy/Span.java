package yoriai.privacy;

/** A finding before it is attached to a field. */
record Span(int start, int end, PiiKind kind) {

  int length() {
    return end - start;
  }

  boolean overlaps(Span other) {
    return start < other.end && other.start < end;
  }
}
