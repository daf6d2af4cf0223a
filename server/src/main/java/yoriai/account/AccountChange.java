package yoriai.account;

import yoriai.shared.Nullable;

/** The body of {@code PATCH /api/v1/accounts/{id}}: what an admin changes; a field left out stays as it is. */
public record AccountChange(@Nullable Role role, @Nullable String profession, @Nullable String displayName) {}
