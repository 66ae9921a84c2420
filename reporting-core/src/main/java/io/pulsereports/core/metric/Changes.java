package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

/** Every change of a weekly report, nested like the metrics they compare. */
public record Changes(LeadChanges leads, CallChanges calls, Change interestRate) {

  public Changes {
    requireNonNull(leads, "leads");
    requireNonNull(calls, "calls");
    requireNonNull(interestRate, "interestRate");
  }
}
