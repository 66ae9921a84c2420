package io.pulsereports.core.template;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;

/** One page of templates and the number matching the query in all. */
public record TemplatePage(List<ReportTemplate> items, long total) {

  public TemplatePage {
    items = List.copyOf(requireNonNull(items, "items"));
    checkArgument(total >= items.size(), "total %s is below the %s items", total, items.size());
  }
}
