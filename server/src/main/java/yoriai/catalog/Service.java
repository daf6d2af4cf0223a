package yoriai.catalog;

import java.time.Instant;
import java.util.List;
import yoriai.account.Organization;

/**
 * A market service as everyone sees it, with in how many published cases it was proposed and
 * adopted. It names the owning organization only: who registered it is kept, not shown.
 */
public record Service(
    String id,
    String name,
    String provider,
    String category,
    String description,
    List<Area> areas,
    String price,
    String howToUse,
    String contactUrl,
    Organization ownerOrganization,
    Instant createdAt,
    Instant updatedAt,
    long proposedCount,
    long adoptedCount) {}
