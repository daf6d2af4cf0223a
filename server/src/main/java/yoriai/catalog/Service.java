package yoriai.catalog;

import java.time.Instant;
import java.util.List;
import yoriai.account.Organization;

/**
 * A market service as everyone sees it, with in how many published cases it was proposed and
 * adopted.
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
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long proposedCount,
    long adoptedCount) {}
