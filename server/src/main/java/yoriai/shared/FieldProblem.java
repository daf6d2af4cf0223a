package yoriai.shared;

/** One reason a field of a request was refused; {@code field} is a JSON path such as {@code person.ageBand}. */
public record FieldProblem(String field, String problem) {}
