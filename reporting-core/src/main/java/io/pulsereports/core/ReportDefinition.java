package io.pulsereports.core;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.ReportType;

/**
 * One entry of the report catalogue: a type name, how it picks its period, whether it is scoped
 * to a gym (and optionally a branch), and the producer that loads and computes its body. The
 * built-in lead and learning reports are registered through exactly this record (see {@link
 * LeadReports} and {@link LearningReports}); a renderer finds the type's template by {@link #type()}.
 */
public record ReportDefinition<B>(
    ReportType type, PeriodKind periodKind, boolean gymScoped, ReportProducer<B> producer) {

  public ReportDefinition {
    requireNonNull(type, "type");
    requireNonNull(periodKind, "periodKind");
    requireNonNull(producer, "producer");
  }
}
