package yoriai.account;

/** The body an account belongs to, e.g. 八王子市 (municipality, 東京都). */
public record Organization(String name, OrganizationKind kind, String prefecture) {}
