package yoriai.insight;

import java.util.List;

/**
 * The public needs insight: how many published cases it aggregates, the suppressed base table,
 * totals of shown cells, and gaps. The number of published cases is public anyway (the archive).
 */
public record NeedsReport(int threshold, int publishedCases, List<Cell> cells, List<NeedTotal> totals, List<Gap> gaps) {}
