package yoriai.insight;

/**
 * A need's total over the cells that are shown. Suppressed cells are left out and only flagged,
 * so no total minus shown cells can reveal a suppressed count.
 */
public record NeedTotal(String need, int shownCases, boolean hasSuppressedCells) {}
