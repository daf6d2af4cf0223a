package yoriai.account;

/** An organization as the admin console lists it, with how many accounts belong to it. */
public record OrganizationSummary(String id, String name, OrganizationKind kind, String prefecture, int accounts) {}
