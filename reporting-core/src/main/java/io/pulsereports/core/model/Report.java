package io.pulsereports.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A generated report: what was asked for, when it was computed, and its metric blocks. The body
 * is the type's own record (for example {@code DailyLeadReport}); its components are the report's
 * top-level JSON fields.
 */
public record Report<B>(ReportRequest request, Instant generatedAt, B body) {

  public Report {
    requireNonNull(request, "request");
    requireNonNull(generatedAt, "generatedAt");
    requireNonNull(body, "body");
  }

  public ReportType type() {
    return request.type();
  }

  /**
   * This report with its personal identifiers replaced by keyed pseudonyms; the same report when
   * its body holds none.
   */
  public Report<B> anonymized(Pseudonyms pseudonyms) {
    if (body instanceof Anonymizable<?> anonymizable) {
      @SuppressWarnings("unchecked")
      B replaced = (B) anonymizable.anonymized(pseudonyms);
      return new Report<>(request, generatedAt, replaced);
    }
    return this;
  }
}
