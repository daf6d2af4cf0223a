package yoriai.insight;

import java.util.Set;

/** What the insight counts of one published case: where, how frail, and which needs were discussed. */
public record CaseFacts(String caseId, String prefecture, String careLevel, Set<String> needs) {}
