package io.pulsereports.core;

import io.pulsereports.core.model.ReportRequest;

/**
 * Computes a report type's body for a validated request: it reads through the type's own data
 * port and runs the type's calculator.
 */
@FunctionalInterface
public interface ReportProducer<B> {

  B produce(ReportRequest request);
}
