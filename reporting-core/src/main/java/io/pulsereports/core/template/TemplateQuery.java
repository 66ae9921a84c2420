package io.pulsereports.core.template;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.ReportType;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A page of templates, oldest first (created_at, then id), filtered by report type and by the gyms
 * a caller may see ({@code gymIds} empty: every template; a set: those gyms' templates and the
 * shared ones, which have no gym).
 */
public record TemplateQuery(Optional<Set<UUID>> gymIds, Optional<ReportType> reportType, int limit, int offset) {

  public static final int MAX_LIMIT = 500;

  public TemplateQuery {
    gymIds = requireNonNull(gymIds, "gymIds").map(Set::copyOf);
    requireNonNull(reportType, "reportType");
    checkArgument(limit >= 1 && limit <= MAX_LIMIT, "limit %s is outside 1..%s", limit, MAX_LIMIT);
    checkArgument(offset >= 0, "offset %s is negative", offset);
  }

  public static TemplateQuery all(int limit) {
    return new TemplateQuery(Optional.empty(), Optional.empty(), limit, 0);
  }
}
