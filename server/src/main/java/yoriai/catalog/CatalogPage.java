package yoriai.catalog;

import java.util.List;

/** One page of a catalog listing; {@code total} counts every match, not just this page. */
public record CatalogPage(long total, List<Service> services, int page, int size) {}
