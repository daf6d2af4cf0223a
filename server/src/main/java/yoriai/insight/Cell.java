package yoriai.insight;

/**
 * One cell of the need × prefecture × care-level table. {@code cases} is null when the cell is
 * suppressed; the client shows it as {@code "<3"}.
 */
public record Cell(String need, String prefecture, String careLevel, Integer cases, boolean suppressed) {}
