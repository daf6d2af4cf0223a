package yoriai.insight;

import java.util.List;

/**
 * A need raised in a prefecture where no catalog service of a fitting category serves that area.
 * Counts follow the same rule as totals: only shown cells are added up.
 */
public record Gap(String need, String prefecture, List<String> categories, int shownCases, boolean hasSuppressedCells) {}
