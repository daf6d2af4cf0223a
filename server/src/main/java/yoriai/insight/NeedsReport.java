package yoriai.insight;

import java.util.List;

/** The public needs insight: the suppressed base table, totals of shown cells, and gaps. */
public record NeedsReport(int threshold, List<Cell> cells, List<NeedTotal> totals, List<Gap> gaps) {}
