package yoriai.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every problem of a request before refusing it, so the client can fix all at once. */
public final class Validator {
  private final List<FieldProblem> problems = new ArrayList<>();

  public Validator required(String field, Object value) {
    if (value == null) {
      problems.add(new FieldProblem(field, "required"));
    }
    return this;
  }

  public Validator text(String field, String value, int min, int max) {
    if (value == null) {
      if (min > 0) {
        problems.add(new FieldProblem(field, "required"));
      }
    } else if (value.isBlank() && min > 0) {
      problems.add(new FieldProblem(field, "must not be blank"));
    } else if (value.codePointCount(0, value.length()) > max) {
      problems.add(new FieldProblem(field, "at most " + max + " characters"));
    } else if (value.codePointCount(0, value.length()) < min) {
      problems.add(new FieldProblem(field, "at least " + min + " characters"));
    }
    return this;
  }

  public Validator matches(String field, String value, Pattern pattern, String expected) {
    if (value != null && !pattern.matcher(value).matches()) {
      problems.add(new FieldProblem(field, "must be " + expected));
    }
    return this;
  }

  public Validator oneOf(String field, String value, Collection<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      problems.add(new FieldProblem(field, "must be one of " + String.join(", ", allowed)));
    }
    return this;
  }

  public Validator check(boolean ok, String field, String problem) {
    if (!ok) {
      problems.add(new FieldProblem(field, problem));
    }
    return this;
  }

  public List<FieldProblem> problems() {
    return List.copyOf(problems);
  }

  public void orThrow() {
    if (!problems.isEmpty()) {
      throw Failure.invalid("The request has invalid fields", problems);
    }
  }
}
